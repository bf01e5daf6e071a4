import { get, query } from '../api.js';
import { field, formData, h, replace } from '../dom.js';
import { dateTime, dayStart } from '../format.js';
import { label, t } from '../i18n.js';
import { badge, errorBox, fill, keyValues, pageHeader, pagedTable } from '../ui.js';

const STATES = ['IN_TRANSIT', 'DELIVERED', 'FAILED', 'WITHDRAWN', 'NO_LOCAL_RECIPIENT'];
const LIST_LIMIT = 1000;

export function stateBadge(state) {
  const status = /^STATUS_(\w+)$/.exec(state ?? '');
  if (status) return badge(t('documents.statusState', { code: status[1], label: label('status', status[1]) }), 'ok');
  const kind = { DELIVERED: 'ok', CONFIRMED: 'ok', FAILED: 'bad', UNCERTAIN: 'warn', WITHDRAWN: 'warn' }[state] ?? 'neutral';
  return badge(label('docState', state), kind);
}

const trackLink = (sender, documentId) =>
  `#/documents/track/${encodeURIComponent(sender)}/${encodeURIComponent(documentId)}`;

/** #/documents (search) or #/documents/track/{sender}/{documentId} (one document's timeline). */
export async function render(view, session, args) {
  if (args[0] === 'track' && args.length >= 3) {
    return renderTimeline(view, args[1], args.slice(2).join('/'));
  }
  const results = h('div', { id: 'document-results' });
  const form = h('form', { class: 'form inline', id: 'document-search' },
    field(t('documents.documentId'), h('input', { name: 'documentId', type: 'search', placeholder: t('documents.documentIdHint') })),
    field(t('documents.agency'), h('input', { name: 'agency', placeholder: '000.00.01.H53' })),
    field(t('documents.direction'), h('select', { name: 'direction' }, h('option', { value: '' }, t('common.all')),
      ['OUTGOING', 'INCOMING'].map(d => h('option', { value: d }, label('direction', d))))),
    field(t('documents.state'), h('select', { name: 'state' }, h('option', { value: '' }, t('common.all')),
      STATES.map(s => h('option', { value: s }, label('docState', s))))),
    field(t('common.from'), h('input', { name: 'from', type: 'date' })),
    field(t('common.to'), h('input', { name: 'to', type: 'date' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'search' }, t('common.search'))));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    search(formData(form), results);
  });
  replace(view, pageHeader(t('nav.documents')), h('p', { class: 'muted' }, t('documents.help')), form, results);
  search({}, results);
}

async function search(criteria, results) {
  const { documentId, agency, direction, state, from, to } = criteria;
  // With a sender and an exact DocumentId the bus answers one document at once.
  if (documentId && agency) {
    try {
      const doc = await get(`/api/documents/track${query({ sender: agency, documentId })}`);
      location.hash = trackLink(doc.senderId, doc.documentId);
      return;
    } catch (e) {
      if (e.status !== 404) {
        replace(results, errorBox(e));
        return;
      }
    }
  }
  await fill(results, async () => {
    // The DocumentId field also finds a number/notation (số/ký hiệu) or words of the subject (q).
    const rows = await get(`/api/documents${query({ agency, direction, state, from, to, q: documentId, limit: LIST_LIMIT })}`);
    return h('div', null,
      h('p', { class: 'muted', id: 'document-count' }, t('documents.found', { count: rows.length })),
      pagedTable([
        { key: 'acceptedAt', label: t('documents.acceptedAt'), class: 'w-date', cell: d => dateTime(d.acceptedAt) },
        { key: 'documentId', label: t('documents.documentId'), class: 'wrap',
          cell: d => h('a', { href: trackLink(d.senderId, d.documentId), 'data-action': 'track' }, d.documentId) },
        { key: 'subject', label: t('documents.subject'), class: 'wrap', cell: d => d.subject ?? '—' },
        { key: 'senderId', label: t('documents.sender'), class: 'w-agency' },
        { key: 'direction', label: t('documents.direction'), class: 'w-small', cell: d => label('direction', d.direction) },
        { key: 'recipients', label: t('documents.recipients'), class: 'wrap', cell: d => (d.recipients ?? []).join(', ') },
        { key: 'state', label: t('documents.state'), class: 'w-state', cell: d => stateBadge(d.state) },
      ], rows, { id: 'document-table' }));
  });
}

function statusText(ev) {
  if (!ev.statusCode) return null;
  return `${ev.statusCode} — ${label('status', ev.statusCode)}`;
}

function eventLine(ev) {
  return h('li', { class: `event event-${ev.kind}`, 'data-kind': ev.kind },
    h('time', { datetime: ev.at }, dateTime(ev.at)),
    h('div', null,
      h('strong', null, label('event', ev.kind)),
      ev.recipientId ? h('span', { class: 'muted' }, ` · ${ev.recipientId}`) : null,
      ev.statusCode ? h('div', { class: 'status-code' }, statusText(ev)) : null,
      ev.staff ? h('div', { class: 'muted' }, t('documents.staff', { staff: ev.staff })) : null,
      ev.detail ? h('div', { class: 'detail' }, ev.detail) : null));
}

async function renderTimeline(view, sender, documentId) {
  const body = h('div', { id: 'document-timeline' });
  replace(view, pageHeader(t('documents.timelineTitle'),
    h('a', { href: '#/documents', class: 'button secondary' }, t('common.back'))), body);
  await fill(body, async () => {
    const d = await get(`/api/documents/track${query({ sender, documentId })}`);
    return h('div', null,
      keyValues([
        [t('documents.documentId'), h('span', { id: 'timeline-document-id' }, d.documentId)],
        [t('documents.sender'), d.senderId],
        [t('documents.subject'), d.subject],
        [t('documents.direction'), label('direction', d.direction)],
        [t('documents.acceptedAt'), dateTime(d.acceptedAt)],
        [t('documents.state'), stateBadge(d.state)],
        [t('documents.messageId'), d.messageId],
      ]),
      h('h2', null, t('documents.recipients')),
      pagedTable([
        { key: 'organId', label: t('documents.recipient') },
        { key: 'channel', label: t('documents.channel'), cell: r => label('channel', r.channel) },
        { key: 'delivery', label: t('documents.delivery'), cell: r => label('delivery', r.delivery) },
        { key: 'state', label: t('documents.state'), cell: r => stateBadge(r.state) },
        { key: 'lastStatus', label: t('documents.lastStatus'), cell: r => r.lastStatus ? `${r.lastStatus} — ${label('status', r.lastStatus)}` : '—' },
      ], d.recipients ?? []),
      h('h2', null, t('documents.timeline')),
      h('ol', { class: 'timeline' }, (d.timeline ?? []).map(eventLine)));
  });
}
