import { get } from '../api.js';
import { h, replace } from '../dom.js';
import { daysUntil, dateTime } from '../format.js';
import { label, t } from '../i18n.js';
import { badge, button, fill, pageHeader, pagedTable } from '../ui.js';

export const WARNING_DAYS = 30;

// The shape of /api/admin/certificates (h-ops: {checkedAt, warningDays, certificates, crls}), read in one place.
export const certificate = {
  name: c => c.source,
  subject: c => c.subject,
  issuer: c => c.issuer,
  kind: c => c.role,
  notAfter: c => c.notAfter,
  daysLeft: c => c.daysLeft ?? daysUntil(c.notAfter),
  status: c => c.status,
  warning: c => c.status != null ? c.status !== 'OK' : (certificate.daysLeft(c) ?? 0) <= WARNING_DAYS,
};

export const certificateList = data => (Array.isArray(data) ? data : (data?.certificates ?? []));

export function expiry(c) {
  const days = certificate.daysLeft(c);
  if (certificate.status(c) === 'NOT_YET_VALID') return badge(label('certStatus', 'NOT_YET_VALID'), 'bad');
  if (certificate.status(c) === 'EXPIRED' || (days != null && days < 0)) return badge(t('certificates.expired'), 'bad');
  if (days == null) return '—';
  return badge(t('certificates.expiresIn', { days }), certificate.warning(c) ? 'warn' : 'ok');
}

export async function render(view) {
  const body = h('div', { id: 'certificate-list' });
  const help = h('p', { class: 'muted' }, t('certificates.help', { days: WARNING_DAYS }));
  replace(view, pageHeader(t('nav.certificates'), button(t('common.refresh'), () => load(), { action: 'refresh', kind: 'secondary' })),
    help, body);
  const load = () => fill(body, async () => {
    const data = await get('/api/admin/certificates');
    // the bus's own threshold (bus.pki.expiry-warning)
    if (data?.warningDays != null) help.textContent = t('certificates.help', { days: data.warningDays });
    const list = certificateList(data);
    const crls = data?.crls ?? [];
    return h('div', null, pagedTable([
      { key: 'kind', label: t('certificates.kind'), class: 'w-state', cell: c => label('certKind', certificate.kind(c)) },
      { key: 'source', label: t('certificates.source'), class: 'wrap', cell: c => certificate.name(c) ?? '—' },
      { key: 'subject', label: t('certificates.subject'), class: 'wrap', cell: c => certificate.subject(c) ?? '—' },
      { key: 'issuer', label: t('certificates.issuer'), class: 'wrap', cell: c => certificate.issuer(c) ?? '—' },
      { key: 'notAfter', label: t('certificates.notAfter'), class: 'w-date', cell: c => dateTime(certificate.notAfter(c)) },
      { key: 'expiry', label: t('certificates.expiry'), class: 'w-state', cell: expiry },
    ], list, { id: 'certificate-table', rowAttrs: c => ({ class: certificate.warning(c) ? 'row-warn' : null }) }),
    crls.length ? [h('h2', null, t('certificates.crls')), pagedTable([
      { key: 'issuer', label: t('certificates.issuer'), class: 'wrap' },
      { key: 'source', label: t('certificates.source'), class: 'wrap' },
      { key: 'thisUpdate', label: t('certificates.thisUpdate'), class: 'w-date', cell: c => dateTime(c.thisUpdate) },
      { key: 'nextUpdate', label: t('certificates.nextUpdate'), class: 'w-date', cell: c => dateTime(c.nextUpdate) },
      { key: 'status', label: t('certificates.status'), class: 'w-state', cell: c => label('crlStatus', c.status) },
    ], crls)] : null,
    data?.checkedAt ? h('p', { class: 'muted' }, t('certificates.checkedAt', { at: dateTime(data.checkedAt) })) : null);
  });
  await load();
}
