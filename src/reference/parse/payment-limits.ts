// CMS ASP Medicare Part B payment-limit file: 8 banner rows (title, "Effective … through …",
// notes), `Payment Limit` may be N/A, a Notes cell may hold a line break. Pure.
import { bannerEffectiveRange, cell, csvRows, decimalCell, findHeader } from './csv.ts';

export interface PaymentLimitRow {
  hcpcs: string;
  shortDescription: string;
  /** 'HCPCS Code Dosage' as printed ('1 MG', '150 IU'). */
  dosage: string;
  /** USD per billing unit as a decimal string; undefined for N/A. */
  paymentLimit?: string;
  coinsurancePercent?: string;
  notes: string;
}

export interface PaymentLimitFile {
  effectiveFrom?: string;
  effectiveTo?: string;
  rows: PaymentLimitRow[];
}

export function parsePaymentLimits(text: string): PaymentLimitFile {
  const rows = csvRows(text);
  const header = findHeader(rows, ['hcpcs code', 'payment limit']);
  if (!header)
    throw new Error('Not a Part B payment-limit file: no "HCPCS Code, …, Payment Limit" header.');
  const range = bannerEffectiveRange(rows, header.index);
  const out: PaymentLimitRow[] = [];
  for (const row of rows.slice(header.index + 1)) {
    const hcpcs = cell(row, header, 'hcpcs code').toUpperCase();
    if (!hcpcs) continue;
    const r: PaymentLimitRow = {
      hcpcs,
      shortDescription: cell(row, header, 'short description'),
      dosage: cell(row, header, 'hcpcs code dosage'),
      notes: cell(row, header, 'notes').replace(/\s+/g, ' '),
    };
    const limit = decimalCell(cell(row, header, 'payment limit'));
    const coins = decimalCell(cell(row, header, 'co-insurance percentage'));
    if (limit) r.paymentLimit = limit;
    if (coins) r.coinsurancePercent = coins;
    out.push(r);
  }
  return {
    ...(range.from ? { effectiveFrom: range.from } : {}),
    ...(range.to ? { effectiveTo: range.to } : {}),
    rows: out,
  };
}
