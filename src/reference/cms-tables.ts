// Parsed CMS files → reference tables (pure). Used by the build script and by load-files.ts.
import type { AddendumBFile } from './parse/addendum-b.ts';
import type { CrosswalkFile } from './parse/crosswalk.ts';
import type { MueFile } from './parse/mue.ts';
import type { PaymentLimitFile } from './parse/payment-limits.ts';
import type { PtpFile } from './parse/ptp.ts';
import type {
  DateRange,
  MueTableData,
  NdcHcpcsMapping,
  OppsTable,
  PaymentLimitTable,
  PtpSpan,
  PtpTableData,
} from './tables.ts';
import type { MueTable } from './types.ts';

export type CodeFilter = (code: string) => boolean;
const all: CodeFilter = () => true;

function range(from?: string, to?: string): DateRange {
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export function crosswalkMappings(
  file: CrosswalkFile,
  keep: CodeFilter = all,
  dates: DateRange = range(file.effectiveFrom, file.effectiveTo),
): NdcHcpcsMapping[] {
  const seen = new Set<string>();
  const out: NdcHcpcsMapping[] = [];
  for (const r of file.rows) {
    if (!keep(r.hcpcs)) continue;
    const key = `${r.ndc11}|${r.hcpcs}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ndc11: r.ndc11, hcpcs: r.hcpcs, ...dates });
  }
  return out;
}

export function paymentLimitTable(
  file: PaymentLimitFile,
  keep: CodeFilter = all,
): PaymentLimitTable {
  const limits: Record<string, string> = {};
  for (const r of file.rows) if (r.paymentLimit && keep(r.hcpcs)) limits[r.hcpcs] = r.paymentLimit;
  return { ...range(file.effectiveFrom, file.effectiveTo), limits };
}

export function mueTable(
  file: MueFile,
  table: MueTable,
  keep: CodeFilter = all,
  dates: DateRange = {},
): MueTableData {
  const entries: MueTableData['entries'] = {};
  for (const r of file.rows) {
    if (!keep(r.code)) continue;
    entries[r.code] = r.rationale ? [r.value, r.mai, r.rationale] : [r.value, r.mai];
  }
  return { table, ...dates, entries };
}

export function oppsTable(
  file: AddendumBFile,
  keep: CodeFilter = all,
  dates: DateRange = {},
  keepRate: CodeFilter = all,
): OppsTable {
  const si: Record<string, string> = {};
  const rates: Record<string, string> = {};
  for (const r of file.rows) {
    if (!keep(r.hcpcs)) continue;
    si[r.hcpcs] = r.si;
    if (r.paymentRate !== undefined && keepRate(r.hcpcs)) rates[r.hcpcs] = r.paymentRate;
  }
  return { ...dates, si, rates };
}

/** "MCR_MUE_PractitionerServices_Eff_04-01-2026.csv" → '2026-04-01'. */
export function effectiveDateFromName(name: string): string | undefined {
  const m = /Eff_(\d{2})-(\d{2})-(\d{4})/i.exec(name);
  return m ? `${m[3]}-${m[1]}-${m[2]}` : undefined;
}

/** HCPCS → dosage text from crosswalk and payment-limit rows (first seen wins). */
export function dosageTable(
  files: { rows: { hcpcs: string; dosage: string }[] }[],
  keep: CodeFilter = all,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    for (const r of f.rows)
      if (r.dosage && keep(r.hcpcs) && !(r.hcpcs in out)) out[r.hcpcs] = r.dosage;
  }
  return out;
}

/** NCCI PTP rows → pairs by column 1 then column 2 (injection-pump-rules R25.1). */
export function ptpTable(file: PtpFile, table: MueTable, keep: CodeFilter = all): PtpTableData {
  const pairs: PtpTableData['pairs'] = {};
  for (const r of file.rows) {
    if (!keep(r.column1)) continue;
    const byC2 = (pairs[r.column1] ??= {});
    const span: PtpSpan = r.deleted
      ? [r.indicator, r.from, r.deleted]
      : r.from
        ? [r.indicator, r.from]
        : [r.indicator];
    (byC2[r.column2] ??= []).push(span);
  }
  return { table, pairs };
}
