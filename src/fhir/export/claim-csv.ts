// The signed lines as CSV for a billing system: one row per line, with the coder's decision.
import Papa from 'papaparse';
import type { SignedLine } from '../write/claim-builder.ts';
import { exportBaseName, type DownloadFile } from './claim-json.ts';

export const CSV_COLUMNS = [
  'patient',
  'encounter',
  'date_of_service',
  'line',
  'code',
  'modifiers',
  'units',
  'ndc',
  'ndc_quantity',
  'ndc_unit',
  'amount_usd',
  'decision',
  'reason',
  'sources',
] as const;

/** Spreadsheet apps run cells that start with = + - @ as formulas: defuse typed-in text. */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface CsvHeader {
  patient: string;
  encounter: string | null;
  dateOfService: string;
}

export function signedLinesCsv(header: CsvHeader, lines: readonly SignedLine[]): string {
  const rows = lines.map((l, i) => [
    header.patient,
    header.encounter ?? '',
    header.dateOfService,
    String(i + 1),
    l.code,
    l.modifiers.join(' '),
    String(l.units),
    l.ndc?.code ?? '',
    l.ndc ? String(l.ndc.quantity) : '',
    l.ndc?.unit ?? '',
    l.amount !== undefined ? l.amount.toFixed(2) : '',
    l.decision,
    safeCell(l.reason ?? ''),
    l.sources.join(' '),
  ]);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\n' })}\n`;
}

export function signedLinesCsvFile(header: CsvHeader, lines: readonly SignedLine[]): DownloadFile {
  return {
    filename: `${exportBaseName(header.encounter, header.dateOfService)}.csv`,
    mimeType: 'text/csv',
    content: signedLinesCsv(header, lines),
  };
}
