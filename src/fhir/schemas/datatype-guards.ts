// Hand-written type guards of the FHIR datatypes in common.ts: each is true only when the zod
// schema of the same name accepts the value as it is (looseObject: unknown fields pass through,
// so zod returns an equal value). Plain property reads, no zod internals; schema-guards.test.ts
// proves each resource guard reads every field its schema checks and agrees with the schema.
import { isFhirDateTime } from './date-time.ts';

export type Rec = Record<string, unknown>;
export type Guard = (v: unknown) => boolean;

/** What z.looseObject accepts: a non-null object that is not an array. */
export function isObj(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const optStr = (v: unknown): boolean => v === undefined || typeof v === 'string';

export const optBool = (v: unknown): boolean => v === undefined || typeof v === 'boolean';

/** z.number(): finite numbers only. */
export const optNumber = (v: unknown): boolean =>
  v === undefined || (typeof v === 'number' && Number.isFinite(v));

/** z.number().int(): a safe integer. */
export const optInt = (v: unknown): boolean => v === undefined || Number.isSafeInteger(v);

export const optDateTime = (v: unknown): boolean =>
  v === undefined || (typeof v === 'string' && isFhirDateTime(v));

export function optArray(v: unknown, each: Guard): boolean {
  if (v === undefined) return true;
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i += 1) if (!each(v[i])) return false;
  return true;
}

/** An optional looseObject whose fields pass `fields`. */
export const opt =
  (fields: (v: Rec) => boolean): Guard =>
  (v) =>
    v === undefined || (isObj(v) && fields(v));

export const isCoding = (v: unknown): boolean =>
  isObj(v) && optStr(v.system) && optStr(v.code) && optStr(v.display);

export const isConcept = (v: unknown): boolean =>
  isObj(v) && optArray(v.coding, isCoding) && optStr(v.text);
export const optConcept = (v: unknown): boolean => v === undefined || isConcept(v);

export const isIdentifier = (v: unknown): boolean =>
  isObj(v) && optStr(v.system) && optStr(v.value);
const optIdentifier = (v: unknown): boolean => v === undefined || isIdentifier(v);

export const isReference = (v: unknown): boolean =>
  isObj(v) && optStr(v.reference) && optStr(v.display) && optIdentifier(v.identifier);
export const optReference = (v: unknown): boolean => v === undefined || isReference(v);

export const optQuantity = opt(
  (v) => optNumber(v.value) && optStr(v.unit) && optStr(v.system) && optStr(v.code),
);

export const optRatio = opt((v) => optQuantity(v.numerator) && optQuantity(v.denominator));

export const optPeriod = opt((v) => optDateTime(v.start) && optDateTime(v.end));

export const optMoney = opt((v) => optNumber(v.value) && optStr(v.currency));

/** z.number().int().positive() */
const optPositiveInt = (v: unknown): boolean =>
  v === undefined || (Number.isSafeInteger(v) && (v as number) > 0);

export function isExtension(v: unknown): boolean {
  return (
    isObj(v) &&
    typeof v.url === 'string' &&
    optBool(v.valueBoolean) &&
    optStr(v.valueCode) &&
    optStr(v.valueString) &&
    optPositiveInt(v.valuePositiveInt) &&
    optQuantity(v.valueQuantity) &&
    optConcept(v.valueCodeableConcept) &&
    optReference(v.valueReference) &&
    optArray(v.extension, isExtension)
  );
}

const isContained = (v: unknown): boolean => isObj(v) && typeof v.resourceType === 'string';

/** `resourceBase` of common.ts and the resource type: what every resource guard checks first. */
export function isResourceOf(v: unknown, type: string): v is Rec {
  return (
    isObj(v) &&
    v.resourceType === type &&
    optStr(v.id) &&
    (v.meta === undefined || (isObj(v.meta) && optStr(v.meta.versionId))) &&
    optArray(v.extension, isExtension) &&
    optArray(v.contained, isContained)
  );
}
