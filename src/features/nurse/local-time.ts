// Times as the nurse sees them: the clinic's local time (the device's time zone), and
// instants written back with their own UTC offset so the date of service is the local one
// (contract §2.1).

function pad(n: number): string {
  return String(Math.trunc(Math.abs(n))).padStart(2, '0');
}

/** ISO 8601 with the device's UTC offset, seconds precision: 2026-03-02T09:05:00-05:00. */
export function toIsoWithOffset(d: Date): string {
  const offsetMin = -d.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return `${date}T${time}${sign}${pad(offsetMin / 60)}:${pad(offsetMin % 60)}`;
}

const clockFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** "9:05 AM" (or the device's own style) for an ISO instant; undefined when unreadable. */
export function formatClock(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? clockFormat.format(new Date(ms)) : undefined;
}

/** HH:mm in local time, the value an `<input type="time">` holds. */
export function timeInputValue(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant on `day`'s local date at the picked HH:mm; undefined when not a time. */
export function atLocalTime(day: Date, hhmm: string): Date | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return undefined;
  const d = new Date(day.getTime());
  d.setHours(h, min, 0, 0);
  return d;
}

export { isSameLocalDay } from '../../fhir/map/local-day.ts';

/** Whole minutes between two instants, partial minutes dropped (infusion-rules R4.1). */
export function minutesBetween(startIso: string, end: Date): number {
  return Math.floor((end.getTime() - Date.parse(startIso)) / 60_000);
}

/** `d` plus `n` calendar months in local time, clamped to the month's last day (Jan 31 + 1 → Feb 28). */
function addLocalMonths(d: Date, n: number): Date {
  const out = new Date(d.getTime());
  const day = out.getDate();
  out.setDate(1);
  out.setMonth(out.getMonth() + n);
  const last = new Date(out.getFullYear(), out.getMonth() + 1, 0).getDate();
  out.setDate(Math.min(day, last));
  return out;
}

function addLocalDays(d: Date, n: number): Date {
  const out = new Date(d.getTime());
  out.setDate(out.getDate() + n);
  return out;
}

function unitWords(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * How long from `from` to `to` in plain words, by the local calendar, its two largest
 * non-zero units: "4 months 2 days", "13 hours 5 minutes", "45 minutes" (issue 14 §1).
 * Undefined when `to` is not after `from`.
 */
export function durationInWords(from: Date, to: Date): string | undefined {
  if (!(to.getTime() > from.getTime())) return undefined;
  let months = 0;
  while (addLocalMonths(from, months + 1).getTime() <= to.getTime()) months += 1;
  const afterMonths = addLocalMonths(from, months);
  let days = 0;
  while (addLocalDays(afterMonths, days + 1).getTime() <= to.getTime()) days += 1;
  const rest = to.getTime() - addLocalDays(afterMonths, days).getTime();
  const hours = Math.floor(rest / 3_600_000);
  const minutes = Math.floor((rest % 3_600_000) / 60_000);
  const parts: [number, string][] = [
    [Math.floor(months / 12), 'year'],
    [months % 12, 'month'],
    [days, 'day'],
    [hours, 'hour'],
    [minutes, 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) return 'less than a minute';
  return shown.map(([n, u]) => unitWords(n, u)).join(' ');
}
