// Codes and quantities: NDC normalisation (drug-wastage R-29), both HCPCS system URIs,
// drug identity from a CodeableConcept, UCUM quantities as exact decimal strings.
import Decimal from 'decimal.js';
import type { DecimalQuantity, DrugIdentity } from '../../engine/index.ts';
// NDC → 11 digits: the one normaliser lives with the reference data.
import { normalizeNdc, type NdcKnown } from '../../reference/ndc.ts';
import { SYSTEMS } from '../extensions.ts';
import type { CodeableConcept, Quantity, Ratio } from '../schemas/common.ts';

/**
 * Every NDC the reference data knows, not only the catalog's: a catalog product or any row of
 * the CMS crosswalk (contract §2.2 step 1, drug-wastage R-29), to read a bare 10-digit NDC.
 */
export function ndcKnownIn(ref: {
  productByNdc(n: string): unknown;
  ndcKnown?(n: string): boolean;
}): NdcKnown {
  return (n) => ref.productByNdc(n) !== undefined || ref.ndcKnown?.(n) === true;
}

export function isHcpcsSystem(system: string | undefined): boolean {
  return system === SYSTEMS.hcpcs || system === SYSTEMS.hcpcsHttps;
}

export function isNdcSystem(system: string | undefined): boolean {
  return system === SYSTEMS.ndc;
}

function pushUnique(list: string[], v: string): void {
  if (!list.includes(v)) list.push(v);
}

/** Drug identity from any number of CodeableConcepts (Medication.code, ResearchStudy.focus). */
export function drugIdentity(
  concepts: readonly (CodeableConcept | undefined)[],
  known?: NdcKnown,
): DrugIdentity {
  const id: DrugIdentity = { ndc: [], hcpcs: [], rxnorm: [] };
  for (const cc of concepts) if (cc) addConcept(id, cc, known);
  return id;
}

/** drugIdentity of one concept (no array to wrap it in). */
export function conceptIdentity(cc: CodeableConcept, known?: NdcKnown): DrugIdentity {
  const id: DrugIdentity = { ndc: [], hcpcs: [], rxnorm: [] };
  addConcept(id, cc, known);
  return id;
}

function addConcept(id: DrugIdentity, cc: CodeableConcept, known?: NdcKnown): void {
  if (cc.coding) {
    for (const c of cc.coding) {
      if (!c.code) continue;
      if (isNdcSystem(c.system)) {
        const n = normalizeNdc(c.code, known);
        if (n) pushUnique(id.ndc, n);
      } else if (isHcpcsSystem(c.system)) pushUnique(id.hcpcs, c.code.trim().toUpperCase());
      else if (c.system === SYSTEMS.rxnorm) pushUnique(id.rxnorm, c.code.trim());
      if (id.display === undefined && c.display) id.display = c.display;
    }
    // RxNorm displays, for the name match of contract §2.2 step 4 (a display with no code too).
    for (const c of cc.coding) {
      if (c.system === SYSTEMS.rxnorm && c.display) pushUnique((id.rxnormNames ??= []), c.display);
    }
  }
  if (cc.text) {
    id.display = cc.text;
    id.text = cc.text;
  }
}

/** First NDC (11 digits) of a concept. */
export function ndcOf(cc: CodeableConcept | undefined, known?: NdcKnown): string | undefined {
  for (const c of cc?.coding ?? []) {
    if (isNdcSystem(c.system) && c.code) {
      const n = normalizeNdc(c.code, known);
      if (n) return n;
    }
  }
  return undefined;
}

/** First HCPCS (either system URI) or CPT code of a concept; else its first code. */
export function serviceCodeOf(cc: CodeableConcept | undefined): string | undefined {
  const codings = cc?.coding ?? [];
  const billing = codings.find(
    (c) => c.code && (isHcpcsSystem(c.system) || c.system === SYSTEMS.cpt),
  );
  const code = billing?.code ?? codings.find((c) => c.code)?.code;
  return code?.trim().toUpperCase();
}

export function hcpcsCodesOf(cc: CodeableConcept | undefined): string[] {
  const out: string[] = [];
  for (const c of cc?.coding ?? []) {
    if (c.code && isHcpcsSystem(c.system)) pushUnique(out, c.code.trim().toUpperCase());
  }
  return out;
}

export function hasCode(
  cc: CodeableConcept | undefined,
  system: string,
  codes: readonly string[],
): boolean {
  const coding = cc?.coding;
  if (coding)
    for (const c of coding)
      if (c.system === system && !!c.code && codes.includes(c.code)) return true;
  return false;
}

/** UCUM code of a quantity: `code` when given, else `unit`. */
export function unitOf(q: Quantity): string | undefined {
  return q.code ?? q.unit;
}

export function decimalQuantity(q: Quantity | undefined): DecimalQuantity | undefined {
  if (!q || q.value === undefined) return undefined;
  const unit = unitOf(q);
  if (unit === undefined) return undefined;
  return { value: decimalText(q.value), unit };
}

/**
 * Exact text of a JSON number: `String(v)`, the shortest text that reads back as v. decimal.js
 * builds a Decimal from a number out of that same text and writes it with the same exponent
 * thresholds (1e-7, 1e21), so this equals `new Decimal(v).toString()` for every double, -0
 * (both "0") included: property-tested in codes.test.ts. No memo (issue 18). A value that is no
 * number (the schema admits none) still goes through Decimal, which throws on what it refuses.
 */
function decimalText(v: number): string {
  return typeof v === 'number' ? String(v) : new Decimal(v).toString();
}

const ML_PER: Record<string, string> = {
  mL: '1',
  ml: '1',
  L: '1000',
  l: '1000',
  dL: '100',
  cL: '10',
};

/** A strength Ratio as an amount per 1 mL (e.g. 100 mg / 4 mL → 25 mg), when expressible. */
export function perMl(r: Ratio | undefined): DecimalQuantity | undefined {
  const num = r?.numerator;
  const den = r?.denominator;
  if (!num || num.value === undefined) return undefined;
  const unit = unitOf(num);
  if (!unit) return undefined;
  const denValue = den?.value ?? 1;
  const denUnit = den ? unitOf(den) : undefined;
  const ml = denUnit ? ML_PER[denUnit] : undefined;
  if (!ml || denValue === 0) return undefined;
  const value = new Decimal(num.value).div(new Decimal(denValue).mul(ml));
  return { value: value.toString(), unit };
}

/** ICD-10-CM codes are compared in dotted form (Z006 → Z00.6). */
export function normalizeIcd10(code: string): string {
  const c = code.trim().toUpperCase();
  if (c.includes('.') || c.length <= 3) return c;
  return `${c.slice(0, 3)}.${c.slice(3)}`;
}
