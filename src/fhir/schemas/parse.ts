// One entry to the zod boundary: parse a resource of a type we read, or say plainly what is
// wrong with it (field paths only, never values: no PHI in messages).
import type { z } from 'zod';
import {
  encounterSchema,
  locationSchema,
  researchStudySchema,
  researchSubjectSchema,
} from './clinical.ts';
import { isWellFormedAdministration } from './administration-check.ts';
import {
  isClaim,
  isClaimResponse,
  isCoverage,
  isCoverageEligibilityResponse,
  isEncounter,
  isExplanationOfBenefit,
  isLocation,
  isMedication,
  isMedicationKnowledge,
  isMedicationRequest,
  isResearchStudy,
  isResearchSubject,
} from './resource-guards.ts';
import type { Guard } from './datatype-guards.ts';
import {
  claimResponseSchema,
  claimSchema,
  coverageEligibilityResponseSchema,
  coverageSchema,
  explanationOfBenefitSchema,
} from './financial.ts';
import {
  medicationAdministrationSchema,
  medicationKnowledgeSchema,
  medicationRequestSchema,
  medicationSchema,
} from './medication.ts';

export const SCHEMAS = {
  MedicationAdministration: medicationAdministrationSchema,
  Medication: medicationSchema,
  MedicationRequest: medicationRequestSchema,
  MedicationKnowledge: medicationKnowledgeSchema,
  Encounter: encounterSchema,
  Location: locationSchema,
  ResearchSubject: researchSubjectSchema,
  ResearchStudy: researchStudySchema,
  Coverage: coverageSchema,
  CoverageEligibilityResponse: coverageEligibilityResponseSchema,
  Claim: claimSchema,
  ClaimResponse: claimResponseSchema,
  ExplanationOfBenefit: explanationOfBenefitSchema,
} as const;

export type ReadType = keyof typeof SCHEMAS;
export type Parsed<T extends ReadType> = z.infer<(typeof SCHEMAS)[T]>;

export type ParseResult<T extends ReadType> =
  { ok: true; value: Parsed<T> } | { ok: false; problem: string };

export function isReadType(type: unknown): type is ReadType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(SCHEMAS, type);
}

function at(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function describe(raw: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 3).map((i) => {
    const path = i.path.map(String).join('.') || 'resource';
    if ((i.code === 'invalid_type' || i.code === 'invalid_value') && at(raw, i.path) === undefined)
      return `${path} is missing`;
    if (i.code === 'invalid_value') return `${path} has a value that is not allowed`;
    if (i.code === 'invalid_type') return `${path} should be ${i.expected}`;
    return `${path}: ${i.message}`;
  });
  const more = issues.length > 3 ? ` and ${issues.length - 3} more problem(s)` : '';
  return parts.join('; ') + more;
}

/**
 * Hand-written guards, one per type (administration-check.ts, resource-guards.ts): true only when
 * the type's schema would accept the value unchanged (tested against the schemas in
 * schema-guards.test.ts), so the caller may read the raw object itself.
 */
const GUARDS: Readonly<Record<ReadType, Guard>> = Object.freeze({
  MedicationAdministration: isWellFormedAdministration,
  Medication: isMedication,
  MedicationRequest: isMedicationRequest,
  MedicationKnowledge: isMedicationKnowledge,
  Encounter: isEncounter,
  Location: isLocation,
  ResearchSubject: isResearchSubject,
  ResearchStudy: isResearchStudy,
  Coverage: isCoverage,
  CoverageEligibilityResponse: isCoverageEligibilityResponse,
  Claim: isClaim,
  ClaimResponse: isClaimResponse,
  ExplanationOfBenefit: isExplanationOfBenefit,
});

/** True when zod would certainly accept `raw` as it is (the type's guard); never throws. */
export function conformsAs(type: ReadType, raw: unknown): boolean {
  try {
    return GUARDS[type](raw);
  } catch {
    return false; // e.g. nesting deeper than the stack: zod decides
  }
}

/** `raw` itself when the type's guard accepts it; undefined when it is not sure (then parseResource). */
export function acceptedAsIs<T extends ReadType>(type: T, raw: unknown): Parsed<T> | undefined {
  return conformsAs(type, raw) ? (raw as Parsed<T>) : undefined;
}

export function parseResource<T extends ReadType>(type: T, raw: unknown): ParseResult<T> {
  // The common, well-formed resource: zod would return an equal copy, so read it as it is.
  if (conformsAs(type, raw)) return { ok: true, value: raw as Parsed<T> };
  const schema: z.ZodType = SCHEMAS[type];
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data as Parsed<T> };
  return { ok: false, problem: describe(raw, r.error.issues) };
}
