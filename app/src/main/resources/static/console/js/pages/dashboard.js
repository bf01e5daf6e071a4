import { get, query } from '../api.js';
import { h, replace } from '../dom.js';
import { dateTime, number } from '../format.js';
import { label, t } from '../i18n.js';
import { card, fill, pageHeader } from '../ui.js';
import { certificate, certificateList, expiry } from './certificates.js';
import { queue } from './queues.js';
import { route, stateBadge } from './routes.js';

/** One card per source: a card whose API fails (or is not the user's) does not hide the others. */
export async function render(view, session) {
  const cards = h('div', { class: 'cards', id: 'dashboard' });
  replace(view, pageHeader(t('nav.dashboard')), cards);
  const jobs = [];
  function add(id, title, load) {
    const body = h('div');
    cards.append(card(title, body, { id }));
    jobs.push(fill(body, load));
  }

  add('card-routes', t('dashboard.routes'), async () => {
    const routes = await get('/api/admin/routes');
    const byState = {};
    for (const r of routes) byState[route.state(r)] = (byState[route.state(r)] ?? 0) + 1;
    const failing = routes.filter(r => route.lastError(r));
    return h('div', null,
      h('ul', { class: 'counts' }, Object.entries(byState).map(([s, n]) => h('li', { 'data-state': s }, stateBadge(s), ' ', h('strong', null, number(n))))),
      failing.length ? h('p', { class: 'warn' }, t('dashboard.routesWithErrors', { count: failing.length })) : null,
      h('a', { href: '#/routes' }, t('dashboard.open')));
  });

  if (session.can('ADMIN', 'OPERATOR')) {
    let asked;
    const allQueues = () => (asked ??= get('/api/admin/queues'));
    add('card-queues', t('dashboard.queues'), async () => {
      const work = (await allQueues()).filter(q => !queue.isDeadLetter(q));
      return h('div', null, h('table', { class: 'data compact' }, h('tbody', null, work.map(q =>
        h('tr', null, h('td', { class: 'wrap' }, queue.name(q)), h('td', { class: 'num' }, number(queue.depth(q))))))),
      h('a', { href: '#/queues' }, t('dashboard.open')));
    });
    add('card-dlq', t('dashboard.deadLetters'), async () => {
      const queues = (await allQueues()).filter(q => queue.isDeadLetter(q));
      const total = queues.reduce((n, q) => n + Number(queue.depth(q) ?? 0), 0);
      return h('div', null, h('p', { class: 'big' + (total > 0 ? ' bad' : ''), id: 'dlq-total' }, number(total)),
        h('ul', { class: 'plain' }, queues.filter(q => queue.depth(q) > 0).map(q =>
          h('li', null, h('a', { href: `#/queues/${encodeURIComponent(queue.name(q))}` }, queue.name(q)), ': ', number(queue.depth(q))))));
    });
    add('card-quarantine', t('dashboard.quarantine'), async () => {
      const [mail, axis] = await Promise.all(['MAIL', 'AXIS'].map(source =>
        get(`/api/v1/quarantine${query({ source, undecided: true, limit: 1000 })}`)));
      return h('div', null, h('p', { class: 'big', id: 'quarantine-total' }, number(mail.length + axis.length)),
        h('p', { class: 'muted' }, `${label('source', 'MAIL')}: ${mail.length} · ${label('source', 'AXIS')}: ${axis.length}`),
        h('a', { href: '#/quarantine' }, t('dashboard.open')));
    });
  }

  add('card-failures', t('dashboard.recentFailures'), async () => {
    const failed = await get(`/api/documents${query({ state: 'FAILED', limit: 8 })}`);
    if (!failed.length) return h('p', { class: 'muted' }, t('dashboard.noFailures'));
    return h('ul', { class: 'plain' }, failed.map(d => h('li', null,
      h('a', { href: `#/documents/track/${encodeURIComponent(d.senderId)}/${encodeURIComponent(d.documentId)}` }, d.documentId),
      h('span', { class: 'muted' }, ` · ${dateTime(d.acceptedAt)}`))));
  });

  add('card-certificates', t('dashboard.certificates'), async () => {
    const list = certificateList(await get('/api/admin/certificates'));
    const warned = list.filter(c => certificate.warning(c));
    if (!warned.length) return h('p', { class: 'ok' }, t('dashboard.certificatesOk', { count: list.length }));
    return h('ul', { class: 'plain', id: 'certificate-warnings' }, warned.map(c => h('li', null, expiry(c), ' ',
      label('certKind', certificate.kind(c)), ': ', certificate.subject(c))));
  });

  await Promise.all(jobs);
}
