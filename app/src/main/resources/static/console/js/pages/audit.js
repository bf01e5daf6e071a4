import { get, post, query } from '../api.js';
import { field, formData, h, replace } from '../dom.js';
import { dateTime, dayEnd, dayStart, number } from '../format.js';
import { label, lang, t } from '../i18n.js';
import { badge, button, card, dialog, errorBox, fill, keyValues, pageHeader, toast } from '../ui.js';

const STEPS = ['RECEIVED', 'ACCEPTED', 'REJECTED', 'VALIDATED', 'VERIFIED', 'QUARANTINED', 'ROUTED', 'SIGNED', 'QUEUED',
  'DELIVERED', 'ACKNOWLEDGED', 'STATUS_RECEIVED', 'FAILED', 'DEAD_LETTERED', 'RETRIED', 'DISCARDED', 'REPLAYED', 'REVOKED',
  'LOOKUP', 'FILE_RECEIVED', 'FILE_PROCESSED', 'RECONCILED', 'REPORT_SENT', 'CHECKPOINT', 'ADMIN_ACTION', 'AUDITOR_ACTION'];
const OUTCOMES = ['OK', 'WARNING', 'REFUSED', 'ERROR'];
const PAGE_SIZE = 15;

const outcomeBadge = o => badge(label('outcome', o), { OK: 'ok', WARNING: 'warn' }[o] ?? 'bad');

function filters(form) {
  const f = formData(form);
  return { ...f, from: dayStart(f.from), to: dayEnd(f.to) };
}

export async function render(view, session) {
  // an operator may replay (POST /api/audit/replay) but not read the log: the replay form only
  if (!session.can('AUDITOR')) {
    replace(view, pageHeader(t('nav.audit'), button(t('audit.replay'), () => replay(), { action: 'replay' })),
      h('p', { class: 'muted' }, t('audit.operatorHelp')));
    return;
  }
  const results = h('div', { id: 'audit-results' });
  const verifyBox = h('div', { id: 'audit-verify' });
  const exportLink = h('a', { class: 'button secondary', id: 'audit-export', download: true, href: '/api/audit/export' }, t('audit.export'));
  const form = h('form', { class: 'form inline', id: 'audit-search' },
    field(t('audit.documentId'), h('input', { name: 'documentId' })),
    field(t('audit.messageId'), h('input', { name: 'messageId' })),
    field(t('audit.correlationId'), h('input', { name: 'correlationId' })),
    field(t('audit.agency'), h('input', { name: 'agency' })),
    field(t('audit.route'), h('input', { name: 'route' })),
    field(t('audit.step'), h('select', { name: 'step' }, h('option', { value: '' }, t('common.all')), STEPS.map(s => h('option', { value: s }, label('step', s))))),
    field(t('audit.outcome'), h('select', { name: 'outcome' }, h('option', { value: '' }, t('common.all')), OUTCOMES.map(s => h('option', { value: s }, label('outcome', s))))),
    field(t('common.from'), h('input', { name: 'from', type: 'date' })),
    field(t('common.to'), h('input', { name: 'to', type: 'date' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'search' }, t('common.search'))));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    search(0);
  });
  form.addEventListener('input', () => {
    const { page, size, ...f } = filters(form);
    exportLink.href = `/api/audit/export${query(f)}`;
  });

  replace(view, pageHeader(t('nav.audit'),
    button(t('audit.verify'), verify, { action: 'verify', kind: 'secondary' }), exportLink,
    session.can('AUDITOR', 'OPERATOR') ? button(t('audit.replay'), () => replay(), { action: 'replay' }) : null),
  verifyBox, form, results);

  async function verify() {
    await fill(verifyBox, async () => {
      const r = await get('/api/audit/verify');
      return card(t('audit.verifyTitle'), h('div', null,
        h('p', { class: r.ok ? 'ok' : 'error', id: 'verify-result' }, r.ok ? t('audit.chainOk') : t('audit.chainBroken', { seq: r.brokenAt ?? '?' })),
        h('p', null, (lang() === 'vi' ? r.summaryVi : r.summary) ?? ''),
        r.reason ? h('p', { class: 'error' }, r.reason) : null,
        keyValues([[t('audit.records'), number(r.records)], [t('audit.payloads'), number(r.payloads)],
          [t('audit.pruned'), number(r.pruned)], [t('audit.checkpoints'), number(r.checkpoints)],
          [t('audit.timestamped'), number(r.timestamped)]])));
    });
  }

  async function search(page) {
    await fill(results, async () => {
      const r = await get(`/api/audit/records${query({ ...filters(form), page, size: PAGE_SIZE })}`);
      const pages = Math.max(1, Math.ceil(r.total / r.size));
      return h('div', null,
        h('table', { class: 'data', id: 'audit-table' },
          h('thead', null, h('tr', null, [t('audit.seq'), t('audit.time'), t('audit.step'), t('audit.outcome'), t('audit.documentId'), t('audit.route'), t('audit.actor'), t('audit.detail')]
            .map((x, i) => h('th', { class: ['w-small', 'w-date', 'w-state', 'w-state', 'wrap', 'wrap', 'wrap', 'wrap'][i] }, x)))),
          h('tbody', null, r.records.length === 0 ? h('tr', null, h('td', { colspan: 8, class: 'muted' }, t('common.empty')))
            : r.records.map(rec => h('tr', { 'data-seq': rec.seq },
              h('td', null, h('a', { href: '#', 'data-action': 'record', onclick: ev => { ev.preventDefault(); record(rec); } }, rec.seq)),
              h('td', null, dateTime(rec.time)), h('td', null, label('step', rec.step)), h('td', null, outcomeBadge(rec.outcome)),
              h('td', { class: 'wrap' }, rec.documentId ?? '—'), h('td', { class: 'wrap' }, rec.routeId ?? '—'),
              h('td', { class: 'wrap' }, rec.actor ?? '—'), h('td', { class: 'wrap clip' }, rec.detail ?? ''))))),
        h('div', { class: 'pager' },
          h('button', { type: 'button', class: 'secondary', disabled: page === 0, 'data-action': 'prev-page', onclick: () => search(page - 1) }, t('common.previous')),
          h('span', null, t('common.pageOf', { page: page + 1, pages, total: r.total })),
          h('button', { type: 'button', class: 'secondary', disabled: page >= pages - 1, 'data-action': 'next-page', onclick: () => search(page + 1) }, t('common.next'))));
    });
  }

  function record(rec) {
    const dlg = dialog(t('audit.recordTitle', { seq: rec.seq }), [
      keyValues([[t('audit.seq'), rec.seq], [t('audit.time'), dateTime(rec.time)], [t('audit.step'), label('step', rec.step)],
        [t('audit.outcome'), label('outcome', rec.outcome)], [t('audit.messageId'), rec.messageId], [t('audit.documentId'), rec.documentId],
        [t('audit.correlationId'), rec.correlationId], [t('audit.route'), rec.routeId], [t('audit.sender'), rec.senderId],
        [t('audit.recipient'), rec.recipientId], [t('audit.actor'), rec.actor], [t('audit.origin'), rec.origin],
        [t('audit.detail'), rec.detail],
        [t('audit.payload'), rec.payload ? h('a', { href: rec.payload, download: `${rec.payloadSha256}.bin` }, rec.payloadSha256) : null],
        [t('audit.prevHash'), h('code', { class: 'wrap' }, rec.prevHash)], [t('audit.recordHash'), h('code', { class: 'wrap' }, rec.recordHash)]]),
    ], {
      id: 'audit-record', submitLabel: t('audit.replayThis'),
      onSubmit: async () => { replay(rec.seq); },
    });
    return dlg;
  }

  await search(0);
}

