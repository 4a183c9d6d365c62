// The plain-data form of reference data: what src/reference/data/*.json holds and what the CMS
// file loader produces. create-reference.ts turns tables into the ReferenceData interface.
import type { DrugCategory, HcpcsInfo, MueTable, Presentation } from './types.ts';

/** An ISO date range, inclusive; an absent end is open. */
export interface DateRange {
  from?: string;
  to?: string;
}

export interface NdcHcpcsMapping extends DateRange {
  ndc11: string;
  hcpcs: string;
}

export interface RxnormMapping {
  rxcui: string;
  hcpcs?: string;
  category: DrugCategory;
}

export interface PaymentLimitTable extends DateRange {
  /** HCPCS → USD per billing unit (decimal string). */
  limits: Record<string, string>;
}

export interface OppsTable extends DateRange {
  /** HCPCS → status indicator. */
  si: Record<string, string>;
  /** HCPCS → OPPS payment rate, USD decimal string (absent for packaged / non-paid SIs). */
  rates?: Record<string, string>;
}

/** One row of a practice fee schedule (professional prices): code, modifier ('' = any), USD. */
export interface FeeScheduleRow {
  code: string;
  modifier: string;
  /** USD per unit, decimal string. */
  amount: string;
}

export interface MueTableData extends DateRange {
  table: MueTable;
  /** code → [value, MAI, rationale]. */
  entries: Record<string, [number, 1 | 2 | 3, string?]>;
}

/** One span of an NCCI PTP pair: [modifier indicator, effective from, deleted on] (ISO dates). */
export type PtpSpan = [0 | 1 | 9, string?, string?];

/** NCCI PTP edits (injection-pump-rules R25.1): column 1 → column 2 → spans. */
export interface PtpTableData {
  table: MueTable;
  pairs: Record<string, Record<string, PtpSpan[]>>;
}

/** Drug identity by name and RxNorm code (contract §2.2; medication-vocabulary §3–5). */
export interface IdentityTables {
  /** Ingredient key (drug-names.ts; several sorted, joined by ' / ') or brand key → HCPCS. */
  names: Record<string, string[]>;
  /** Whole RxNorm SCD/SBD names (lower case) → HCPCS. */
  products: Record<string, string[]>;
  /** RxCUI (SCD, SBD, IN, PIN, MIN, BN) → HCPCS. */
  rxcui: Record<string, string[]>;
  /** RxNorm dose form (lower case) → 1 when definitely non-parenteral, else 0. */
  doseForms: Record<string, 0 | 1>;
  /** Category of drug codes the catalog does not carry (infusion-rules §2). */
  categories: Record<string, DrugCategory>;
  /** A plain name per code (crosswalk drug name, else ingredient). */
  labels: Record<string, string>;
  /** Preference when a name gives several codes: lower first (catalog, NOS). */
  rank: Record<string, number>;
  /**
   * The drug's own name in each code's descriptor (ingredient key): a name equal to it prefers that
   * code (plain paclitaxel J9267 over protein-bound J9264). Absent in older data sets.
   */
  own?: Record<string, string>;
  /** Codes whose descriptor says oral (Q0162): only for a non-parenteral dose form. */
  oral: string[];
}

export interface ReferenceTables {
  hcpcs: HcpcsInfo[];
  products: Presentation[];
  ndcHcpcs: NdcHcpcsMapping[];
  rxnorm: RxnormMapping[];
  paymentLimits: PaymentLimitTable[];
  opps: OppsTable[];
  mue: MueTableData[];
  /** NCCI PTP edits (optional: older data sets carry none). */
  ptp?: PtpTableData[];
  /** HCPCS → CMS dosage text ('1 MG', 'UP TO 50 MG') for drug codes outside the catalog. */
  dosage?: Record<string, string>;
  identity?: IdentityTables;
  /** Practice fee schedule for professional prices (config `reference.feeSchedule`). */
  feeSchedule?: FeeScheduleRow[];
}

export function emptyTables(): ReferenceTables {
  return {
    hcpcs: [],
    products: [],
    ndcHcpcs: [],
    rxnorm: [],
    paymentLimits: [],
    opps: [],
    mue: [],
  };
}

export function inRange(r: DateRange, dos: string): boolean {
  return (!r.from || r.from <= dos) && (!r.to || dos <= r.to);
}

/**
 * NDC → HCPCS mappings in the compact form the built-in data stores: runs of consecutive
 * mappings with the same code and dates become one row `[hcpcs, from, to, ndc11, ndc11, …]`
 * ('' = open). Order is kept, so unpacking gives back exactly the list that was packed.
 */
export type PackedMappings = string[][];

export function packMappings(list: readonly NdcHcpcsMapping[]): PackedMappings {
  const out: PackedMappings = [];
  let row: string[] | undefined;
  for (const m of list) {
    const from = m.from ?? '';
    const to = m.to ?? '';
    if (!row || row[0] !== m.hcpcs || row[1] !== from || row[2] !== to) {
      row = [m.hcpcs, from, to];
      out.push(row);
    }
    row.push(m.ndc11);
  }
  return out;
}

export function unpackMappings(rows: PackedMappings): NdcHcpcsMapping[] {
  const out: NdcHcpcsMapping[] = [];
  for (const [hcpcs = '', from = '', to = '', ...ndcs] of rows) {
    for (const ndc11 of ndcs) {
      out.push({ ndc11, hcpcs, ...(from ? { from } : {}), ...(to ? { to } : {}) });
    }
  }
  return out;
}
