import { errorText, get, post, query } from '../api.js';
import { field, h, replace } from '../dom.js';
import { bytes, dateTime, number } from '../format.js';
import { t } from '../i18n.js';
import { badge, button, dialog, fill, keyValues, pageHeader, pagedTable, toast } from '../ui.js';

// The shapes of /api/admin/queues (h-admin's QueueView, Page and DeadLetterMessage, docs/administration.md).
export const queue = {
  name: q => q.name,
  depth: q => q.messages ?? 0,
  consumers: q => q.consumers,
  isDeadLetter: q => q.deadLetter === true,
};
export const message = {
  id: m => m.id,
  time: m => m.timestamp,
  headers: m => m.headers ?? {},
  reason: m => m.failureReason ?? message.headers(m).BusFailureReason,
  documentId: m => message.headers(m).BusDocumentId,
  preview: m => m.payloadPreview,
  truncated: m => m.payloadTruncated === true,
  size: m => m.payloadSize,
};
const DLQ_PAGE = 15;

const path = name => `/api/admin/queues/${encodeURIComponent(name)}`;

/** #/queues or #/queues/{queue} (the messages of one queue, e.g. a dead-letter queue). */
export async function render(view, session, args) {
  if (args[0]) return renderQueue(view, args[0]);
  const body = h('div', { id: 'queue-list' });
  replace(view, pageHeader(t('nav.queues'),
    button(t('common.refresh'), () => load(), { action: 'refresh', kind: 'secondary' })), body);
  const load = () => fill(body, async () => {
    const queues = await get('/api/admin/queues');
    const sorted = [...queues].sort((a, b) => Number(queue.isDeadLetter(b)) - Number(queue.isDeadLetter(a))
      || String(queue.name(a)).localeCompare(String(queue.name(b))));
    return pagedTable([
      { key: 'name', label: t('queues.name'), class: 'wrap', cell: q => queue.isDeadLetter(q)
        ? h('a', { href: `#/queues/${encodeURIComponent(queue.name(q))}`, 'data-action': 'open-queue' }, queue.name(q))
        : h('code', null, queue.name(q)) },
      { key: 'kind', label: t('queues.kind'), class: 'w-state', cell: q => queue.isDeadLetter(q) ? badge(t('queues.deadLetter'), queue.depth(q) > 0 ? 'bad' : 'neutral') : badge(t('queues.work')) },
      { key: 'depth', label: t('queues.depth'), class: 'num', cell: q => number(queue.depth(q)) },
      { key: 'consumers', label: t('queues.consumers'), class: 'num', cell: q => number(queue.consumers(q)) },
    ], sorted, { rowAttrs: q => ({ 'data-queue': queue.name(q) }), pageSize: 20 });
  });
  await load();
}

