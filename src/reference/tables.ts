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
