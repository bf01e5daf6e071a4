import { ApiFailure, errorText, get, loginPage, post } from './api.js';
import { h, replace } from './dom.js';
import { LANGUAGES, lang, storedLanguage, t, useLanguage } from './i18n.js';
import { PAGES } from './pages/index.js';

const ROLES = ['ADMIN', 'OPERATOR', 'AUDITOR'];
let session;

function context(me) {
  const roles = new Set((me.roles ?? []).map(r => String(r).replace(/^ROLE_/, '')).filter(r => ROLES.includes(r)));
  return {
    me,
    roles,
    /** Whether the user has one of these roles (the role matrix of the API, docs/console.md). */
    can: (...wanted) => wanted.some(r => roles.has(r)),
    refresh: () => showPage(),
  };
}

const allowed = page => page.roles.some(r => session.roles.has(r));

function drawShell() {
  document.title = t('app.title');
  document.getElementById('brand').textContent = t('app.brand');
  document.getElementById('lang-label').textContent = t('app.language');
  document.getElementById('logout').textContent = t('app.logout');
  document.querySelector('#nav').setAttribute('aria-label', t('app.navigation'));
  const select = document.getElementById('lang');
  select.value = lang();
  const me = session.me;
  replace(document.getElementById('user'),
    h('span', { id: 'user-name', title: me.username }, me.displayName || me.username),
    ' ', h('span', { class: 'muted', id: 'user-roles' },
      [...session.roles].map(r => t(`role.${r}`)).join(', ')));
  replace(document.getElementById('nav'), h('ul', null, PAGES.filter(allowed).map(p =>
    h('li', null, h('a', { href: `#/${p.id}`, 'data-page': p.id }, t(`nav.${p.id}`))))));
}

function currentPage() {
  const [id, ...rest] = location.hash.replace(/^#\/?/, '').split('/');
  return { page: PAGES.find(p => p.id === id) ?? PAGES[0], args: rest.map(decodeURIComponent) };
}

async function showPage() {
  const { page, args } = currentPage();
  // a dialog belongs to the page that opened it
  for (const open of document.querySelectorAll('dialog')) open.close();
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === page.id) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = document.getElementById('view');
  view.dataset.page = page.id;
  if (!allowed(page)) {
    replace(view, h('h1', null, t(`nav.${page.id}`)), h('p', { class: 'error' }, t('error.http.403')));
    return;
  }
  replace(view);
  try {
    await page.render(view, session, args);
  } catch (e) {
    replace(view, h('h1', null, t(`nav.${page.id}`)), h('p', { class: 'error', role: 'alert' }, errorText(e)));
  }
}

async function start() {
  await useLanguage(storedLanguage());
  let me;
  try {
    me = await get('/api/me');
  } catch (e) {
    if (!(e instanceof ApiFailure && e.status === 401)) {
      replace(document.getElementById('view'), h('p', { class: 'error', role: 'alert' }, errorText(e)));
    }
    return;
  }
  session = context(me);
  drawShell();
  document.getElementById('lang').addEventListener('change', async ev => {
    if (!LANGUAGES.includes(ev.target.value)) return;
    await useLanguage(ev.target.value, { remember: true });
    drawShell();
    await showPage();
  });
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await post('/logout');
    } catch {
      // logout answers with a redirect to the login page, which api() reports as "not logged in"
    }
    loginPage();
  });
  window.addEventListener('hashchange', showPage);
  await showPage();
  document.body.classList.add('ready');
}

start();
