// Drug identity from what the EHR sends (contract §2.2; medication-vocabulary §5), in order:
// NDC through the crosswalk of the date of service, a HCPCS coding, an RxNorm RxCUI, the RxNorm
// display parsed to its ingredients, then Medication.code.text by the same name match.
import type { DrugIdentity, ReferenceData } from './types.ts';

/** How the drug was identified (reported in the line's evidence). */
export type IdentifiedBy = 'ndc' | 'hcpcs' | 'rxnorm' | 'rxnorm-name' | 'text';

export interface Identification {
  by: IdentifiedBy;
  /** Codes this step gives, preferred first. */
  codes: readonly string[];
  /** What the record said that this step read: the NDC (11 digits), HCPCS, RxCUI or name. */
  value?: string;
  /** Name steps: the ingredient key that matched and the dose form read from the name. */
  ingredient?: string;
  doseForm?: string;
  /** Name steps: the dose form is definitely not parenteral (oral tablet, topical gel …). */
  nonParenteral?: boolean;
}

const NONE: readonly string[] = [];

function push(list: string[], code: string | undefined): void {
  if (code && !list.includes(code)) list.push(code);
}

/** Codes that exist on the date: a code the data knows only for other dates is dropped. */
export function validOn(codes: readonly string[], ref: ReferenceData, dos: string): string[] {
  return codes.filter((c) => !ref.hcpcsKnown(c) || ref.hcpcs(c, dos) !== undefined);
}

/** Each step that gives at least one code, in contract §2.2 order. */
export function identifications(
  drug: DrugIdentity,
  ref: ReferenceData,
  dos: string,
): Identification[] {
  const out: Identification[] = [];
  for (const ndc of drug.ndc) {
    const codes: string[] = [];
    push(codes, ref.productByNdc(ndc)?.hcpcs);
    for (const c of ref.hcpcsForNdc(ndc, dos)) push(codes, c);
    if (codes.length > 0) out.push({ by: 'ndc', codes, value: ndc });
  }
  if (drug.hcpcs[0]) out.push({ by: 'hcpcs', codes: drug.hcpcs, value: drug.hcpcs[0] });
  for (const rx of drug.rxnorm) {
    const codes: string[] = [];
    push(codes, ref.hcpcsForRxnorm(rx));
    for (const c of ref.hcpcsListForRxnorm?.(rx) ?? NONE) push(codes, c);
    if (codes.length > 0) out.push({ by: 'rxnorm', codes, value: rx });
  }
  const names: [IdentifiedBy, string][] = (drug.rxnormNames ?? []).map((n) => ['rxnorm-name', n]);
  if (drug.text !== undefined) names.push(['text', drug.text]);
  for (const [by, name] of names) {
    const m = ref.drugsByName?.(name);
    if (!m || m.codes.length === 0) continue;
    const id: Identification = { by, codes: m.codes, ingredient: m.ingredient, value: name };
    if (m.doseForm) id.doseForm = m.doseForm;
    if (m.nonParenteral) id.nonParenteral = true;
    out.push(id);
  }
  return out;
}

/** Steps that can give several products of one ingredient (no NDC decides): §2.2 ambiguity. */
export function mayBeAmbiguous(by: IdentifiedBy): boolean {
  return by === 'rxnorm' || by === 'rxnorm-name' || by === 'text';
}
