import { errorText, get, post, put, query } from '../api.js';
import { field, formData, h, replace } from '../dom.js';
import { dateTime } from '../format.js';
import { label, t } from '../i18n.js';
import { badge, button, dialog, fill, keyValues, pageHeader, pagedTable, toast } from '../ui.js';

const CHANNELS = ['LOCAL', 'AXIS', 'MAIL'];
const POLICIES = ['REJECT_UNSIGNED', 'ACCEPT_UNSIGNED_FLAGGED'];
const PAGE = 15;

const path = code => `/api/admin/agencies/${encodeURIComponent(code)}`;

/**
 * The agency directory (h-admin's /api/admin/agencies: {page, size, total, agencies}): search by code
 * prefix or name, and for administrators edit, create and register with the national axis.
 */
export async function render(view, session) {
  const admin = session.can('ADMIN');
  let page = 0;
  const results = h('div', { id: 'agency-list' });
  const form = h('form', { class: 'form inline', id: 'agency-search' },
    field(t('agencies.search'), h('input', { name: 'q', type: 'search', placeholder: t('agencies.searchHint') }), { name: 'q' }),
    field(t('agencies.channel'), h('select', { name: 'channel' }, h('option', { value: '' }, t('common.all')), CHANNELS.map(c => h('option', { value: c }, label('channel', c)))), { name: 'channel' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'search' }, t('common.search'))));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    page = 0;
    load();
  });
  replace(view, pageHeader(t('nav.agencies'), admin ? button(t('agencies.new'), () => edit(null), { action: 'new-agency' }) : null), form, results);

  const load = () => fill(results, async () => {
    const f = formData(form);
    const r = await get(`/api/admin/agencies${query({ q: f.q, channel: f.channel, page, size: PAGE })}`);
    const pages = Math.max(1, Math.ceil(r.total / r.size));
    const turn = delta => { page += delta; load(); };
    return h('div', null,
      pagedTable([
        { key: 'code', label: t('agencies.code'), class: 'w-agency', cell: a => h('code', null, a.code) },
        { key: 'name', label: t('agencies.name'), class: 'wrap' },
        { key: 'channel', label: t('agencies.channel'), class: 'w-state', cell: a => label('channel', a.channel) },
        { key: 'mail', label: t('agencies.mail'), class: 'wrap', cell: a => a.mail ?? '—' },
        { key: 'signaturePolicy', label: t('agencies.signaturePolicy'), class: 'wrap', cell: a => label('policy', a.signaturePolicy) },
        { key: 'tokenSet', label: t('agencies.tokenSet'), class: 'w-small', cell: a => (a.tokenSet ? badge(t('common.yes'), 'ok') : badge(t('common.no'))) },
        { key: 'actions', label: t('common.actions'), class: 'w-actions', cell: a => h('div', { class: 'row-actions' },
          button(t('common.view'), () => show(a), { action: 'view', kind: 'secondary' }),
          admin ? button(t('common.edit'), () => edit(a), { action: 'edit', kind: 'secondary' }) : null,
          admin && a.channel !== 'AXIS' ? button(t('agencies.register'), () => register(a), { action: 'register', kind: 'secondary' }) : null) },
      ], r.agencies ?? [], { pageSize: PAGE, rowAttrs: a => ({ 'data-agency': a.code }) }),
      pages > 1 ? h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'secondary', disabled: page === 0, 'data-action': 'prev-page', onclick: () => turn(-1) }, t('common.previous')),
        h('span', null, t('common.pageOf', { page: page + 1, pages, total: r.total })),
        h('button', { type: 'button', class: 'secondary', disabled: page >= pages - 1, 'data-action': 'next-page', onclick: () => turn(1) }, t('common.next'))) : null);
  });

  function show(a) {
    const dlg = dialog(t('agencies.detailTitle', { code: a.code }), keyValues([
      [t('agencies.code'), a.code], [t('agencies.name'), a.name], [t('agencies.channel'), label('channel', a.channel)],
      [t('agencies.mail'), a.mail], [t('agencies.signaturePolicy'), label('policy', a.signaturePolicy)],
      [t('agencies.parent'), a.parentId], [t('agencies.source'), label('agencySource', a.source)],
      [t('agencies.tokenSet'), a.tokenSet ? t('common.yes') : t('common.no')],
      [t('agencies.codeConforms'), a.codeConforms ? t('common.yes') : t('common.no')],
      [t('agencies.updatedAt'), a.updatedAt ? dateTime(a.updatedAt) : null],
    ]), { id: 'agency-detail', submitLabel: t('common.close'), onSubmit: async () => {} });
    dlg.querySelector('[data-action=cancel]').hidden = true;
  }

  /** Create (a == null) or edit: an edit sends only what changed; a token is sent only when typed. */
  function edit(a) {
    const creating = a == null;
    const fields = [
      creating ? field(t('agencies.code'), h('input', { name: 'code', required: true, placeholder: '000.00.12.H53' }), { name: 'code', hint: t('agencies.codeHint') }) : null,
      field(t('agencies.name'), h('input', { name: 'name', required: true, value: a?.name ?? '' }), { name: 'name' }),
      field(t('agencies.channel'), h('select', { name: 'channel' }, CHANNELS.map(c => h('option', { value: c, selected: a?.channel === c }, label('channel', c)))), { name: 'channel' }),
      field(t('agencies.mail'), h('input', { name: 'mail', value: a?.mail ?? '' }), { name: 'mail' }),
      field(t('agencies.token'), h('input', { name: 'token', type: 'password', autocomplete: 'new-password' }), { name: 'token', hint: t('agencies.tokenHint') }),
      creating ? null : h('div', { class: 'field check', 'data-field': 'clearToken' }, h('input', { type: 'checkbox', name: 'clearToken', id: 'agency-clear-token' }), h('label', { for: 'agency-clear-token' }, t('agencies.clearToken'))),
      field(t('agencies.signaturePolicy'), h('select', { name: 'signaturePolicy' }, POLICIES.map(p => h('option', { value: p, selected: a?.signaturePolicy === p }, label('policy', p)))), { name: 'signaturePolicy' }),
      field(t('agencies.parent'), h('input', { name: 'parentId', value: a?.parentId ?? '' }), { name: 'parentId' }),
    ];
    dialog(creating ? t('agencies.newTitle') : t('agencies.editTitle', { code: a.code }), fields, {
      id: 'agency-edit', submitLabel: t('common.save'),
      onSubmit: async f => {
        const data = formData(f);
        const body = {};
        for (const name of ['code', 'name', 'channel', 'signaturePolicy', 'parentId', 'token']) {
          if (data[name] !== undefined && (creating || data[name] !== (a[name] ?? undefined))) body[name] = data[name];
        }
        // an emptied mail field removes the address
        const mail = f.elements.mail.value.trim();
        if (creating ? mail : mail !== (a.mail ?? '')) body.mail = mail;
        if (!creating && f.elements.clearToken.checked) body.clearToken = true;
        if (creating) await post('/api/admin/agencies', body);
        else await put(path(a.code), body);
        toast(t('agencies.saved'));
        await load();
      },
    });
  }

  async function register(a) {
    try {
      const r = await post(`${path(a.code)}/register`);
      toast(t('agencies.registeredDone', { code: a.code, axisId: r?.axisId ?? '' }));
    } catch (e) {
      toast(errorText(e), 'bad');
    }
  }

  await load();
}
