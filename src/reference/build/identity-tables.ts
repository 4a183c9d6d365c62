// Drug identity tables (contract §2.2; medication-vocabulary §3–5) from the CMS crosswalk's drug
// names, `domain/vocabulary/rxnorm-oncology.json` (ingredients, brands, SCD/SBD codings) and
// `domain/vocabulary/dose-forms.json`. Only facts (codes and names) are kept. Pure.
import { z } from 'zod';
import { combinationKey, ingredientKey, parseDrugName, productKey } from '../drug-names.ts';
import type { CrosswalkFile } from '../parse/crosswalk.ts';
import type { IdentityTables } from '../tables.ts';
import type { DrugCategory } from '../types.ts';

const named = z.object({ name: z.string(), rxcui: z.string().nullable().optional() });
const ingredientSchema = named.extend({ components: z.array(named).optional() });
const entrySchema = z.object({
  hcpcs: z.string(),
  scope: z.string(),
  catalog_ids: z.array(z.string()).default([]),
  long_descriptor: z
    .string()
    .nullable()
    .transform((s) => s ?? ''),
  xwalk_drug_names: z.array(z.string()).default([]),
  ingredients: z.array(ingredientSchema).default([]),
  brand_names: z
    .array(z.object({ name: z.string(), bn_rxcui: z.string().nullable().optional() }))
    .default([]),
  scd_sbd: z.array(z.object({ rxcui: z.string(), names: z.array(z.string()) })).default([]),
});
export const rxnormVocabularySchema = z.object({ entries: z.array(entrySchema) });
export const doseFormsSchema = z.object({
  dose_forms: z.array(z.object({ dose_form: z.string(), definitely_non_parenteral: z.boolean() })),
});

type Entry = z.infer<typeof entrySchema>;

function add(into: Record<string, string[]>, key: string, code: string): void {
  if (!key) return;
  const list = (into[key] ??= []);
  if (!list.includes(code)) list.push(code);
}

/**
 * Category of a code outside the catalog (infusion-rules §2): antineoplastics (J9xxx, the
 * "antineoplastic" support scopes, biosimilars of a J9 molecule) are chemotherapy/complex;
 * the other support drugs (antiemetics, ESAs, G-CSF, iron, premedication …) therapeutic (R2.2).
 */
function categoryOf(e: Entry, chemoMolecules: Set<string>): DrugCategory {
  if (/^J9\d{3}$/.test(e.hcpcs)) return 'chemo';
  if (/antineoplastic/.test(e.scope)) return 'chemo';
  if (e.scope.startsWith('Q51')) {
    const words = e.ingredients.length
      ? e.ingredients.map((i) => ingredientKey(i.name))
      : ingredientKey(e.long_descriptor).split(' ');
    const base = words.map((w) => w.replace(/-[a-z]{4}$/, ''));
    return base.some((b) => chemoMolecules.has(b)) ? 'chemo' : 'therapeutic';
  }
  return 'therapeutic';
}

