import { errorText, get, post, put, query } from '../api.js';
import { field, formData, h, replace } from '../dom.js';
import { label, t } from '../i18n.js';
import { badge, button, dialog, fill, pageHeader, pagedTable, toast } from '../ui.js';

const CHANNELS = ['LOCAL', 'AXIS', 'MAIL'];
const POLICIES = ['REJECT_UNSIGNED', 'ACCEPT_UNSIGNED_FLAGGED'];

// The shape of /api/admin/agencies (h-admin, docs/administration.md), read in one place.
export const agency = {
  code: a => a.organId ?? a.code,
  registered: a => a.registeredWithAxis ?? a.registered ?? a.axisRegistered,
};

const path = code => `/api/admin/agencies/${encodeURIComponent(code)}`;

export async function render(view, session) {
  const admin = session.can('ADMIN');
  const results = h('div', { id: 'agency-list' });
  const form = h('form', { class: 'form inline', id: 'agency-search' },
    field(t('agencies.search'), h('input', { name: 'q', type: 'search', placeholder: t('agencies.searchHint') })),
    field(t('agencies.channel'), h('select', { name: 'channel' }, h('option', { value: '' }, t('common.all')), CHANNELS.map(c => h('option', { value: c }, label('channel', c))))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'search' }, t('common.search'))));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    load();
  });
  replace(view, pageHeader(t('nav.agencies'), admin ? button(t('agencies.new'), () => edit(null), { action: 'new-agency' }) : null), form, results);

  const load = () => fill(results, async () => {
    const f = formData(form);
    const data = await get(`/api/admin/agencies${query({ q: f.q, channel: f.channel })}`);
    let list = Array.isArray(data) ? data : (data.agencies ?? data.items ?? []);
    // Filtered here as well, in case the API answers the whole directory.
    const needle = (f.q ?? '').toLowerCase();
    if (needle) list = list.filter(a => `${agency.code(a)} ${a.name ?? ''} ${a.mail ?? ''}`.toLowerCase().includes(needle));
    if (f.channel) list = list.filter(a => a.channel === f.channel);
    return pagedTable([
      { key: 'organId', label: t('agencies.code'), class: 'w-agency', cell: a => h('code', null, agency.code(a)) },
      { key: 'name', label: t('agencies.name'), class: 'wrap' },
      { key: 'channel', label: t('agencies.channel'), class: 'w-small', cell: a => label('channel', a.channel) },
      { key: 'mail', label: t('agencies.mail'), class: 'wrap', cell: a => a.mail ?? '—' },
      { key: 'signaturePolicy', label: t('agencies.signaturePolicy'), class: 'wrap', cell: a => label('policy', a.signaturePolicy) },
      { key: 'registered', label: t('agencies.axis'), class: 'w-state', cell: a => agency.registered(a) == null ? '—' : badge(agency.registered(a) ? t('agencies.registered') : t('agencies.notRegistered'), agency.registered(a) ? 'ok' : 'neutral') },
      { key: 'actions', label: t('common.actions'), class: 'w-actions', cell: a => admin ? h('div', { class: 'row-actions' },
        button(t('common.edit'), () => edit(a), { action: 'edit', kind: 'secondary' }),
        button(t('agencies.register'), () => register(a), { action: 'register', kind: 'secondary' })) : '—' },
    ], list, { rowAttrs: a => ({ 'data-agency': agency.code(a) }) });
  });

  function edit(a) {
    const creating = a == null;
    const fields = [
      creating ? field(t('agencies.code'), h('input', { name: 'organId', required: true, placeholder: '000.00.01.H53' }), { name: 'organId' }) : null,
      field(t('agencies.name'), h('input', { name: 'name', required: true, value: a?.name ?? '' }), { name: 'name' }),
      field(t('agencies.channel'), h('select', { name: 'channel' }, CHANNELS.map(c => h('option', { value: c, selected: a?.channel === c }, label('channel', c)))), { name: 'channel' }),
      field(t('agencies.mail'), h('input', { name: 'mail', type: 'email', value: a?.mail ?? '' }), { name: 'mail' }),
      field(t('agencies.token'), h('input', { name: 'token', type: 'password', autocomplete: 'new-password' }), { name: 'token', hint: t('agencies.tokenHint') }),
      field(t('agencies.signaturePolicy'), h('select', { name: 'signaturePolicy' }, POLICIES.map(p => h('option', { value: p, selected: a?.signaturePolicy === p }, label('policy', p)))), { name: 'signaturePolicy' }),
      field(t('agencies.parent'), h('input', { name: 'parentId', value: a?.parentId ?? '' }), { name: 'parentId' }),
    ];
    dialog(creating ? t('agencies.newTitle') : t('agencies.editTitle', { code: agency.code(a) }), fields, {
      id: 'agency-edit', submitLabel: t('common.save'),
      onSubmit: async f => {
        const body = formData(f);
        if (creating) await post('/api/admin/agencies', body);
        else await put(path(agency.code(a)), body);
        toast(t('agencies.saved'));
        await load();
      },
    });
  }

  async function register(a) {
    try {
      await post(`${path(agency.code(a))}/register`);
      toast(t('agencies.registeredDone', { code: agency.code(a) }));
    } catch (e) {
      toast(errorText(e), 'bad');
    }
    await load();
  }

  await load();
}
