// CMS ASP NDC–HCPCS crosswalk (drug-wastage R-30): 8 banner rows, a header whose code column
// is named for the year (`_2026_CODE`) and whose NDC column is `NDC2` or `NDC`, rows padded
// with empty cells. Pure: text in, rows out.
import { normalizeNdc } from '../ndc.ts';
import { bannerEffectiveRange, cell, csvRows, decimalCell, findHeader } from './csv.ts';

export interface CrosswalkRow {
  hcpcs: string;
  shortDescription: string;
  labeler: string;
  /** 11 digits; rows whose NDC is not a real 5-4-2 NDC are skipped. */
  ndc11: string;
  drugName: string;
  /** The HCPCS dosage text as printed ('10 MG', 'UP TO 50 MG', '250 CC'). */
  dosage: string;
  pkgSize?: string;
  pkgQty?: string;
  billUnits?: string;
  billUnitsPkg?: string;
}

export interface CrosswalkFile {
  /** From the `_YYYY_CODE` column name. */
  year?: number;
  effectiveFrom?: string;
  effectiveTo?: string;
  rows: CrosswalkRow[];
  /** Data rows skipped (alternate IDs that are not NDCs, blank codes). */
  skipped: number;
}

const CODE_COLUMN = /^_(\d{4})_code$/;

export function parseCrosswalk(text: string): CrosswalkFile {
  const rows = csvRows(text);
  const header = findHeader(rows, [CODE_COLUMN, /^ndc2?$/, 'hcpcs dosage']);
  if (!header) throw new Error('Not an ASP NDC-HCPCS crosswalk: no _YYYY_CODE / NDC header row.');
  let year: number | undefined;
  for (const name of header.columns.keys()) {
    const m = CODE_COLUMN.exec(name);
    if (m?.[1]) year = Number(m[1]);
  }
  const range = bannerEffectiveRange(rows, header.index);
  const out: CrosswalkRow[] = [];
  let skipped = 0;
  for (const row of rows.slice(header.index + 1)) {
    const hcpcs = cell(row, header, CODE_COLUMN).toUpperCase();
    if (!hcpcs) continue;
    const ndc11 = normalizeNdc(cell(row, header, /^ndc2?$/));
    if (!ndc11) {
      skipped++;
      continue;
    }
    const r: CrosswalkRow = {
      hcpcs,
      shortDescription: cell(row, header, 'short description'),
      labeler: cell(row, header, 'labeler name'),
      ndc11,
      drugName: cell(row, header, 'drug name'),
      dosage: cell(row, header, 'hcpcs dosage'),
    };
    const pkgSize = decimalCell(cell(row, header, 'pkg size'));
    const pkgQty = decimalCell(cell(row, header, 'pkg qty'));
    const billUnits = decimalCell(cell(row, header, 'billunits'));
    const billUnitsPkg = decimalCell(cell(row, header, 'billunitspkg'));
    if (pkgSize) r.pkgSize = pkgSize;
    if (pkgQty) r.pkgQty = pkgQty;
    if (billUnits) r.billUnits = billUnits;
    if (billUnitsPkg) r.billUnitsPkg = billUnitsPkg;
    out.push(r);
  }
  return {
    ...(year !== undefined ? { year } : {}),
    ...(range.from ? { effectiveFrom: range.from } : {}),
    ...(range.to ? { effectiveTo: range.to } : {}),
    rows: out,
    skipped,
  };
}
