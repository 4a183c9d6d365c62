// Plain display of FHIR instants: the date and clock time as the EHR wrote them (their own
// UTC offset), so the times match what the nurse charted.
export function formatInstant(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  if (!m) return iso;
  return m[2] ? `${m[1]} ${m[2]}` : (m[1] ?? iso);
}
