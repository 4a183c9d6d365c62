// Time math on absolute instants (infusion-rules R4.1, R9.7, R9.9).
import type { Timestamp } from './types.ts';

const MINUTE_MS = 60_000;

const DAY_MS = 86_400_000;
/** Date strings by local day number: the same few hundred days recur in every run. Bounded. */
const DAY_LIMIT = 65_536;
const dayText = new Map<number, string>();

function dateOfShifted(shiftedMs: number): string {
  const t = Math.trunc(shiftedMs); // as Date does
  const day = Math.floor(t / DAY_MS);
  const hit = dayText.get(day);
  if (hit !== undefined) return hit;
  // Computed from the instant itself (throws as before for an invalid one); cached only after.
  const text = new Date(t).toISOString().slice(0, 10);
  if (dayText.size >= DAY_LIMIT) dayText.clear();
  dayText.set(day, text);
  return text;
}

/** Calendar date (YYYY-MM-DD) of an instant in its own UTC offset (contract §2.1). */
export function localDate(ts: Timestamp): string {
  return dateOfShifted(ts.ms + ts.offsetMin * MINUTE_MS);
}

/** Whole minutes between two instants, partial minutes dropped (R4.1). */
export function wholeMinutes(start: Timestamp, end: Timestamp): number {
  return Math.floor((end.ms - start.ms) / MINUTE_MS);
}

/** Calendar date of an epoch-ms instant in a given UTC offset (minutes east of UTC). */
export function localDateAt(ms: number, offsetMin: number): string {
  return dateOfShifted(ms + offsetMin * MINUTE_MS);
}

/** Whole minutes in a span of milliseconds, partial minutes dropped (R4.1). */
export function floorMinutes(ms: number): number {
  return Math.floor(ms / MINUTE_MS);
}

/** Milliseconds in a number of minutes. */
export function minutesToMs(min: number): number {
  return min * MINUTE_MS;
}

/** Whether a service [start, end) runs past midnight between its local start and end dates (R9.7). */
export function crossesMidnight(start: Timestamp, end: Timestamp): boolean {
  if (end.ms <= start.ms) return false;
  return localDate(start) !== localDateAt(end.ms - 1, end.offsetMin);
}
