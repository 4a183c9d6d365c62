// Time math on absolute instants (infusion-rules R4.1, R9.7, R9.9).
import type { Timestamp } from './types.ts';

const MINUTE_MS = 60_000;

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00Z and 10000-01-01T00:00Z: the years written with four digits. */
const FIRST_MS = -62_167_219_200_000;
const END_MS = 253_402_300_800_000;
const TWO_DIGITS: readonly string[] = Object.freeze(
  Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0')),
);

/**
 * YYYY-MM-DD of a shifted instant, by integer arithmetic on the day number (proleptic
 * Gregorian, as Date): the same text as `new Date(t).toISOString().slice(0, 10)`, which stays
 * the answer outside years 0000–9999 and throws as before for an invalid instant.
 */
function dateOfShifted(shiftedMs: number): string {
  const t = Math.trunc(shiftedMs); // as Date does
  if (!(t >= FIRST_MS && t < END_MS)) return new Date(t).toISOString().slice(0, 10);
  const z = Math.floor(t / DAY_MS) + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${TWO_DIGITS[month] ?? ''}-${TWO_DIGITS[day] ?? ''}`;
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

/** Whether a service [start, end) runs past midnight between its local start and end dates (R9.7). */
export function crossesMidnight(start: Timestamp, end: Timestamp): boolean {
  if (end.ms <= start.ms) return false;
  // Local day numbers instead of date texts (issue 18 part 2: no strings built per service);
  // the same answer where dates have four-digit years, which is the texts' domain too
  // (time.test.ts compares both). Elsewhere, and for an invalid instant, the texts as before.
  const from = Math.trunc(start.ms + start.offsetMin * MINUTE_MS);
  const to = Math.trunc(end.ms - 1 + end.offsetMin * MINUTE_MS);
  if (from >= FIRST_MS && from < END_MS && to >= FIRST_MS && to < END_MS)
    return Math.floor(from / DAY_MS) !== Math.floor(to / DAY_MS);
  return localDate(start) !== localDateAt(end.ms - 1, end.offsetMin);
}
