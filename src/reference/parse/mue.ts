// CMS NCCI MUE tables (practitioner and outpatient hospital). The practitioner file opens with
// a quoted AMA copyright cell that spans several lines, and its header cell "HCPCS/\nCPT Code"
// holds a line break. The MAI cell is "3 Date of Service Edit: Clinical". Pure.
import type { MueEntry, MueTable } from '../types.ts';
import { cell, csvRows, findHeader } from './csv.ts';

export interface MueFile {
  /** From the value column's name; undefined when the header does not say. */
  table?: MueTable;
  rows: MueEntry[];
}

const VALUE_COLUMN = /mue values$/;

export function parseMue(text: string): MueFile {
  const rows = csvRows(text);
  const header =
    findHeader(rows, ['hcpcs/ cpt code', VALUE_COLUMN]) ??
    findHeader(rows, ['hcpcs/cpt code', VALUE_COLUMN]);
  if (!header) throw new Error('Not an MUE table: no "HCPCS/CPT Code, … MUE Values" header.');
  let table: MueTable | undefined;
  for (const name of header.columns.keys()) {
    if (name.startsWith('practitioner')) table = 'practitioner';
    if (name.startsWith('outpatient hospital')) table = 'outpatient-hospital';
  }
  const codeCol = header.columns.has('hcpcs/ cpt code') ? 'hcpcs/ cpt code' : 'hcpcs/cpt code';
  const out: MueEntry[] = [];
  for (const row of rows.slice(header.index + 1)) {
    const code = cell(row, header, codeCol).toUpperCase();
    const value = Number(cell(row, header, VALUE_COLUMN));
    const maiDigit = Number(/^(\d)/.exec(cell(row, header, 'mue adjudication indicator'))?.[1]);
    if (!code || !Number.isInteger(value)) continue;
    if (maiDigit !== 1 && maiDigit !== 2 && maiDigit !== 3) continue;
    const rationale = cell(row, header, 'mue rationale');
    out.push({ code, value, mai: maiDigit, ...(rationale ? { rationale } : {}) });
  }
  return { ...(table ? { table } : {}), rows: out };
}
