// A practice fee schedule (professional prices; config `reference.feeSchedule`): a CSV with the
// header `code,modifier,amount` (any order, any case), one row per code and modifier. `modifier`
// may be empty (the code's price whatever its modifiers); `amount` is USD per unit ('$' and ','
// allowed, e.g. "$1,234.50"). A row that cannot be read is an error naming its row: a price is
// never guessed. Pure.
import type { FeeScheduleRow } from '../tables.ts';
import { cell, csvRows, decimalCell, findHeader } from './csv.ts';

export function parseFeeSchedule(text: string): FeeScheduleRow[] {
  const rows = csvRows(text);
  const header = findHeader(rows, ['code', 'modifier', 'amount']);
  if (!header) throw new Error('Not a fee schedule: no "code,modifier,amount" header.');
  const out: FeeScheduleRow[] = [];
  const seen = new Set<string>();
  rows.slice(header.index + 1).forEach((row, i) => {
    if (row.every((c) => c === '')) return;
    const at = `row ${header.index + i + 2}`;
    const code = cell(row, header, 'code').toUpperCase();
    const modifier = cell(row, header, 'modifier').toUpperCase();
    const raw = cell(row, header, 'amount');
    const amount = decimalCell(raw);
    if (!code) throw new Error(`${at}: no code.`);
    if (amount === undefined || amount.startsWith('-'))
      throw new Error(`${at}: amount "${raw}" for ${code} is not a price in dollars.`);
    const key = `${code}|${modifier}`;
    if (seen.has(key))
      throw new Error(`${at}: ${code}${modifier ? `-${modifier}` : ''} is listed twice.`);
    seen.add(key);
    out.push({ code, modifier, amount });
  });
  return out;
}
