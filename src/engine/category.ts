// Category of an administration for the administration codes (contract §2.2; infusion-rules
// R1.3, R1.7, R2.1–R2.3). Shared by the infusion engine and the drug engine.
import { identifications, mayBeAmbiguous, validOn, type Identification } from './identify.ts';
import type { IdentifiedBy } from './identify.ts';
import type { Administration, DrugCategory, DrugIdentity, ReferenceData } from './types.ts';

export interface CategoryResult {
  category: DrugCategory;
  /** The HCPCS that decided the category, when one did. */
  hcpcs?: string;
  /** true when nothing in the reference data knew the drug (UNKNOWN_DRUG_CATEGORY). */
  unknown: boolean;
  /** Drug family shared by the codes of one drug, when the reference data knows it. */
  family?: string;
  /** Plain drug name from the reference data, when known. */
  displayName?: string;
  /** 'ingredient' when a drug ingredient of the bag decided the category (R1.7, R2.3). */
  decidedBy?: 'drug' | 'ingredient';
  /** Which step of contract §2.2 identified the drug (NDC, HCPCS, RxNorm, RxNorm name, text). */
  identifiedBy?: IdentifiedBy;
  /** What that step read: the NDC (11 digits), HCPCS, RxCUI or name. */
  identifiedFrom?: string;
  /** Several valid codes for the name or RxCUI and no NDC to decide (DRUG_CODE_AMBIGUOUS). */
  candidates?: readonly string[];
  /** Name steps: the ingredient key that matched. */
  ingredient?: string;
  /** Name steps: the name's dose form is definitely not parenteral. */
  nonParenteral?: boolean;
}

export interface CategoryOptions {
  /** infusion-rules R2.3, disputed: electrolyte replacement as 'therapeutic' (default) or 'hydration'. */
  electrolyteReplacement?: 'therapeutic' | 'hydration';
}

/** Electrolyte replacement products (R2.3, disputed): potassium, magnesium, calcium, phosphate. */
const ELECTROLYTE_HCPCS = new Set(['J3480', 'J3475', 'J0610', 'J0612', 'J0613']);
const ELECTROLYTE_WORDS =
  /\b(potassium chloride|potassium phosphate|magnesium sulfate|calcium gluconate|calcium chloride|sodium phosphate)\b/i;

const CHEMO_RANGE = /^J9\d{3}$/;

/** An ingredient the reference data does not know but whose name says it is the carrier fluid. */
const FLUID_WORDS =
  /\b(sodium chloride|saline|dextrose|lactated|ringer|water for injection|sterile water)\b/i;

function fromHcpcs(code: string, ref: ReferenceData, dos: string): CategoryResult | undefined {
  const info = ref.hcpcs(code, dos);
  if (!info) return undefined;
  const out: CategoryResult = {
    category: info.category,
    hcpcs: info.code || code,
    unknown: false,
    displayName: info.displayName,
  };
  if (info.drugFamily) out.family = info.drugFamily;
  return out;
}

/**
 * Contract §2.2: the drug is identified step by step (identify.ts: NDC, HCPCS, RxNorm RxCUI,
 * RxNorm name, code text); the first step whose codes the reference data can place decides the
 * category (catalog, then the vocabulary's category, then J9000–J9999 = chemotherapy). Nothing
 * placed: therapeutic and unknown (UNKNOWN_DRUG_CATEGORY), with the first code seen.
 */
export function resolveDrugCategory(
  drug: DrugIdentity,
  ref: ReferenceData,
  dos: string,
): CategoryResult {
  let first: { code: string; step: Identification } | undefined;
  let catalogRxnormAsked = false;
  for (const step of identifications(drug, ref, dos)) {
    if (!catalogRxnormAsked && step.by !== 'ndc' && step.by !== 'hcpcs') {
      catalogRxnormAsked = true;
      const r = byCatalogRxnorm(drug, ref, dos);
      if (r) return r;
    }
    const ambiguous = mayBeAmbiguous(step.by);
    const codes = ambiguous ? validOn(step.codes, ref, dos) : step.codes;
    const r = placeCodes(codes, ref, dos);
    if (codes[0]) first ??= { code: codes[0], step };
    if (!r) continue;
    const out: CategoryResult = { ...r, identifiedBy: step.by };
    if (step.value) out.identifiedFrom = step.value;
    if (ambiguous && codes.length > 1) out.candidates = codes;
    if (step.ingredient) out.ingredient = step.ingredient;
    if (step.nonParenteral) out.nonParenteral = true;
    return out;
  }
  if (!catalogRxnormAsked) {
    const r = byCatalogRxnorm(drug, ref, dos);
    if (r) return r;
  }
  if (!first) return { category: 'therapeutic', unknown: true };
  return {
    category: 'therapeutic',
    unknown: true,
    hcpcs: first.code,
    identifiedBy: first.step.by,
  };
}

