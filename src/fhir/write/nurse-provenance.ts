// Provenance of a nurse's correction of a recorded time (issue 14 §1; fhir-modeling §1.8):
// the nurse (fhirUser) is the author, the corrected MedicationAdministration the target, the
// reason in words. The target is the unversioned reference (with `recorded`, the record's
// history tells the version): some servers' patient-compartment checks do not resolve
// '/_history/' references.
import type { Provenance } from 'fhir/r4';
import { DATA_OPERATION_SYSTEM, PROVENANCE_PARTICIPANT_SYSTEM } from './provenance-builder.ts';
import type { TimeCorrection } from './medication-administration.ts';

export function buildCorrectionProvenance(target: string, c: TimeCorrection): Provenance {
  const what = c.field === 'start' ? 'start' : 'stop';
  return {
    resourceType: 'Provenance',
    target: [{ reference: target }],
    recorded: c.recorded,
    activity: {
      coding: [{ system: DATA_OPERATION_SYSTEM, code: 'UPDATE' }],
      text: `Nurse correction of the ${what} time`,
    },
    reason: [{ text: c.reason }],
    agent: [
      {
        type: { coding: [{ system: PROVENANCE_PARTICIPANT_SYSTEM, code: 'author' }] },
        who: { reference: c.author },
      },
    ],
  };
}

/** Whether `p` is the Provenance of this correction (a retry after a lost answer). */
export function isCorrectionProvenance(p: Provenance, target: string, c: TimeCorrection): boolean {
  const recorded = Date.parse(p.recorded);
  return (
    p.target.some((t) => t.reference === target || t.reference?.endsWith(`/${target}`)) &&
    Number.isFinite(recorded) &&
    recorded === Date.parse(c.recorded) &&
    (p.agent ?? []).some((a) => a.who?.reference === c.author)
  );
}