/** A descriptor field that ends the drug's own name: a dose, a qualifier, a labeler in brackets. */
const NAME_END =
  /\d|\(|biosimilar|not otherwise|not therapeutically|intravesical|intravenous|^\s*(?:per|up to|for)\b/i;

/**
 * The drug's own name in its HCPCS descriptor, as an ingredient key: "Injection, paclitaxel, 1 mg"
 * → "paclitaxel", "Injection, trastuzumab, excludes biosimilar, 10 mg" → "trastuzumab";
 * "…, paclitaxel protein-bound particles, …" keeps its qualifier, so it is not plain paclitaxel
 * (medication-vocabulary §4 step 4: liposome / protein-bound / biosimilar never stripped). A
 * labeler's product ("cyclophosphamide (dr. reddy's)") or a combination has none.
 */
export function ownNameKey(descriptor: string): string {
  const fields = descriptor.split(',').map((f) => f.trim());
  if (/^(?:injection|infusion)$/i.test(fields[0] ?? '')) fields.shift();
  const kept: string[] = [];
  for (const f of fields) {
    if (NAME_END.test(f) || f.startsWith('excludes')) break;
    kept.push(f);
  }
  return kept.length === 1 ? ingredientKey(kept[0] ?? '') : '';
}

/** Lower is preferred when a name gives several codes (§4: catalog, then NOS, then others). */
function rankOf(e: Entry): number {
  let r = e.catalog_ids.length > 0 ? 0 : 4;
  if (/not otherwise specified/i.test(e.long_descriptor)) r -= 1;
  if (/not therapeutically equivalent/i.test(e.long_descriptor)) r += 2;
  return r;
}

export function identityTables(
  vocabulary: z.infer<typeof rxnormVocabularySchema>,
  doseForms: z.infer<typeof doseFormsSchema>,
  crosswalk: CrosswalkFile,
): IdentityTables {
  const forms: IdentityTables['doseForms'] = {};
  for (const f of doseForms.dose_forms) {
    forms[f.dose_form.toLowerCase()] = f.definitely_non_parenteral ? 1 : 0;
  }
  const formSet = new Set(Object.keys(forms));
  const names: Record<string, string[]> = {};
  const products: Record<string, string[]> = {};
  const rxcui: Record<string, string[]> = {};
  const categories: Record<string, DrugCategory> = {};
  const labels: Record<string, string> = {};
  const rank: Record<string, number> = {};
  const own: Record<string, string> = {};
  // RxCUI → the names it stands for (ingredient, brand, product), to find its plain code.
  const rxcuiKeys: Record<string, string[]> = {};

  // Crosswalk drug names (brands and generics) for every code of the file.
  const oralCodes = new Set<string>();
  for (const r of crosswalk.rows) {
    add(names, ingredientKey(r.drugName), r.hcpcs);
    labels[r.hcpcs] ??= r.drugName.trim();
    if (/\boral\b/i.test(r.shortDescription)) oralCodes.add(r.hcpcs);
  }
  const chemoMolecules = new Set<string>();
  for (const e of vocabulary.entries) {
    if (!/^J9\d{3}$/.test(e.hcpcs)) continue;
    for (const i of e.ingredients) chemoMolecules.add(ingredientKey(i.name));
  }
  for (const e of vocabulary.entries) {
    const code = e.hcpcs;
    categories[code] = categoryOf(e, chemoMolecules);
    rank[code] = rankOf(e);
    const ownKey = ownNameKey(e.long_descriptor);
    if (ownKey) own[code] = ownKey;
    if (/\boral\b/i.test(e.long_descriptor)) oralCodes.add(code);
    // All ingredients of the code form one key; a multi-ingredient ingredient (MIN) too.
    const parts = e.ingredients.flatMap((i) =>
      i.components?.length ? i.components.map((c) => c.name) : [i.name],
    );
    add(names, combinationKey(parts), code);
    for (const i of e.ingredients) {
      if (!i.rxcui) continue;
      add(rxcui, i.rxcui, code);
      add(rxcuiKeys, i.rxcui, ingredientKey(i.name));
    }
    for (const b of e.brand_names) {
      add(names, ingredientKey(b.name), code);
      if (b.bn_rxcui) add(rxcui, b.bn_rxcui, code);
    }
    for (const p of e.scd_sbd) {
      add(rxcui, p.rxcui, code);
      for (const n of p.names) {
        add(products, productKey(n), code);
        add(names, parseDrugName(n, formSet).key, code);
        add(rxcuiKeys, p.rxcui, parseDrugName(n, formSet).key);
      }
    }
    labels[code] ??= e.ingredients.map((i) => i.name).join(' / ') || code;
  }
  for (const t of [names, products]) for (const k of Object.keys(t)) t[k]?.sort();
  // RxCUI lists preferred first, like the name match: the code whose own name is the name the
  // RxCUI stands for (ingredient 56946 paclitaxel → J9267 before protein-bound J9264), then
  // catalog and NOS codes (rank), then by code.
  for (const [k, list] of Object.entries(rxcui)) {
    const keys = new Set(rxcuiKeys[k] ?? []);
    const plain = (c: string): number =>
      keys.has(own[c] ?? '') || keys.has(ingredientKey(labels[c] ?? '')) ? 0 : 1;
    list.sort(
      (a, b) => plain(a) - plain(b) || (rank[a] ?? 9) - (rank[b] ?? 9) || a.localeCompare(b),
    );
  }
  return {
    names,
    products,
    rxcui,
    doseForms: forms,
    categories,
    labels,
    rank,
    own,
    oral: [...oralCodes].sort(),
  };
}