async function renderQueue(view, name) {
  const body = h('div', { id: 'message-list' });
  // only dead-letter queues are browsed here (the API refuses live ones)
  let page = 0;
  replace(view, pageHeader(t('queues.messagesOf', { queue: name }),
    button(t('queues.retryAll'), () => retryAll(), { action: 'retry-all' }),
    button(t('common.refresh'), () => load(), { action: 'refresh', kind: 'secondary' }),
    h('a', { href: '#/queues', class: 'button secondary' }, t('common.back'))), body);

  async function retryAll() {
    dialog(t('queues.retryAllTitle', { queue: name }), h('p', null, t('queues.retryAllConfirm', { queue: name })), {
      id: 'retry-all', submitLabel: t('queues.retryAll'),
      onSubmit: async () => {
        const result = await post(`${path(name)}/retry-all`);
        toast(t('queues.retriedAll', { count: result?.retried ?? 0, queue: result?.originalQueue ?? '' }));
        await load();
      },
    });
  }

  async function retry(m) {
    try {
      await post(`${path(name)}/messages/${encodeURIComponent(message.id(m))}/retry`);
      toast(t('queues.retried', { id: message.documentId(m) ?? message.id(m) }));
    } catch (e) {
      toast(errorText(e), 'bad');
    }
    await load();
  }

  function discard(m) {
    dialog(t('queues.discardTitle'), [
      h('p', null, t('queues.discardWarning')),
      field(t('queues.reason'), h('textarea', { name: 'reason', required: true, minlength: 3, rows: 3, id: 'discard-reason' }), { name: 'reason' }),
    ], {
      id: 'discard', danger: true, submitLabel: t('queues.discard'),
      onSubmit: async form => {
        await post(`${path(name)}/messages/${encodeURIComponent(message.id(m))}/discard`, { reason: form.elements.reason.value.trim() });
        toast(t('queues.discarded'));
        await load();
      },
    });
  }

  async function inspect(m) {
    const full = await get(`${path(name)}/messages/${encodeURIComponent(message.id(m))}`).catch(e => {
      toast(errorText(e), 'bad');
      return m;
    });
    const headers = message.headers(full);
    const preview = message.preview(full);
    const dlg = dialog(t('queues.messageTitle'), [
      keyValues([[t('queues.messageId'), message.id(full)], [t('queues.time'), dateTime(message.time(full))],
        [t('queues.originalQueue'), full.originalQueue], [t('queues.deliveryCount'), full.deliveryCount],
        [t('queues.reason'), message.reason(full)], [t('queues.size'), bytes(message.size(full))]]),
      h('h3', null, t('queues.headers')),
      h('table', { class: 'data compact' }, h('tbody', null, Object.entries(headers).map(([k, v]) =>
        h('tr', null, h('th', { scope: 'row' }, k), h('td', { class: 'wrap' }, String(v)))))),
      h('h3', null, t('queues.payload')),
      h('pre', { class: 'payload', id: 'payload-preview' }, preview == null ? t('queues.noPreview') : String(preview)),
      message.truncated(full) ? h('p', { class: 'muted' }, t('queues.truncated', { size: bytes(message.size(full)) })) : null,
    ], { id: 'message-detail', submitLabel: t('common.close'), onSubmit: async () => {} });
    dlg.querySelector('[data-action=cancel]').hidden = true;
  }

  const load = () => fill(body, async () => {
    let data = await get(`${path(name)}/messages${query({ page, size: DLQ_PAGE })}`);
    if (data.messages.length === 0 && page > 0) {
      page = Math.max(0, Math.ceil(data.total / DLQ_PAGE) - 1);
      data = await get(`${path(name)}/messages${query({ page, size: DLQ_PAGE })}`);
    }
    const pages = Math.max(1, Math.ceil(data.total / DLQ_PAGE));
    const turn = delta => { page += delta; load(); };
    return h('div', null,
      pagedTable([
        { key: 'time', label: t('queues.time'), class: 'w-date', cell: m => dateTime(message.time(m)) },
        { key: 'documentId', label: t('queues.document'), class: 'wrap', cell: m => message.documentId(m) ?? '—' },
        { key: 'reason', label: t('queues.reason'), class: 'wrap', cell: m => message.reason(m) ?? '—' },
        { key: 'deliveryCount', label: t('queues.deliveryCount'), class: 'num', cell: m => number(m.deliveryCount) },
        { key: 'actions', label: t('common.actions'), class: 'w-actions', cell: m => h('div', { class: 'row-actions' },
          button(t('queues.inspect'), () => inspect(m), { action: 'inspect', kind: 'secondary' }),
          button(t('queues.retry'), () => retry(m), { action: 'retry' }),
          button(t('queues.discard'), () => discard(m), { action: 'discard', kind: 'danger' })) },
      ], data.messages, { pageSize: DLQ_PAGE, rowAttrs: m => ({ 'data-message': message.id(m), 'data-document': message.documentId(m) }) }),
      pages > 1 ? h('div', { class: 'pager' },
        h('button', { type: 'button', class: 'secondary', disabled: page === 0, 'data-action': 'prev-page', onclick: () => turn(-1) }, t('common.previous')),
        h('span', null, t('common.pageOf', { page: page + 1, pages, total: data.total })),
        h('button', { type: 'button', class: 'secondary', disabled: page >= pages - 1, 'data-action': 'next-page', onclick: () => turn(1) }, t('common.next'))) : null);
  });
  await load();
}
