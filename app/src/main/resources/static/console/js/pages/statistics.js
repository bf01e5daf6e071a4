import { get, query } from '../api.js';
import { field, formData, h, replace } from '../dom.js';
import { date, dateTime, number } from '../format.js';
import { label, t } from '../i18n.js';
import { fill, pageHeader, pagedTable } from '../ui.js';

const PERIODS = ['month', 'day', 'quarter', 'year'];
const COUNTS = ['sent', 'received', 'pending', 'rejected', 'handled', 'handledOnTime', 'withdrawn'];

/**
 * Documents per agency and period (h-ops' /api/admin/statistics: {from, to, period, rows, totals});
 * the same query downloads as CSV or XLSX.
 */
export async function render(view) {
  const results = h('div', { id: 'statistics-results' });
  const csv = h('a', { class: 'button secondary', id: 'statistics-csv', download: true }, t('statistics.csv'));
  const xlsx = h('a', { class: 'button secondary', id: 'statistics-xlsx', download: true }, t('statistics.xlsx'));
  const form = h('form', { class: 'form inline', id: 'statistics-form' },
    field(t('statistics.agency'), h('input', { name: 'agency', placeholder: '000.00.01.H53' }), { name: 'agency' }),
    field(t('statistics.period'), h('select', { name: 'period' }, PERIODS.map(p => h('option', { value: p }, label('period', p)))), { name: 'period' }),
    field(t('common.from'), h('input', { name: 'from', type: 'date' }), { name: 'from' }),
    field(t('common.to'), h('input', { name: 'to', type: 'date' }), { name: 'to' }),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'search' }, t('statistics.show')), csv, xlsx));
  const links = () => {
    const f = formData(form);
    csv.href = `/api/admin/statistics${query({ ...f, format: 'csv' })}`;
    xlsx.href = `/api/admin/statistics${query({ ...f, format: 'xlsx' })}`;
  };
  form.addEventListener('input', links);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    load();
  });
  links();
  replace(view, pageHeader(t('nav.statistics')), form, results);

  const load = () => fill(results, async () => {
    const r = await get(`/api/admin/statistics${query(formData(form))}`);
    const rows = r.rows ?? [];
    return h('div', null,
      h('p', { class: 'muted', id: 'statistics-period' }, t('statistics.range', {
        from: date(`${r.from}T12:00:00+07:00`), to: date(`${r.to}T12:00:00+07:00`), period: label('period', String(r.period).toLowerCase()),
      })),
      pagedTable([
        { key: 'agency', label: t('statistics.agencyColumn'), class: 'wrap', cell: x => h('span', null, h('code', null, x.agency), ' ', x.agencyName ?? '') },
        { key: 'period', label: t('statistics.periodColumn'), class: 'w-small', cell: x => x.period },
        ...COUNTS.map(k => ({ key: k, label: t(`statColumn.${k}`), class: 'num', cell: x => number(x[k]) })),
      ], rows, { id: 'statistics-table' }),
      r.totals ? h('table', { class: 'data compact totals', id: 'statistics-totals' },
        h('thead', null, h('tr', null, h('th', null, t('statistics.totals')), COUNTS.map(k => h('th', { class: 'num' }, t(`statColumn.${k}`))))),
        h('tbody', null, h('tr', null, h('td', null, ''), COUNTS.map(k => h('td', { class: 'num' }, number(r.totals[k])))))) : null,
      r.generatedAt ? h('p', { class: 'muted' }, t('statistics.generatedAt', { at: dateTime(r.generatedAt) })) : null);
  });
  await load();
}
