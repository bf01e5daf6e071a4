import { get, post, query } from '../api.js';
import { field, h, replace } from '../dom.js';
import { dateTime } from '../format.js';
import { label, t } from '../i18n.js';
import { badge, button, dialog, fill, keyValues, pageHeader, pagedTable, toast } from '../ui.js';

const SOURCES = ['MAIL', 'AXIS'];

export async function render(view) {
  const body = h('div', { id: 'quarantine-list' });
  const source = h('select', { name: 'source', id: 'quarantine-source' }, SOURCES.map(s => h('option', { value: s }, label('source', s))));
  const undecided = h('input', { type: 'checkbox', name: 'undecided', id: 'quarantine-undecided', checked: true });
  const filters = h('form', { class: 'form inline' },
    field(t('quarantine.source'), source),
    h('div', { class: 'field check' }, undecided, h('label', { for: 'quarantine-undecided' }, t('quarantine.undecidedOnly'))));
  filters.addEventListener('change', () => load());
  replace(view, pageHeader(t('nav.quarantine'), button(t('common.refresh'), () => load(), { action: 'refresh', kind: 'secondary' })),
    h('p', { class: 'muted' }, t('quarantine.help')), filters, body);

  const load = () => fill(body, async () => {
    const items = await get(`/api/v1/quarantine${query({ source: source.value, undecided: undecided.checked, limit: 1000 })}`);
    return pagedTable([
      { key: 'receivedAt', label: t('quarantine.receivedAt'), class: 'w-date', cell: i => dateTime(i.receivedAt) },
      { key: 'senderId', label: t('quarantine.sender'), class: 'wrap', cell: i => i.senderId ?? i.remoteId ?? '—' },
      { key: 'documentId', label: t('quarantine.document'), class: 'wrap', cell: i => i.documentId ?? '—' },
      { key: 'reason', label: t('quarantine.reason'), class: 'wrap', cell: i => h('span', null, h('code', null, i.reasonCode ?? ''), ' ', label('reason', i.reasonCode) !== i.reasonCode ? label('reason', i.reasonCode) : (i.reasonText ?? '')) },
      { key: 'decision', label: t('quarantine.decision'), class: 'w-state', cell: i => i.decision ? badge(label('decision', i.decision), i.decision === 'ACCEPTED' ? 'ok' : 'warn') : badge(t('quarantine.pending')) },
      { key: 'actions', label: t('common.actions'), class: 'w-actions', cell: i => h('div', { class: 'row-actions' },
        button(t('quarantine.inspect'), () => inspect(i), { action: 'inspect', kind: 'secondary' }),
        !i.decision && i.source === 'MAIL' ? button(t('quarantine.accept'), () => accept(i), { action: 'accept' }) : null,
        !i.decision ? button(t('quarantine.reject'), () => reject(i), { action: 'reject', kind: 'danger' }) : null) },
    ], items, { rowAttrs: i => ({ 'data-item': i.id }) });
  });

  async function inspect(item) {
    const i = await get(`/api/v1/quarantine/${encodeURIComponent(item.id)}`);
    const dlg = dialog(t('quarantine.itemTitle'), keyValues([
      [t('quarantine.id'), i.id], [t('quarantine.source'), label('source', i.source)], [t('quarantine.remoteId'), i.remoteId],
      [t('quarantine.sender'), i.senderId], [t('quarantine.document'), i.documentId], [t('quarantine.messageType'), i.messageType],
      [t('quarantine.receivedAt'), dateTime(i.receivedAt)], [t('quarantine.reasonCode'), i.reasonCode],
      [t('quarantine.reason'), i.reasonText], [t('quarantine.decision'), i.decision ? label('decision', i.decision) : t('quarantine.pending')],
      [t('quarantine.decidedBy'), i.actor], [t('quarantine.decidedAt'), i.decidedAt ? dateTime(i.decidedAt) : null],
      [t('quarantine.decisionReason'), i.decisionReason], [t('quarantine.decidedSender'), i.decidedSenderId],
      [t('quarantine.busMessageId'), i.busMessageId],
    ]), { id: 'quarantine-detail', submitLabel: t('common.close'), onSubmit: async () => {} });
    dlg.querySelector('[data-action=cancel]').hidden = true;
  }

  function accept(item) {
    dialog(t('quarantine.acceptTitle'), [
      h('p', null, t('quarantine.acceptHelp')),
      field(t('quarantine.senderOrganId'), h('input', { name: 'senderOrganId', required: true, value: item.senderId ?? '', placeholder: '000.31.01.H53' }), { name: 'senderOrganId' }),
    ], {
      id: 'quarantine-accept', submitLabel: t('quarantine.accept'),
      onSubmit: async form => {
        await post(`/api/v1/quarantine/${encodeURIComponent(item.id)}/accept`, { senderOrganId: form.elements.senderOrganId.value.trim() });
        toast(t('quarantine.accepted'));
        await load();
      },
    });
  }

  function reject(item) {
    dialog(t('quarantine.rejectTitle'), [
      field(t('quarantine.decisionReason'), h('textarea', { name: 'reason', required: true, minlength: 3, rows: 3 }), { name: 'reason' }),
    ], {
      id: 'quarantine-reject', danger: true, submitLabel: t('quarantine.reject'),
      onSubmit: async form => {
        await post(`/api/v1/quarantine/${encodeURIComponent(item.id)}/reject`, { reason: form.elements.reason.value.trim() });
        toast(t('quarantine.rejected'));
        await load();
      },
    });
  }

  await load();
}
