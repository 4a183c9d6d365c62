// The visit's day for the nurse's time checks (issue 14 §1), read from the launch encounter.
import type { Encounter, FhirResource } from 'fhir/r4';

/**
 * The visit's day, as an instant on it: the launch encounter's start; without an encounter in
 * the launch the chair shows today's records, so today. An encounter without a start: unknown
 * (no day check is made, nothing is assumed).
 */
export function visitDayOf(
  resources: readonly FhirResource[],
  encounterId: string | undefined,
  now: Date,
): string | undefined {
  if (!encounterId) return now.toISOString();
  const enc = resources.find(
    (r): r is Encounter => r.resourceType === 'Encounter' && r.id === encounterId,
  );
  return enc?.period?.start;
}
