// Hand-written guards of the resources we read besides MedicationAdministration
// (administration-check.ts): each is true only when its zod schema (clinical.ts, medication.ts,
// financial.ts) accepts the value unchanged; false means "not sure", and zod decides with its own
// messages. schema-guards.test.ts proves each reads every field its schema checks and agrees with
// the schema on generated valid and invalid resources.
import {
  isConcept,
  isIdentifier,
  isObj,
  isReference,
  isResourceOf,
  opt,
  optArray,
  optBool,
  optConcept,
  optDateTime,
  optInt,
  optMoney,
  optPeriod,
  optQuantity,
  optRatio,
  optReference,
  optStr,
  type Guard,
} from './datatype-guards.ts';

const optConcepts = (v: unknown): boolean => optArray(v, isConcept);
const optReferences = (v: unknown): boolean => optArray(v, isReference);
const each =
  (fields: (v: Record<string, unknown>) => boolean): Guard =>
  (v) =>
    isObj(v) && fields(v);

export const isEncounter: Guard = (v) =>
  isResourceOf(v, 'Encounter') &&
  optStr(v.status) &&
  optReference(v.subject) &&
  optPeriod(v.period) &&
  optArray(
    v.location,
    each((l) => isReference(l.location)),
  );

export const isLocation: Guard = (v) => isResourceOf(v, 'Location') && optConcepts(v.type);

export const isResearchSubject: Guard = (v) =>
  isResourceOf(v, 'ResearchSubject') &&
  typeof v.status === 'string' &&
  optReference(v.individual) &&
  isReference(v.study) &&
  optPeriod(v.period);

export const isResearchStudy: Guard = (v) =>
  isResourceOf(v, 'ResearchStudy') &&
  optArray(v.identifier, isIdentifier) &&
  optStr(v.title) &&
  optReference(v.sponsor) &&
  optConcepts(v.focus);

export const isMedication: Guard = (v) =>
  isResourceOf(v, 'Medication') &&
  optConcept(v.code) &&
  optConcept(v.form) &&
  optRatio(v.amount) &&
  optArray(
    v.ingredient,
    each(
      (i) =>
        optConcept(i.itemCodeableConcept) &&
        optReference(i.itemReference) &&
        optBool(i.isActive) &&
        optRatio(i.strength),
    ),
  );

export const isMedicationRequest: Guard = (v) =>
  isResourceOf(v, 'MedicationRequest') &&
  optReference(v.subject) &&
  optArray(
    v.dosageInstruction,
    each((d) =>
      optArray(
        d.doseAndRate,
        each((r) => optQuantity(r.doseQuantity)),
      ),
    ),
  );

export const isMedicationKnowledge: Guard = (v) =>
  isResourceOf(v, 'MedicationKnowledge') &&
  optStr(v.status) &&
  optConcept(v.code) &&
  optQuantity(v.amount) &&
  optArray(
    v.ingredient,
    each((i) => optConcept(i.itemCodeableConcept) && optBool(i.isActive) && optRatio(i.strength)),
  ) &&
  opt((p) => optConcept(p.type) && optQuantity(p.quantity))(v.packaging);

export const isCoverage: Guard = (v) =>
  isResourceOf(v, 'Coverage') &&
  typeof v.status === 'string' &&
  optConcept(v.type) &&
  isReference(v.beneficiary) &&
  optPeriod(v.period) &&
  optReferences(v.payor) &&
  optInt(v.order);

export const isCoverageEligibilityResponse: Guard = (v) =>
  isResourceOf(v, 'CoverageEligibilityResponse') &&
  optReference(v.patient) &&
  optArray(
    v.insurance,
    each(
      (i) =>
        optReference(i.coverage) &&
        optArray(
          i.item,
          each((t) => optConcept(t.productOrService) && optBool(t.authorizationRequired)),
        ),
    ),
  );

const isAdjudication = each(
  (a) => optConcept(a.category) && optConcept(a.reason) && optMoney(a.amount),
);

const isClaimItem = each(
  (i) =>
    optInt(i.sequence) &&
    optConcept(i.productOrService) &&
    optConcepts(i.modifier) &&
    optQuantity(i.quantity) &&
    optDateTime(i.servicedDate) &&
    optPeriod(i.servicedPeriod) &&
    optMoney(i.net) &&
    optReferences(i.encounter) &&
    optArray(
      i.detail,
      each((d) => optConcept(d.productOrService) && optQuantity(d.quantity)),
    ),
);

export const isClaim: Guard = (v) =>
  isResourceOf(v, 'Claim') &&
  optStr(v.status) &&
  typeof v.use === 'string' &&
  optConcept(v.type) &&
  optReference(v.patient) &&
  optReference(v.insurer) &&
  optArray(
    v.diagnosis,
    each((d) => optConcept(d.diagnosisCodeableConcept)),
  ) &&
  optArray(
    v.supportingInfo,
    each(
      (s) =>
        optConcept(s.category) &&
        optConcept(s.code) &&
        optStr(s.valueString) &&
        optReference(s.valueReference) &&
        optQuantity(s.valueQuantity),
    ),
  ) &&
  optArray(
    v.insurance,
    each(
      (i) =>
        optBool(i.focal) &&
        optReference(i.coverage) &&
        optArray(i.preAuthRef, (x) => typeof x === 'string'),
    ),
  ) &&
  optArray(v.item, isClaimItem);

export const isClaimResponse: Guard = (v) =>
  isResourceOf(v, 'ClaimResponse') &&
  typeof v.use === 'string' &&
  optStr(v.outcome) &&
  optReference(v.patient) &&
  optReference(v.request) &&
  optStr(v.preAuthRef) &&
  optPeriod(v.preAuthPeriod) &&
  optArray(
    v.addItem,
    each((a) => optConcept(a.productOrService) && optQuantity(a.quantity)),
  ) &&
  optArray(
    v.item,
    each((i) => optInt(i.itemSequence) && optArray(i.adjudication, isAdjudication)),
  );

export const isExplanationOfBenefit: Guard = (v) =>
  isResourceOf(v, 'ExplanationOfBenefit') &&
  optReference(v.patient) &&
  optReference(v.claim) &&
  optStr(v.outcome) &&
  optPeriod(v.billablePeriod) &&
  optArray(
    v.item,
    each(
      (i) =>
        optInt(i.sequence) &&
        optConcept(i.productOrService) &&
        optConcepts(i.modifier) &&
        optDateTime(i.servicedDate) &&
        optPeriod(i.servicedPeriod) &&
        optArray(i.adjudication, isAdjudication),
    ),
  );
