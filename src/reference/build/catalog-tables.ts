// drug-catalog.json (+ curated supportive codes + the CMS crosswalk) → built-in tables. Pure.
import { z } from 'zod';
import { parseConcentration, parseDosage } from '../dosage.ts';
import { normalizeNdc } from '../ndc.ts';
import type { CrosswalkFile } from '../parse/crosswalk.ts';
import type { PaymentLimitFile } from '../parse/payment-limits.ts';
import type { NdcHcpcsMapping, RxnormMapping } from '../tables.ts';
import type { DrugCategory, HcpcsInfo, Presentation } from '../types.ts';
import { CODE_HISTORY, CURATED_CODES } from './supportive.ts';

const presentationSchema = z.object({
  ndc_11: z.string().nullable(),
  strength_amount: z.number().nullable(),
  strength_unit: z.string().nullable(),
  volume_ml: z.number().nullable().optional(),
  concentration: z.string().nullable().optional(),
  container: z.enum(['single-dose', 'multi-dose']).nullable(),
});

const drugSchema = z.object({
  id: z.string(),
  generic_name: z.string(),
  hcpcs: z.object({
    code: z.string().nullable(),
    billing_unit_amount: z.number().nullable(),
    billing_unit: z.string().nullable(),
  }),
  other_hcpcs_same_molecule: z.array(z.object({ code: z.string() })).default([]),
  presentations: z.array(presentationSchema),
  rxnorm: z.object({ rxcui: z.string().nullable() }),
  admin_code_family: z.string(),
});

export const catalogSchema = z.object({ drugs: z.array(drugSchema) });
export type Catalog = z.infer<typeof catalogSchema>;

const FAMILY: Record<string, DrugCategory> = {
  chemotherapy_complex_96401_96549: 'chemo',
  therapeutic_96360_96379: 'therapeutic',
  hydration_96360_96361: 'hydration',
};

const UNIT: Record<string, string> = { mg: 'mg', mcg: 'ug', g: 'g', mL: 'mL', ml: 'mL' };

export interface CatalogTables {
  hcpcs: HcpcsInfo[];
  products: Presentation[];
  ndcHcpcs: NdcHcpcsMapping[];
  rxnorm: RxnormMapping[];
  /** Disagreements found while checking the catalog against the crosswalk (for the build log). */
  notes: string[];
}