/** The catalog's RxNorm table may give a category without a code (contract §2.2 step 3). */
function byCatalogRxnorm(
  drug: DrugIdentity,
  ref: ReferenceData,
  dos: string,
): CategoryResult | undefined {
  for (const rx of drug.rxnorm) {
    const cat = ref.categoryByRxnorm(rx);
    if (!cat) continue;
    const code = ref.hcpcsForRxnorm(rx);
    const byCode = code ? fromHcpcs(code, ref, dos) : undefined;
    return {
      ...byCode,
      category: cat,
      unknown: false,
      ...(code ? { hcpcs: code } : {}),
      identifiedBy: 'rxnorm',
      identifiedFrom: rx,
    };
  }
  return undefined;
}

/** The first code the reference data places: catalog, then vocabulary category, then J9 range. */
function placeCodes(
  codes: readonly string[],
  ref: ReferenceData,
  dos: string,
): CategoryResult | undefined {
  for (const code of codes) {
    const r = fromHcpcs(code, ref, dos);
    if (r) return r;
  }
  for (const code of codes) {
    if (ref.hcpcsKnown(code)) continue; // a catalog code not valid that day
    const known = ref.codeCategory?.(code);
    if (known) {
      return {
        category: known.category,
        hcpcs: code,
        unknown: false,
        displayName: known.displayName,
      };
    }
  }
  const chemo = codes.find((c) => CHEMO_RANGE.test(c.toUpperCase()));
  if (chemo) return { category: 'chemo', hcpcs: chemo, unknown: false };
  return undefined;
}

function isElectrolyte(drug: DrugIdentity, r: CategoryResult): boolean {
  if (r.hcpcs && ELECTROLYTE_HCPCS.has(r.hcpcs.toUpperCase())) return true;
  if (drug.hcpcs.some((c) => ELECTROLYTE_HCPCS.has(c.toUpperCase()))) return true;
  const name = `${r.displayName ?? ''} ${r.family ?? ''} ${drug.display ?? ''}`.replace(/-/g, ' ');
  return ELECTROLYTE_WORDS.test(name);
}

function applyElectrolyte(
  drug: DrugIdentity,
  r: CategoryResult,
  opts: CategoryOptions,
): CategoryResult {
  if (opts.electrolyteReplacement === 'hydration' && r.category === 'therapeutic') {
    if (isElectrolyte(drug, r)) return { ...r, category: 'hydration', unknown: false };
  }
  return r;
}

function isEmpty(d: DrugIdentity): boolean {
  return d.ndc.length + d.hcpcs.length + d.rxnorm.length === 0 && !d.display;
}

function sameDrug(a: DrugIdentity, b: DrugIdentity): boolean {
  return (
    a.ndc.some((c) => b.ndc.includes(c)) ||
    a.hcpcs.some((c) => b.hcpcs.includes(c)) ||
    a.rxnorm.some((c) => b.rxnorm.includes(c))
  );
}

const DRUG_RANK: Record<DrugCategory, number> = {
  chemo: 2,
  therapeutic: 1,
  hydration: 0,
  flush: 0,
};

/**
 * Category of one administration. A hydration fluid (or an uncoded bag) whose Medication lists a
 * drug ingredient is that drug's infusion (R1.7, R2.3): the highest-ranked ingredient decides.
 * Flush: `flushMarked` or the reference category 'flush' (contract §2.1).
 */
export function resolveCategory(
  admin: Administration,
  ref: ReferenceData,
  dos: string,
  opts: CategoryOptions = {},
  memo?: CategoryMemo,
): CategoryResult {
  return memo
    ? memo.resolve(admin, ref, dos, opts)
    : Object.freeze(categoryOf(admin, ref, dos, opts));
}

/** Nested maps, one level per field; a Map tells `undefined` apart from any text. */
type Trie = Map<unknown, unknown>;

function at(t: Trie | undefined, k: unknown): Trie | undefined {
  return t?.get(k) as Trie | undefined;
}

function child(t: Trie, k: unknown): Trie {
  let c = t.get(k) as Trie | undefined;
  if (!c) {
    c = new Map();
    t.set(k, c);
  }
  return c;
}

/** Every text with its length in front: no two different inputs give the same key. */
function field(s: string | undefined): string {
  return s === undefined ? '-' : `${s.length}:${s}`;
}

function list(items: readonly string[]): string {
  let k = `${items.length}[`;
  for (const s of items) k += field(s);
  return k;
}

function identityKey(d: DrugIdentity): string {
  return (
    list(d.ndc) +
    list(d.hcpcs) +
    list(d.rxnorm) +
    field(d.display) +
    list(d.rxnormNames ?? []) +
    (d.rxnormNames ? 'n' : '-') +
    field(d.text)
  );
}

