// Provenance of the nurse's writes (fhir-modeling §1.8): the nurse (fhirUser) is the author, the
// MedicationAdministration written the target, what she did in words. Every nurse write gets
// one: a start, stop or waste on a record (UPDATE), a new administration from an order (start,
// injection, port flush, pump refill) or a pump disconnect (CREATE), and a correction of a
// recorded time (UPDATE, with her reason; issue 14 §1). The target is the unversioned reference
// (with `recorded`, the record's history tells the version): some servers' patient-compartment
// checks do not resolve '/_history/' references.
import type { MedicationAdministration, Provenance } from 'fhir/r4';
import { ADMINISTRATION_METHOD_SYSTEM, ON_BODY_INJECTOR } from '../extensions.ts';
import { DATA_OPERATION_SYSTEM, PROVENANCE_PARTICIPANT_SYSTEM } from './provenance-builder.ts';
import type { NurseChange, TimeCorrection } from './medication-administration.ts';

export interface NurseProvenanceInput {
  /** 'Practitioner/<id>' of the nurse. */
  author: string;
  /** When she made the entry, ISO: the same on every retry, so a retry finds it. */
  recorded: string;
  activity: 'CREATE' | 'UPDATE';
  /** What she did, in words ("Nurse recorded an injection"). */
  text: string;
  /** Her reason, when the write needs one (a correction). */
  reason?: string;
}

export function buildNurseProvenance(target: string, n: NurseProvenanceInput): Provenance {
  return {
    resourceType: 'Provenance',
    target: [{ reference: target }],
    recorded: n.recorded,
    activity: { coding: [{ system: DATA_OPERATION_SYSTEM, code: n.activity }], text: n.text },
    ...(n.reason ? { reason: [{ text: n.reason }] } : {}),
    agent: [
      {
        type: { coding: [{ system: PROVENANCE_PARTICIPANT_SYSTEM, code: 'author' }] },
        who: { reference: n.author },
      },
    ],
  };
}

/** Whether `p` is the Provenance of this write (a retry after a lost answer): target, instant, author. */
export function isNurseProvenanceFor(
  p: Provenance,
  target: string,
  n: Pick<NurseProvenanceInput, 'author' | 'recorded'>,
): boolean {
  const recorded = Date.parse(p.recorded);
  return (
    p.target.some((t) => t.reference === target || t.reference?.endsWith(`/${target}`)) &&
    Number.isFinite(recorded) &&
    recorded === Date.parse(n.recorded) &&
    (p.agent ?? []).some((a) => a.who?.reference === n.author)
  );
}

export function buildCorrectionProvenance(target: string, c: TimeCorrection): Provenance {
  return buildNurseProvenance(target, correctionProvenanceInput(c));
}

function correctionProvenanceInput(c: TimeCorrection): NurseProvenanceInput {
  const what = c.field === 'start' ? 'start' : 'stop';
  return {
    author: c.author,
    recorded: c.recorded,
    activity: 'UPDATE',
    text: `Nurse correction of the ${what} time`,
    reason: c.reason,
  };
}

/** Whether `p` is the Provenance of this correction (a retry after a lost answer). */
export function isCorrectionProvenance(p: Provenance, target: string, c: TimeCorrection): boolean {
  return isNurseProvenanceFor(p, target, c);
}

const CHANGE_TEXT: Record<Exclude<NurseChange['kind'], 'correct'>, string> = {
  start: 'Nurse recorded the start time',
  stop: 'Nurse recorded the stop time',
  waste: 'Nurse recorded the containers opened and the amount discarded',
};

/** The method code a created record carries (administration-method), if any. */
function methodOf(ma: MedicationAdministration): string | undefined {
  return ma.dosage?.method?.coding?.find((c) => c.system === ADMINISTRATION_METHOD_SYSTEM)?.code;
}

/** What a created record is, in words: R21 injection, R24 flush, R23.6 refill, R23.7 disconnect. */
export function createdText(ma: MedicationAdministration): string {
  switch (methodOf(ma)) {
    case 'pump-disconnect':
      return 'Nurse recorded the pump disconnect';
    case 'port-flush':
      return 'Nurse recorded a port flush';
    case 'pump-refill':
      return 'Nurse recorded a pump refill';
    case ON_BODY_INJECTOR:
      return 'Nurse recorded an injection with an on-body injector';
    case undefined: // no method: an injection or an ordered administration, below
      break;
  }
  if (ma.effectiveDateTime !== undefined && ma.dosage?.site) return 'Nurse recorded an injection';
  return 'Nurse recorded the start of an ordered administration';
}

/**
 * The Provenance of one nurse write: a change to a record, or a new record. `who` is the entry's
 * author and instant; a correction carries its own (and its reason). Undefined when no author is
 * known: the Provenance would name nobody, so none is written.
 */
export function nurseProvenanceInput(
  write: { change: NurseChange } | { created: MedicationAdministration },
  who: { author: string | undefined; recorded: string },
): NurseProvenanceInput | undefined {
  if ('change' in write && write.change.kind === 'correct') {
    return correctionProvenanceInput(write.change);
  }
  if (!who.author) return undefined;
  const text =
    'change' in write
      ? CHANGE_TEXT[write.change.kind as Exclude<NurseChange['kind'], 'correct'>]
      : createdText(write.created);
  return {
    author: who.author,
    recorded: who.recorded,
    activity: 'change' in write ? 'UPDATE' : 'CREATE',
    text,
  };
}