/** Replay of one audit record: a dry run by default, which shows what would be sent where. */
function replay(seq) {
  const out = h('div', { id: 'replay-result' });
  dialog(t('audit.replayTitle'), [
    h('p', { class: 'muted' }, t('audit.replayHelp')),
    field(t('audit.seq'), h('input', { name: 'seq', type: 'number', min: 1, required: true, value: seq ?? '', id: 'replay-seq' }), { name: 'seq' }),
    field(t('audit.replayRoute'), h('input', { name: 'route', placeholder: t('audit.replayRouteHint') }), { name: 'route' }),
    h('div', { class: 'field check' }, h('input', { type: 'checkbox', name: 'dryRun', id: 'replay-dry', checked: true }), h('label', { for: 'replay-dry' }, t('audit.dryRun'))),
    h('div', { class: 'field check' }, h('input', { type: 'checkbox', name: 'force', id: 'replay-force' }), h('label', { for: 'replay-force' }, t('audit.force'))),
    out,
  ], {
    id: 'audit-replay', submitLabel: t('audit.replay'),
    onSubmit: async form => {
      const f = formData(form);
      const r = await post('/api/audit/replay', { seq: Number(f.seq), route: f.route, dryRun: f.dryRun, force: f.force });
      toast(r.sent ? t('audit.replaySent', { queue: r.queue }) : t('audit.replayDry', { queue: r.queue }));
      replace(out, keyValues([[t('audit.sentQ'), r.sent ? t('common.yes') : t('common.no')], [t('audit.queue'), r.queue],
        [t('audit.route'), r.route], [t('audit.correlationId'), r.correlationId], [t('audit.payloadBytes'), number(r.payloadBytes)]]),
      r.payload ? h('pre', { class: 'payload' }, String(r.payload).slice(0, 4000)) : null);
      return 'keep';
    },
  });
}
