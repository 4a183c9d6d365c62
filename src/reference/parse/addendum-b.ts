// CMS OPPS Addendum B: 4 banner rows (first cell empty, title "…for CY 2025"), money as
// formatted text ('$331.690'), blank APC/rates for packaged SIs, codes with trailing spaces. Pure.
import { cell, csvRows, decimalCell, findHeader } from './csv.ts';

export interface AddendumBRow {
  hcpcs: string;
  shortDescriptor: string;
  /** OPPS status indicator (G, K, N, S, …). */
  si: string;
  apc?: string;
  /** USD, decimal string. */
  paymentRate?: string;
}

export interface AddendumBFile {
  /** Calendar year from the banner ("for CY 2025"). */
  year?: number;
  rows: AddendumBRow[];
}

export function parseAddendumB(text: string): AddendumBFile {
  const rows = csvRows(text);
  const header = findHeader(rows, ['hcpcs code', 'si']);
  if (!header) throw new Error('Not an OPPS Addendum B: no "HCPCS Code, …, SI" header.');
  let year: number | undefined;
  for (const row of rows.slice(0, header.index)) {
    for (const c of row) {
      const m = /for CY (\d{4})/i.exec(c);
      if (m?.[1]) year = Number(m[1]);
    }
  }
  const out: AddendumBRow[] = [];
  for (const row of rows.slice(header.index + 1)) {
    const hcpcs = cell(row, header, 'hcpcs code').toUpperCase();
    const si = cell(row, header, 'si').toUpperCase();
    if (!hcpcs || !si) continue;
    const r: AddendumBRow = { hcpcs, shortDescriptor: cell(row, header, 'short descriptor'), si };
    const apc = cell(row, header, 'apc');
    const rate = decimalCell(cell(row, header, 'payment rate'));
    if (apc) r.apc = apc;
    if (rate) r.paymentRate = rate;
    out.push(r);
  }
  return { ...(year !== undefined ? { year } : {}), rows: out };
}
