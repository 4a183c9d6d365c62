// Time math on absolute instants (infusion-rules R4.1, R9.7, R9.9).
import type { Timestamp } from './types.ts';

const MINUTE_MS = 60_000;

/** Calendar date (YYYY-MM-DD) of an instant in its own UTC offset (contract §2.1). */
export function localDate(ts: Timestamp): string {
  const shifted = new Date(ts.ms + ts.offsetMin * MINUTE_MS);
  return shifted.toISOString().slice(0, 10);
}

/** Whole minutes between two instants, partial minutes dropped (R4.1). */
export function wholeMinutes(start: Timestamp, end: Timestamp): number {
  return Math.floor((end.ms - start.ms) / MINUTE_MS);
}
