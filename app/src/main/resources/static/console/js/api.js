import { has, lang, t } from './i18n.js';

/** An API call the server refused, with its JSON body when it sent one. */
export class ApiFailure extends Error {
  constructor(status, body, url) {
    super(`${status} ${url}`);
    this.status = status;
    this.body = body ?? {};
  }
}

/** Spring Security's CSRF cookie; sent back in X-XSRF-TOKEN on every call that changes something. */
export function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return m ? decodeURIComponent(m[1]) : null;
}

export function loginPage() {
  window.location.assign('/login');
}

export async function api(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = res.headers.get('Content-Type') ?? '';
  // An expired session answers 401, or (form login's entry point) a redirect to the login page.
  if (res.status === 401 || (res.redirected && new URL(res.url).pathname === '/login')) {
    loginPage();
    throw new ApiFailure(401, { code: 'NOT_LOGGED_IN' }, url);
  }
  const data = type.includes('json') ? await res.json().catch(() => null)
    : (res.status === 204 ? null : await res.text());
  if (!res.ok) throw new ApiFailure(res.status, typeof data === 'object' ? data : { message: data }, url);
  return data;
}

export const get = url => api('GET', url);
export const post = (url, body) => api('POST', url, body ?? {});
export const put = (url, body) => api('PUT', url, body);

/** A query string of the non-empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '' && v !== false) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * What went wrong, in the user's language: a label for the API's error code when we have one, else
 * the API's own Vietnamese or English text, else the HTTP status.
 */
export function errorText(e) {
  if (!(e instanceof ApiFailure)) return t('error.network', { detail: e?.message ?? String(e) });
  // Spring's own error page body ({timestamp, status, error: "Not Found", path}) says only the status.
  const b = e.body?.timestamp && e.body?.path ? {} : (e.body ?? {});
  const code = b.code ?? (typeof b.error === 'string' && /^[A-Z_]+$/.test(b.error) ? b.error : null);
  const vi = lang() === 'vi';
  const own = vi ? (b.messageVi ?? b.errorVi ?? b.detailVi) : null;
  const server = own ?? b.message ?? (code ? null : b.error) ?? b.detail;
  if (code && has(`error.${code}`)) {
    return server && !vi ? `${t(`error.${code}`)} (${server})` : (own ? `${t(`error.${code}`)}: ${own}` : t(`error.${code}`));
  }
  if (server) return String(server);
  if (has(`error.http.${e.status}`)) return t(`error.http.${e.status}`);
  return t('error.http', { status: e.status });
}

/** Field errors of a refused form: [{field, text}], from {field, …} or {errors: [{field, …}]}. */
export function fieldErrors(e) {
  if (!(e instanceof ApiFailure)) return [];
  const b = e.body ?? {};
  const vi = lang() === 'vi';
  const list = Array.isArray(b.errors) ? b.errors : Array.isArray(b.fieldErrors) ? b.fieldErrors
    : (b.field ? [b] : []);
  return list.map(x => ({
    field: x.field,
    text: (vi ? (x.messageVi ?? x.errorVi) : null) ?? x.message ?? x.defaultMessage ?? x.rule ?? errorText(e),
  }));
}
