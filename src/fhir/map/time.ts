// FHIR date/time strings → Timestamp, keeping the written UTC offset (contract §2.1).
import type { Timestamp } from '../../engine/index.ts';
import { parseFhirDateTime } from '../schemas/date-time.ts';

/**
 * Parses an instant or dateTime. A value with a time keeps its offset (no offset: read as
 * UTC, offset 0). A date without a time (`2026-03-02`, `2026-03`, `2026`) becomes midnight of
 * its first day with offset 0, so its local date is the date as written; it carries no time of
 * day, which the caller knows from `hasTime`.
 */
export function parseTimestamp(
  iso: string | undefined,
): (Timestamp & { hasTime: boolean }) | undefined {
  if (!iso) return undefined;
  const p = parseFhirDateTime(iso);
  if (!p) return undefined;
  return { ms: p.wallMs - p.offsetMin * 60_000, offsetMin: p.offsetMin, iso, hasTime: p.hasTime };
}

/** parseTimestamp without `hasTime`: the Timestamp the engine keeps (one object). */
export function timestampOf(iso: string | undefined): Timestamp | undefined {
  if (!iso) return undefined;
  const p = parseFhirDateTime(iso);
  if (!p) return undefined;
  return { ms: p.wallMs - p.offsetMin * 60_000, offsetMin: p.offsetMin, iso };
}

/** The calendar date as written (YYYY-MM-DD), for periods compared against a date of service. */
export function dateOf(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso.slice(0, 10);
  if (/^\d{4}-\d{2}$/.test(iso)) return `${iso}-01`;
  if (/^\d{4}$/.test(iso)) return `${iso}-01-01`;
  return undefined;
}

/** The last calendar date a period end covers (`2026-03` → `2026-03-31`). */
export function endDateOf(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  if (/^\d{4}$/.test(iso)) return `${iso}-12-31`;
  const m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return `${iso}-${String(last).padStart(2, '0')}`;
  }
  return dateOf(iso);
}
