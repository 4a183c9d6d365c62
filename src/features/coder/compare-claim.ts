// The existing claim side by side with the suggested lines: every difference (missing, extra,
// units, modifiers) with its dollar effect, and totals "billed as drafted" versus "suggested".
import type { ClaimLineInfo } from '../../engine/index.ts';
import type { SignedLine } from '../../fhir/write/claim-builder.ts';
import { roundCents } from './format.ts';

export type DifferenceKind =
  'same' | 'missing' | 'extra' | 'units' | 'modifiers' | 'units-modifiers';

export interface ComparisonRow {
  kind: DifferenceKind;
  code: string;
  suggested?: SignedLine;
  drafted?: ClaimLineInfo;
  /** Suggested minus drafted, USD; undefined when no price is known. */
  dollarEffect?: number;
}

export interface Comparison {
  rows: ComparisonRow[];
  /** Sum of the drafted lines' charges that are known. */
  draftedTotal: number;
  suggestedTotal: number;
  /** Lines on either side whose dollar value is unknown (totals leave them out). */
  unpricedDrafted: number;
  unpricedSuggested: number;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a.map((m) => m.toUpperCase()));
  const y = new Set(b.map((m) => m.toUpperCase()));
  return x.size === y.size && [...x].every((m) => y.has(m));
}

function price(s: SignedLine | undefined, d: ClaimLineInfo | undefined): number | undefined {
  if (s?.amount !== undefined && s.units > 0) return s.amount / s.units;
  if (d?.net !== undefined && d.units > 0) return d.net / d.units;
  return undefined;
}

/**
 * Dollar effect of billing the suggested line instead of the drafted one, at one unit price
 * (the suggested line's, else the drafted line's charge): the claim's charges and the payment
 * limits are different kinds of money, so a line that is the same has no effect.
 */
function effectOf(s: SignedLine | undefined, d: ClaimLineInfo | undefined): number | undefined {
  const unit = price(s, d);
  if (s && !d) return s.amount ?? (unit === undefined ? undefined : s.units * unit);
  if (d && !s)
    return d.net !== undefined ? -d.net : unit === undefined ? undefined : -d.units * unit;
  if (!s || !d || s.units === d.units) return 0;
  return unit === undefined ? undefined : (s.units - d.units) * unit;
}

function row(s: SignedLine | undefined, d: ClaimLineInfo | undefined): ComparisonRow {
  let kind: DifferenceKind;
  if (!d) kind = 'missing';
  else if (!s) kind = 'extra';
  else {
    const units = s.units !== d.units;
    const mods = !sameSet(s.modifiers, d.modifiers);
    kind = units && mods ? 'units-modifiers' : units ? 'units' : mods ? 'modifiers' : 'same';
  }
  const r: ComparisonRow = { kind, code: (s ?? d)?.code ?? '' };
  if (s) r.suggested = s;
  if (d) r.drafted = d;
  const effect = effectOf(s, d);
  if (effect !== undefined) r.dollarEffect = roundCents(effect);
  return r;
}

/** Pair lines: same code and modifiers first, then same code; the rest are missing or extra. */
export function compareWithClaim(
  suggested: readonly SignedLine[],
  drafted: readonly ClaimLineInfo[],
): Comparison {
  const left = [...suggested];
  const right = [...drafted];
  const rows: ComparisonRow[] = [];
  const take = (match: (s: SignedLine, d: ClaimLineInfo) => boolean) => {
    for (let i = 0; i < left.length;) {
      const s = left[i] as SignedLine;
      const j = right.findIndex((d) => match(s, d));
      if (j < 0) {
        i += 1;
        continue;
      }
      rows.push(row(s, right[j]));
      left.splice(i, 1);
      right.splice(j, 1);
    }
  };
  take((s, d) => s.code === d.code && sameSet(s.modifiers, d.modifiers));
  take((s, d) => s.code === d.code);
  for (const s of left) rows.push(row(s, undefined));
  for (const d of right) rows.push(row(undefined, d));
  const sum = (xs: (number | undefined)[]) =>
    roundCents(xs.reduce<number>((a, x) => a + (x ?? 0), 0));
  return {
    rows,
    draftedTotal: sum(drafted.map((d) => d.net)),
    suggestedTotal: sum(suggested.map((s) => s.amount)),
    unpricedDrafted: drafted.filter((d) => d.net === undefined).length,
    unpricedSuggested: suggested.filter((s) => s.amount === undefined).length,
  };
}