/** Everything resolveCategory reads, as one unambiguous text. */
function categoryKey(admin: Administration, dos: string, opts: CategoryOptions): string {
  let k = field(dos) + field(opts.electrolyteReplacement) + (admin.flushMarked ? 'F' : 'f');
  k += identityKey(admin.drug) + `${admin.ingredients.length}{`;
  for (const ing of admin.ingredients) {
    k += (ing.isActive === undefined ? 'u' : ing.isActive ? 't' : 'n') + identityKey(ing.drug);
  }
  return k;
}

const MEMO_LIMIT = 65_536;

/**
 * Categories of one run (run-memo.ts): the answer depends only on the administration's drug
 * fields, the date, the options and the reference data, and the same drug recurs in every visit
 * (both engines ask), so it is worked out once per distinct drug and date. Keyed by reference
 * data so another data set never sees these answers; bounded: cleared when full.
 */
export class CategoryMemo {
  private readonly byRef = new WeakMap<
    ReferenceData,
    { simple: Trie; general: Map<string, CategoryResult>; size: number }
  >();

  resolve(
    admin: Administration,
    ref: ReferenceData,
    dos: string,
    opts: CategoryOptions,
  ): CategoryResult {
    let memo = this.byRef.get(ref);
    if (!memo) {
      memo = { simple: new Map(), general: new Map(), size: 0 };
      this.byRef.set(ref, memo);
    }
    const d = admin.drug;
    const simple =
      admin.ingredients.length === 0 &&
      d.ndc.length <= 1 &&
      d.hcpcs.length <= 1 &&
      d.rxnorm.length <= 1 &&
      d.rxnormNames === undefined &&
      (d.text === undefined || d.text === d.display);
    // Most drugs carry one code of each kind and no ingredients: looked up field by field in
    // nested maps (date → option → flush → NDC → HCPCS → RxNorm → has text → display), so nothing
    // is built for them. Anything else by its full key text.
    const flush = admin.flushMarked === true;
    const opt = opts.electrolyteReplacement;
    const head = simple ? undefined : categoryKey(admin, dos, opts);
    const hit =
      head === undefined
        ? (at(
            at(at(at(at(at(at(memo.simple, dos), opt), flush), d.ndc[0]), d.hcpcs[0]), d.rxnorm[0]),
            d.text !== undefined,
          )?.get(d.display) as CategoryResult | undefined)
        : memo.general.get(head);
    if (hit) return hit;
    const result = Object.freeze(categoryOf(admin, ref, dos, opts));
    if (memo.size >= MEMO_LIMIT) {
      memo.simple.clear();
      memo.general.clear();
      memo.size = 0;
    }
    memo.size++;
    if (head !== undefined) memo.general.set(head, result);
    else {
      const byNdc = child(child(child(memo.simple, dos), opt), flush);
      const byRx = child(child(child(byNdc, d.ndc[0]), d.hcpcs[0]), d.rxnorm[0]);
      child(byRx, d.text !== undefined).set(d.display, result);
    }
    return result;
  }
}

function categoryOf(
  admin: Administration,
  ref: ReferenceData,
  dos: string,
  opts: CategoryOptions,
): CategoryResult {
  const own = applyElectrolyte(admin.drug, resolveDrugCategory(admin.drug, ref, dos), opts);
  if (admin.flushMarked) return { ...own, category: 'flush', decidedBy: 'drug' };
  if (own.category === 'flush') return { ...own, decidedBy: 'drug' };
  const canConvert = own.category === 'hydration' || own.unknown;
  if (!canConvert || admin.ingredients.length === 0) return { ...own, decidedBy: 'drug' };
  let best: CategoryResult | undefined;
  let sawHydration = false;
  let unknownDrug: CategoryResult | undefined;
  for (const ing of admin.ingredients) {
    if (ing.isActive === false || isEmpty(ing.drug) || sameDrug(ing.drug, admin.drug)) continue;
    const r = applyElectrolyte(ing.drug, resolveDrugCategory(ing.drug, ref, dos), opts);
    if (r.unknown) {
      // An unknown additive in a known hydration fluid is still a drug (R2.3), unless its name
      // says it is the fluid itself.
      const fluid = FLUID_WORDS.test(ing.drug.display ?? '');
      if (own.category === 'hydration' && !own.unknown && !fluid) unknownDrug ??= r;
      continue;
    }
    if (r.category === 'hydration') sawHydration = true;
    if (DRUG_RANK[r.category] === 0) continue;
    if (!best || DRUG_RANK[r.category] > DRUG_RANK[best.category]) best = r;
  }
  if (best) return { ...best, decidedBy: 'ingredient' };
  if (unknownDrug) return { ...unknownDrug, decidedBy: 'ingredient' };
  if (own.unknown && sawHydration) return { category: 'hydration', unknown: false };
  return { ...own, decidedBy: 'drug' };
}
