// Which HCPCS, product and billing unit an administration bills under (drug-wastage §9 step 1,
// contract §2.2): the category engine's answer (NDC → crosswalk → HCPCS → RxNorm),
// checked against the HCPCS coded on the Medication.
import { resolveCategory, resolveDrugCategory } from '../category.ts';
import type { EncounterScope } from '../stage.ts';
import type {
  Administration,
  DecimalQuantity,
  DrugCategory,
  DrugIdentification,
  DrugIdentity,
  Warning,
} from '../types.ts';
import type { HcpcsInfo, Presentation } from '../../reference/types.ts';

export interface ResolvedDrug {
  hcpcs: string;
  info: HcpcsInfo;
  category: DrugCategory;
  /** The identity that decided (the Medication, or the drug ingredient of a bag). */
  drug: DrugIdentity;
  ndc11?: string;
  product?: Presentation;
  /** Concentration per mL from the Medication, else the product. */
  concentrationPerMl?: DecimalQuantity;
  displayName: string;
  /** How the drug was identified (contract §2.2), for the line's evidence. */
  identity?: DrugIdentification;
}

function validCode(code: string, scope: EncounterScope): HcpcsInfo | undefined {
  return scope.context.reference.hcpcs(code, scope.dateOfService);
}

const NONE: readonly string[] = [];

/** Codes with nothing to upper-case (no allocation to find out). */
const UPPER_ALREADY = /^[A-Z0-9]*$/;

/** Upper-cased codes; the list itself when nothing changes (the common case: none, or upper). */
function upper(codes: string[]): readonly string[] {
  if (codes.length === 0) return NONE;
  for (const c of codes) {
    if (!UPPER_ALREADY.test(c) && c.toUpperCase() !== c) return codes.map((x) => x.toUpperCase());
  }
  return codes;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The drug an administration bills under; its warnings go to `warnings`. */
export function resolveDrug(
  a: Administration,
  scope: EncounterScope,
  warnings: Warning[],
): ResolvedDrug | undefined {
  const ref = scope.context.reference;
  const dos = scope.dateOfService;
  // The run's rules are the category options (it reads electrolyteReplacement): no object per call.
  const cat = resolveCategory(a, ref, dos, scope.context.config.rules, scope.context.memo.category);
  // The bag's drug ingredient that decided the category (contract §2.2: fluid + drug = the drug).
  const ingredient =
    cat.decidedBy === 'ingredient'
      ? a.ingredients.find((i) => resolveDrugCategory(i.drug, ref, dos).hcpcs === cat.hcpcs)
      : undefined;
  const drug = ingredient?.drug ?? a.drug;
  const ndc11 = drug.ndc[0];
  const crosswalk: readonly string[] = ndc11 ? ref.hcpcsForNdc(ndc11, dos) : NONE;
  const coded = upper(drug.hcpcs);
  const name = drug.display ?? cat.displayName ?? 'This drug';

  for (const code of coded) {
    if (ref.hcpcsKnown(code) && !validCode(code, scope)) {
      warnings.push({
        code: 'HCPCS_NOT_VALID_FOR_DOS',
        severity: 'error',
        message: `${code} is not a valid code for ${name} on ${dos}; use the code in effect that day.`,
        sources: [a.ref],
      });
    }
  }
  if (ndc11 && crosswalk.length > 0 && coded.length > 0) {
    // A code not valid that day is already HCPCS_NOT_VALID_FOR_DOS; only valid codes mismatch.
    const wrong = coded.filter((c) => !crosswalk.includes(c) && validCode(c, scope));
    if (wrong.length > 0 && !coded.some((c) => crosswalk.includes(c))) {
      warnings.push({
        code: 'NDC_HCPCS_MISMATCH',
        severity: 'error',
        message: `The NDC given (${ndc11}) bills under ${crosswalk.join(' or ')}, not ${wrong.join(', ')}, in the CMS crosswalk for ${dos}.`,
        sources: [a.ref],
      });
    }
  }

  // The billing code: the crosswalk's code for the NDC, else the coded HCPCS, else the category's.
  const product = ndc11 ? ref.productByNdc(ndc11) : undefined;
  let hcpcs: string | undefined;
  let info: HcpcsInfo | undefined;
  const tryCode = (c: string): boolean => {
    info = validCode(c, scope);
    if (info) hcpcs = c;
    return Boolean(info);
  };
  const found =
    crosswalk.some(tryCode) ||
    coded.some(tryCode) ||
    (Boolean(cat.hcpcs) && tryCode(cat.hcpcs ?? '')) ||
    (Boolean(product?.hcpcs) && tryCode(product?.hcpcs ?? ''));
  if (!found || !hcpcs || !info) {
    // A drug code outside the catalog: billing unit from the CMS files, category from §2.2.
    const candidates = [...crosswalk, ...coded, ...(cat.hcpcs ? [cat.hcpcs] : [])];
    if (product?.hcpcs) candidates.push(product.hcpcs);
    const code = candidates.find((c) => !ref.hcpcsKnown(c) && ref.billingUnitOf?.(c));
    const unit = code ? ref.billingUnitOf?.(code) : undefined;
    if (!code || !unit) return undefined;
    hcpcs = code;
    info = {
      code,
      billingUnit: unit.billingUnit,
      ...(unit.upTo ? { upTo: true } : {}),
      category: cat.category,
      displayName: drug.display ?? code,
    };
  }
  const concentration =
    ingredient?.strengthPerMl ?? a.concentrationPerMl ?? product?.concentrationPerMl;
  const resolved: ResolvedDrug = {
    hcpcs,
    info,
    category: info.category,
    drug,
    displayName: info.displayName || name,
  };
  if (cat.identifiedBy) {
    const identity: DrugIdentification = { by: cat.identifiedBy };
    if (cat.candidates) identity.candidates = cat.candidates;
    if (cat.ingredient) identity.ingredient = cat.ingredient;
    if (cat.identifiedFrom) identity.value = cat.identifiedFrom;
    const shown = drug.rxnormNames?.[0] ?? drug.display;
    if (shown) identity.display = shown;
    resolved.identity = identity;
  }
  if (cat.candidates) {
    // contract §2.2: one ingredient, several products, no NDC to decide — the coder picks.
    warnings.push({
      code: 'DRUG_CODE_AMBIGUOUS',
      severity: 'warning',
      message: `${capitalised(name)}: the record names the drug but not the product; it may bill under ${cat.candidates.join(', ')}. ${hcpcs} was used; record the NDC or pick the code.`,
      sources: [a.ref],
    });
  }
  if (ndc11) resolved.ndc11 = ndc11;
  if (product) resolved.product = product;
  if (concentration) resolved.concentrationPerMl = concentration;
  return resolved;
}
