// Elements are built, never parsed from strings: no text from the API is ever read as HTML.

/** h('button', {class: 'x', onclick: fn, 'data-action': 'stop'}, 'Dừng') */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'value') el.value = value;
    else if (name === 'checked') el.checked = Boolean(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A labelled form field; the error line under it shows the server's message for that field. */
export function field(label, input, { hint, name } = {}) {
  const id = input.id || (input.id = 'f-' + (name ?? input.name ?? Math.random().toString(36).slice(2)));
  return h('div', { class: 'field', 'data-field': name ?? input.name },
    h('label', { for: id }, label),
    input,
    hint ? h('small', { class: 'hint' }, hint) : null,
    h('small', { class: 'field-error', role: 'alert' }));
}

export function showFieldErrors(form, errors) {
  for (const el of form.querySelectorAll('.field-error')) el.textContent = '';
  for (const el of form.querySelectorAll('.invalid')) el.classList.remove('invalid');
  let placed = false;
  for (const { field: name, text } of errors) {
    const box = name && form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (box) {
      box.querySelector('.field-error').textContent = text;
      box.querySelector('input, select, textarea')?.classList.add('invalid');
      placed = true;
    }
  }
  return placed;
}

/** Data of a form as an object of strings (checkboxes as booleans); empty strings left out. */
export function formData(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.value.trim() !== '') out[el.name] = el.value.trim();
  }
  return out;
}
