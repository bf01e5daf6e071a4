// Labels live in i18n/vi.json and i18n/en.json (same keys; a test checks both files and every key the
// scripts use). Vietnamese is the default; the choice is remembered in this browser.
export const LANGUAGES = ['vi', 'en'];
// shared with the login page (login.js), so the language chosen there carries over
const STORAGE_KEY = 'bus.lang';

let language = 'vi';
let messages = {};

export function storedLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.includes(stored) ? stored : 'vi';
}

export async function useLanguage(lang, { remember = false } = {}) {
  const wanted = LANGUAGES.includes(lang) ? lang : 'vi';
  const res = await fetch(`i18n/${wanted}.json`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`messages ${wanted}: HTTP ${res.status}`);
  messages = await res.json();
  language = wanted;
  document.documentElement.lang = wanted;
  if (remember) localStorage.setItem(STORAGE_KEY, wanted);
}

export function lang() {
  return language;
}

export function has(key) {
  return Object.hasOwn(messages, key);
}

/** t('routes.confirmStop', {id: 'deliver-axis'}): the label, with {name} placeholders filled in. */
export function t(key, params) {
  const text = has(key) ? messages[key] : key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m)) : text;
}

/** A label for a code the API returns (a state, a step), or the code itself when there is none. */
export function label(prefix, code) {
  if (code == null || code === '') return '—';
  return has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : String(code);
}
