// The visit total and the lines a bulk accept may take. Pure. Exact cents (decimal.js): drug
// lines by their ASP amount per unit, administration lines by their price (billing-rules
// PR-1–PR-4); a line without a price is counted, never guessed.
import Decimal from 'decimal.js';
import type { DerivedLine, EncounterResult } from '../../engine/index.ts';
import { lineKey, linesConcerned, type DecisionState } from './decisions.ts';

export interface VisitTotal {
  /** USD, two decimals ('10331.69'). */
  total: string;
  priced: number;
  /** Lines billed without a known price (not configured, packaged lines excluded). */
  unpriced: number;
}

function perUnit(line: DerivedLine): Decimal | 'packaged' | undefined {
  if (line.kind === 'drug') {
    return line.amount !== undefined && line.units > 0
      ? new Decimal(String(line.amount)).div(line.units)
      : undefined;
  }
  const p = line.evidence.price;
  if (p?.status === 'packaged') return 'packaged';
  return p?.status === 'priced' ? new Decimal(p.perUnit) : undefined;
}

/** The total of the lines as decided: rejected lines out, edited units used. */
export function visitTotal(result: EncounterResult, state: DecisionState): VisitTotal {
  let total = new Decimal(0);
  let priced = 0;
  let unpriced = 0;
  for (const line of result.lines) {
    const d = state.lines[lineKey(line)];
    if (d?.kind === 'rejected') continue;
    const units = d?.kind === 'edited' ? d.units : line.units;
    const rate = perUnit(line);
    if (rate === 'packaged') continue;
    if (rate === undefined) {
      unpriced++;
      continue;
    }
    priced++;
    total = total.plus(
      line.kind === 'drug' && d?.kind !== 'edited' && line.amount !== undefined
        ? new Decimal(String(line.amount))
        : rate.times(units),
    );
  }
  return { total: total.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2), priced, unpriced };
}

/** Undecided lines no warning concerns: what "Accept all lines without warnings" accepts. */
export function bulkAcceptable(result: EncounterResult, state: DecisionState): string[] {
  const flagged = new Set<string>();
  for (const w of result.warnings)
    for (const l of linesConcerned(result, w)) flagged.add(lineKey(l));
  return result.lines.map(lineKey).filter((k) => !flagged.has(k) && state.lines[k] === undefined);
}
