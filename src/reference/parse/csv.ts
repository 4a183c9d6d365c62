// Shared CSV plumbing for the CMS parsers: bytes → text (Windows-1252 aware), text → rows
// (papaparse, never hand-split: quoted cells hold commas and line breaks), header lookup.
import Papa from 'papaparse';

/**
 * Decode a CMS file. CMS publishes Windows-1252; some derived copies are UTF-8. Valid UTF-8
 * (with or without a byte-order mark) is taken as UTF-8, anything else as Windows-1252.
 */
export function decodeCmsBytes(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** All rows as arrays of trimmed cells (embedded line breaks kept inside their cell). */
export function csvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  return parsed.data.map((row) => row.map((cell) => (cell ?? '').trim()));
}

/** Collapse runs of whitespace (including line breaks inside header cells) to one space. */
export function normalizeHeader(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface HeaderMatch {
  index: number;
  columns: Map<string, number>;
}

/**
 * Find the header row: the first row (after banner rows) whose normalised cells include every
 * required name (a string, or a RegExp for names that change, such as `_2026_CODE`).
 */
export function findHeader(rows: string[][], required: (string | RegExp)[]): HeaderMatch | null {
  for (let i = 0; i < Math.min(rows.length, 40); i++) {
    const row = rows[i] ?? [];
    const names = row.map(normalizeHeader);
    const ok = required.every((r) =>
      names.some((n) => (typeof r === 'string' ? n === r : r.test(n))),
    );
    if (!ok) continue;
    const columns = new Map<string, number>();
    names.forEach((n, idx) => {
      if (n && !columns.has(n)) columns.set(n, idx);
    });
    return { index: i, columns };
  }
  return null;
}

/** Cell by header name (normalised) or pattern; '' when absent. */
export function cell(row: string[], header: HeaderMatch, name: string | RegExp): string {
  let idx: number | undefined;
  if (typeof name === 'string') idx = header.columns.get(name);
  else for (const [n, i] of header.columns) if (name.test(n)) idx ??= i;
  return idx === undefined ? '' : (row[idx] ?? '').trim();
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function isoDate(month: string, day: string, year: string): string | undefined {
  const m = MONTHS.indexOf(month.toLowerCase());
  if (m < 0) return undefined;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** "Effective January 1, 2026 through March 31, 2026" in any banner row → ISO range. */
export function bannerEffectiveRange(
  rows: string[][],
  before: number,
): { from?: string; to?: string } {
  const re =
    /effective\s+([a-z]+)\s+(\d{1,2}),\s*(\d{4})\s+through\s+([a-z]+)\s+(\d{1,2}),\s*(\d{4})/i;
  for (let i = 0; i < before; i++) {
    for (const c of rows[i] ?? []) {
      const m = re.exec(c);
      if (m) {
        const [, m1 = '', d1 = '', y1 = '', m2 = '', d2 = '', y2 = ''] = m;
        return { from: isoDate(m1, d1, y1), to: isoDate(m2, d2, y2) };
      }
    }
  }
  return {};
}

/** A plain decimal string ('1,234.500', '$331.690', ' 20.000 ') or undefined (blank, N/A). */
export function decimalCell(raw: string): string | undefined {
  const s = raw.replace(/[$,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(s) && !/^-?\.\d+$/.test(s)) return undefined;
  return s.startsWith('.') ? `0${s}` : s.startsWith('-.') ? `-0${s.slice(1)}` : s;
}
