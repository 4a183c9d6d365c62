// The MedicationAdministration guard written out by hand: true only when
// medicationAdministrationSchema accepts the value unchanged, with named property reads (the hot
// path of every administration). schema-guards.test.ts proves it reads every field the schema
// checks and agrees with the schema on generated valid and invalid resources.
import { ADMINISTRATION_STATUSES } from './medication.ts';
import {
  isReference,
  isResourceOf,
  opt,
  optArray,
  optConcept,
  optDateTime,
  optPeriod,
  optQuantity,
  optRatio,
  optReference,
  optStr,
} from './datatype-guards.ts';

const STATUSES: ReadonlySet<unknown> = new Set(ADMINISTRATION_STATUSES);

const optDosage = opt(
  (v) =>
    optStr(v.text) &&
    optConcept(v.site) &&
    optConcept(v.route) &&
    optConcept(v.method) &&
    optQuantity(v.dose) &&
    optRatio(v.rateRatio) &&
    optQuantity(v.rateQuantity),
);

/** True only when medicationAdministrationSchema accepts `v` (and returns an equal copy). */
export function isWellFormedAdministration(v: unknown): boolean {
  return (
    isResourceOf(v, 'MedicationAdministration') &&
    STATUSES.has(v.status) &&
    optConcept(v.medicationCodeableConcept) &&
    optReference(v.medicationReference) &&
    isReference(v.subject) &&
    optReference(v.context) &&
    optArray(v.partOf, isReference) &&
    optDateTime(v.effectiveDateTime) &&
    optPeriod(v.effectivePeriod) &&
    optReference(v.request) &&
    optArray(v.device, isReference) &&
    optDosage(v.dosage)
  );
}
