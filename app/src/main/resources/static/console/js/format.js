// Dates are shown the Vietnamese way (dd/MM/yyyy HH:mm:ss), in Việt Nam's time zone, in both languages:
// the documents and the people reading them are in Việt Nam whatever the browser's settings.
export const ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

export function dateTime(value) {
  if (value == null || value === '') return '—';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const p = Object.fromEntries(parts.formatToParts(d).map(x => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

export function date(value) {
  return dateTime(value).slice(0, 10);
}

/** A day picked in a date input (yyyy-MM-dd) as the instant it starts in Việt Nam (UTC+7, no DST). */
export function dayStart(day) {
  return day ? new Date(`${day}T00:00:00+07:00`).toISOString() : undefined;
}

export function dayEnd(day) {
  return day ? new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 86_400_000).toISOString() : undefined;
}

const numbers = new Intl.NumberFormat('vi-VN');
export function number(n) {
  return n == null || n === '' || Number.isNaN(Number(n)) ? '—' : numbers.format(Number(n));
}

export function bytes(n) {
  if (n == null) return '—';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Days from now until an instant (negative when past). */
export function daysUntil(value) {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : Math.floor((d.getTime() - Date.now()) / 86_400_000);
}