/** The day after an ISO date. */
function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function catalogTables(
  catalog: Catalog,
  crosswalk: CrosswalkFile,
  payments: PaymentLimitFile[] = [],
): CatalogTables {
  const notes: string[] = [];
  const hcpcs = new Map<string, HcpcsInfo>();
  const dosageByCode = new Map<string, string>();
  const nameByCode = new Map<string, string>();
  for (const r of crosswalk.rows) {
    if (!dosageByCode.has(r.hcpcs)) dosageByCode.set(r.hcpcs, r.dosage);
    if (!nameByCode.has(r.hcpcs)) nameByCode.set(r.hcpcs, r.drugName);
  }
  // Codes the crosswalk lacks: dosage from the payment-limit files. A code absent from the
  // earliest file starts, at the earliest, the day after that file's quarter (unverified).
  const sorted = [...payments].sort((a, b) =>
    (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''),
  );
  const firstFile = sorted[0];
  const inFirst = new Set(firstFile?.rows.map((r) => r.hcpcs) ?? []);
  const startOf = new Map<string, string>();
  for (const f of sorted) {
    for (const r of f.rows) {
      if (dosageByCode.has(r.hcpcs)) continue;
      dosageByCode.set(r.hcpcs, r.dosage);
      if (!inFirst.has(r.hcpcs) && firstFile?.effectiveTo)
        startOf.set(r.hcpcs, nextDay(firstFile.effectiveTo));
    }
  }
  const add = (info: HcpcsInfo): void => {
    const from = startOf.get(info.code);
    const h = CODE_HISTORY[info.code];
    hcpcs.set(info.code, { ...info, ...(from ? { effectiveFrom: from } : {}), ...h });
  };
  const products: Presentation[] = [];
  const rxnorm: RxnormMapping[] = [];

  for (const d of catalog.drugs) {
    const category = FAMILY[d.admin_code_family] ?? 'therapeutic';
    const code = d.hcpcs.code;
    if (code && d.hcpcs.billing_unit_amount !== null && d.hcpcs.billing_unit) {
      const unit = UNIT[d.hcpcs.billing_unit] ?? d.hcpcs.billing_unit;
      add({
        code,
        billingUnit: { value: String(d.hcpcs.billing_unit_amount), unit },
        category,
        drugFamily: d.id,
        displayName: d.generic_name,
      });
      const cw = dosageByCode.get(code);
      const parsed = cw ? parseDosage(cw) : undefined;
      if (
        parsed &&
        (parsed.billingUnit.unit !== unit ||
          Number(parsed.billingUnit.value) !== d.hcpcs.billing_unit_amount)
      )
        notes.push(`${code}: catalog ${d.hcpcs.billing_unit_amount} ${unit}, crosswalk ${cw}`);
    }
    for (const other of d.other_hcpcs_same_molecule) {
      if (hcpcs.has(other.code)) continue;
      const cw = dosageByCode.get(other.code);
      const parsed = cw ? parseDosage(cw) : undefined;
      if (!parsed) continue; // unit unknown for that code: never invent it
      add({
        code: other.code,
        billingUnit: parsed.billingUnit,
        ...(parsed.upTo ? { upTo: true } : {}),
        category,
        drugFamily: d.id,
        displayName: nameByCode.get(other.code)?.toLowerCase() ?? d.generic_name,
      });
    }
    if (d.rxnorm.rxcui)
      rxnorm.push({ rxcui: d.rxnorm.rxcui, category, ...(code ? { hcpcs: code } : {}) });
    for (const p of d.presentations) {
      const ndc11 = p.ndc_11 ? normalizeNdc(p.ndc_11) : undefined;
      if (!ndc11 || !code || p.strength_amount === null || !p.strength_unit) continue;
      const concentration = parseConcentration(p.concentration);
      products.push({
        ndc11,
        hcpcs: code,
        amount: {
          value: String(p.strength_amount),
          unit: UNIT[p.strength_unit] ?? p.strength_unit,
        },
        ...(p.volume_ml ? { volumeMl: String(p.volume_ml) } : {}),
        ...(concentration ? { concentrationPerMl: concentration } : {}),
        container: p.container,
        marketed: true,
        ndcUnit: p.volume_ml ? 'ML' : 'UN',
      });
    }
  }
  for (const c of CURATED_CODES) {
    if (hcpcs.has(c.code)) continue;
    const parsed = c.dosage ? parseDosage(c.dosage) : undefined;
    add({
      code: c.code,
      ...(parsed ? { billingUnit: parsed.billingUnit } : {}),
      ...(parsed?.upTo ? { upTo: true } : {}),
      category: c.category,
      drugFamily: c.family,
      displayName: c.displayName,
      ...(c.effectiveFrom ? { effectiveFrom: c.effectiveFrom } : {}),
      ...(c.effectiveTo ? { effectiveTo: c.effectiveTo } : {}),
    });
    const cw = dosageByCode.get(c.code);
    if (
      cw &&
      parsed &&
      cw.replace(/\s+/g, ' ').toUpperCase() !== c.dosage.replace('CC', 'ML') &&
      cw.toUpperCase() !== c.dosage
    )
      notes.push(`${c.code}: descriptor ${c.dosage}, crosswalk ${cw}`);
  }

  // NDC → HCPCS: the crosswalk rows of the codes we carry, valid while the code is valid;
  // each catalog NDC also maps to the catalog's code from that code's start.
  const ndcHcpcs: NdcHcpcsMapping[] = [];
  const seen = new Set<string>();
  const known = new Set(products.map((p) => p.ndc11));
  for (const r of crosswalk.rows) {
    const info = hcpcs.get(r.hcpcs);
    if (!info || seen.has(`${r.ndc11}|${r.hcpcs}`)) continue;
    seen.add(`${r.ndc11}|${r.hcpcs}`);
    ndcHcpcs.push({
      ndc11: r.ndc11,
      hcpcs: r.hcpcs,
      ...(info.effectiveTo ? { to: info.effectiveTo } : {}),
    });
    if (!known.has(r.ndc11)) {
      known.add(r.ndc11);
      const p = crosswalkProduct(r.ndc11, r.hcpcs, info, r.billUnits, r.pkgSize);
      if (p) products.push(p);
    }
  }
  for (const p of products) {
    if (seen.has(`${p.ndc11}|${p.hcpcs}`)) continue;
    seen.add(`${p.ndc11}|${p.hcpcs}`);
    const from = hcpcs.get(p.hcpcs)?.effectiveFrom;
    ndcHcpcs.push({ ndc11: p.ndc11, hcpcs: p.hcpcs, ...(from ? { from } : {}) });
  }
  return { hcpcs: [...hcpcs.values()], products, ndcHcpcs, rxnorm, notes };
}

/**
 * A product known only from the crosswalk: labeled amount = BILLUNITS × dosage; PKG SIZE is
 * mL per item for liquids (1 for powders, so 1 is not read as a volume). Container type is
 * unknown (null) and the product is not used for least-waste selection (not verified).
 */
function crosswalkProduct(
  ndc11: string,
  code: string,
  info: HcpcsInfo,
  billUnits: string | undefined,
  pkgSize: string | undefined,
): Presentation | undefined {
  if (!info.billingUnit || !billUnits || info.upTo) return undefined;
  const amount = mulDecimal(billUnits, info.billingUnit.value);
  if (!amount) return undefined;
  const liquid = pkgSize !== undefined && Number(pkgSize) > 1 && info.billingUnit.unit !== 'mL';
  return {
    ndc11,
    hcpcs: code,
    amount: { value: amount, unit: info.billingUnit.unit },
    ...(liquid && pkgSize ? { volumeMl: pkgSize } : {}),
    container: null,
    marketed: false,
    ndcUnit: liquid ? 'ML' : 'UN',
  };
}

/** Exact product of two short decimal strings (scaled integers; no float error). */
function mulDecimal(a: string, b: string): string | undefined {
  const scale = (s: string): [bigint, number] => {
    const [i = '', f = ''] = s.split('.');
    return [BigInt(i + f), f.length];
  };
  if (!/^\d+(\.\d+)?$/.test(a) || !/^\d+(\.\d+)?$/.test(b)) return undefined;
  const [ai, as] = scale(a);
  const [bi, bs] = scale(b);
  const digits = (ai * bi).toString().padStart(as + bs + 1, '0');
  const places = as + bs;
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}
