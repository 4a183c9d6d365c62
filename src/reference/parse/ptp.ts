// CMS NCCI procedure-to-procedure (PTP) edits (injection-pump-rules R25.1). Two layouts: the
// quarterly practitioner / hospital files CMS publishes (banner rows, then a header "Column 1,
// Column 2, *=in existence prior to 1996, Effective Date, Deletion Date *=no data, Modifier
// 0=not allowed 1=allowed 9=not applicable, PTP Edit Rationale", the header split over several
// rows in the tab-delimited text form; dates YYYYMMDD, '*' = no deletion date) and the derived
// three-column form "Column 1,Column 2,Modifier Indicator" (active pairs only). Pure.
import { csvRows, normalizeHeader } from './csv.ts';

export type PtpIndicator = 0 | 1 | 9;

export interface PtpRow {
  column1: string;
  column2: string;
  indicator: PtpIndicator;
  /** ISO date the edit took effect, when the file says. */
  from?: string;
  /** ISO date of deletion (the edit no longer applies on or after it), when the file says. */
  deleted?: string;
}

export interface PtpFile {
  rows: PtpRow[];
}

const CODE = /^[0-9A-Z]{4}[0-9A-Z]$/;

function isoDate(raw: string): string | undefined {
  const s = raw.replace(/\D/g, '');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : undefined;
}

interface Columns {
  c1: number;
  c2: number;
  indicator: number;
  from?: number;
  deleted?: number;
}

/** Column positions from the header row (cells normalised), or undefined when not a header. */
function headerColumns(names: string[]): Columns | undefined {
  const at = (re: RegExp) => names.findIndex((n) => re.test(n));
  const c1 = at(/^column ?1$/);
  const c2 = at(/^column ?2$/);
  const indicator = at(/^modifier/);
  if (c1 < 0 || c2 < 0) return undefined;
  const from = at(/^effective/);
  const deleted = at(/^deletion/);
  return {
    c1,
    c2,
    // The text form splits its header over rows: the modifier column is the sixth.
    indicator: indicator >= 0 ? indicator : 5,
    ...(from >= 0 ? { from } : {}),
    ...(deleted >= 0 ? { deleted } : {}),
  };
}

function splitRows(text: string): string[][] {
  const first = text.split(/\r?\n/, 40);
  const tabbed = first.filter((l) => l.includes('\t')).length > first.length / 2;
  return tabbed
    ? text.split(/\r?\n/).map((l) => l.split('\t').map((c) => c.trim()))
    : csvRows(text);
}

export function parsePtp(text: string): PtpFile {
  const rows = splitRows(text);
  let cols: Columns | undefined;
  let start = 0;
  for (let i = 0; i < Math.min(rows.length, 40) && !cols; i++) {
    cols = headerColumns((rows[i] ?? []).map(normalizeHeader));
    start = i + 1;
  }
  if (!cols) throw new Error('Not an NCCI PTP table: no "Column 1, Column 2" header.');
  const out: PtpRow[] = [];
  for (const row of rows.slice(start)) {
    const column1 = (row[cols.c1] ?? '').toUpperCase();
    const column2 = (row[cols.c2] ?? '').toUpperCase();
    if (!CODE.test(column1) || !CODE.test(column2)) continue; // header continuation, notes
    const ind = Number((row[cols.indicator] ?? '').trim());
    if (ind !== 0 && ind !== 1 && ind !== 9) continue;
    const from = cols.from === undefined ? undefined : isoDate(row[cols.from] ?? '');
    const deleted = cols.deleted === undefined ? undefined : isoDate(row[cols.deleted] ?? '');
    out.push({
      column1,
      column2,
      indicator: ind,
      ...(from ? { from } : {}),
      ...(deleted ? { deleted } : {}),
    });
  }
  return { rows: out };
}
