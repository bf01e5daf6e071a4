import { errorText, fieldErrors } from './api.js';
import { h, replace, showFieldErrors } from './dom.js';
import { t } from './i18n.js';

export const PAGE_SIZE = 15;

/**
 * A table that fits the screen (fixed layout, long ids wrap) and pages through its rows.
 * columns: [{key, label, cell: row => node|string, class}]
 */
export function pagedTable(columns, rows, { pageSize = PAGE_SIZE, empty = t('common.empty'), id, rowAttrs } = {}) {
  const box = h('div', { class: 'table-box', id });
  let page = 0;
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  function draw() {
    const shown = rows.slice(page * pageSize, (page + 1) * pageSize);
    const table = h('table', { class: 'data' },
      h('thead', null, h('tr', null, columns.map(c => h('th', { class: c.class, scope: 'col' }, c.label)))),
      h('tbody', null, shown.length === 0
        ? h('tr', null, h('td', { colspan: columns.length, class: 'muted' }, empty))
        : shown.map(row => h('tr', rowAttrs ? rowAttrs(row) : null,
          columns.map(c => h('td', { class: c.class, 'data-col': c.key }, c.cell ? c.cell(row) : (row[c.key] ?? '—')))))));
    const pager = pages > 1 ? h('div', { class: 'pager' },
      h('button', { type: 'button', class: 'secondary', disabled: page === 0, 'data-action': 'prev-page',
        onclick: () => { page--; draw(); } }, t('common.previous')),
      h('span', null, t('common.pageOf', { page: page + 1, pages, total: rows.length })),
      h('button', { type: 'button', class: 'secondary', disabled: page >= pages - 1, 'data-action': 'next-page',
        onclick: () => { page++; draw(); } }, t('common.next'))) : null;
    replace(box, table, pager);
  }
  draw();
  return box;
}

export function badge(text, kind = 'neutral') {
  return h('span', { class: `badge badge-${kind}` }, text);
}

export function card(title, body, { id } = {}) {
  return h('section', { class: 'card', id }, h('h2', null, title), body);
}

export function errorBox(e) {
  return h('p', { class: 'error', role: 'alert' }, errorText(e));
}

/** Fills a placeholder with what load() builds, or with the error in the user's language. */
export async function fill(target, load) {
  replace(target, h('p', { class: 'muted' }, t('common.loading')));
  try {
    replace(target, await load());
  } catch (e) {
    replace(target, errorBox(e));
  }
}

let toastTimer;
export function toast(text, kind = 'ok') {
  const el = document.getElementById('toast');
  el.className = `show toast-${kind}`;
  el.textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.className = ''; }, 6000);
}

/**
 * A modal dialog with a form. onSubmit(data, form) may throw an ApiFailure: the dialog stays open
 * and shows the error (at its field when the API names one).
 */
export function dialog(title, fields, { submitLabel = t('common.ok'), onSubmit, id, danger = false } = {}) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { method: 'dialog', class: 'form' }, fields, error,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: danger ? 'danger' : null, 'data-action': 'confirm' }, submitLabel),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'cancel', onclick: () => dlg.close() }, t('common.cancel'))));
  const dlg = h('dialog', { id, 'aria-label': title }, h('h2', null, title), form);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    if (!form.reportValidity()) return;
    error.hidden = true;
    const button = form.querySelector('[data-action=confirm]');
    button.disabled = true;
    try {
      // onSubmit answers 'keep' to show its result in the open dialog.
      if (await onSubmit(form) !== 'keep') dlg.close();
    } catch (e) {
      if (!showFieldErrors(form, fieldErrors(e))) {
        error.textContent = errorText(e);
        error.hidden = false;
      }
    } finally {
      button.disabled = false;
    }
  });
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
  return dlg;
}

export function button(text, onclick, { action, kind, disabled } = {}) {
  return h('button', { type: 'button', class: kind, 'data-action': action, disabled, onclick }, text);
}

export function pageHeader(title, ...tools) {
  return h('div', { class: 'page-head' }, h('h1', null, title), h('div', { class: 'tools' }, tools));
}

export function keyValues(pairs) {
  return h('dl', { class: 'kv' }, pairs.filter(([, v]) => v !== undefined).map(([k, v]) =>
    [h('dt', null, k), h('dd', null, v == null || v === '' ? '—' : v)]));
}
