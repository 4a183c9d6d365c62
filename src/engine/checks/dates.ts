// Date helpers for the checks: periods are compared as local calendar dates (YYYY-MM-DD), the
// date part of the FHIR string as written (contract §2.1, research-billing T-06).

/** The YYYY-MM-DD part of a FHIR date or dateTime, or undefined. */
export function dateOnly(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = value.slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined;
}

/** start ≤ dos (when present) and end absent or ≥ dos. */
export function periodCovers(
  start: string | undefined,
  end: string | undefined,
  dos: string,
): boolean {
  const s = dateOnly(start);
  const e = dateOnly(end);
  if (s && s > dos) return false;
  if (e && e < dos) return false;
  return true;
}

/** The period ended before the date of service. */
export function endedBefore(end: string | undefined, dos: string): boolean {
  const e = dateOnly(end);
  return e !== undefined && e < dos;
}
