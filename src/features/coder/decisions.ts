// The coder's decisions on one encounter: accept, edit (units/modifiers, with a reason) or
// reject (with a reason) each derived line; add lines by hand; acknowledge warnings with a
// note. Pure functions: what is billed, and what still stops the sign-off.
import type { DerivedLine, EncounterResult, Warning } from '../../engine/index.ts';
import type { SignedLine } from '../../fhir/write/claim-builder.ts';
import { roundCents } from './format.ts';

export type LineDecision =
  | { kind: 'accepted' }
  | { kind: 'edited'; units: number; modifiers: string[]; reason: string }
  | { kind: 'rejected'; reason: string };

export interface AddedLine {
  id: string;
  code: string;
  units: number;
  modifiers: string[];
  reason: string;
}

export interface DecisionState {
  lines: Record<string, LineDecision>;
  added: AddedLine[];
  /** Warning key → the coder's note. */
  acknowledged: Record<string, string>;
}

export const EMPTY_DECISIONS: DecisionState = { lines: {}, added: [], acknowledged: {} };

/** Stable across reloads: the engine aggregates lines by code, modifiers and date (contract §3). */
export function lineKey(line: Pick<DerivedLine, 'code' | 'modifiers' | 'date'>): string {
  return [line.code, [...line.modifiers].sort().join('+'), line.date].join('|');
}

export function warningKey(w: Pick<Warning, 'code' | 'sources'>): string {
  return [w.code, [...w.sources].sort().join(',')].join('|');
}

/** Dollars per unit for a derived line, when its amount is known. */
export function unitPrice(line: Pick<DerivedLine, 'amount' | 'units'>): number | undefined {
  return line.amount !== undefined && line.units > 0 ? line.amount / line.units : undefined;
}

/** The lines that would be billed: accepted and undecided as derived, edits applied, rejected out, added in. */
export function billedLines(result: EncounterResult, state: DecisionState): SignedLine[] {
  const out: SignedLine[] = [];
  for (const line of result.lines) {
    const d = state.lines[lineKey(line)];
    if (d?.kind === 'rejected') continue;
    const base: SignedLine = {
      code: line.code,
      units: line.units,
      modifiers: [...line.modifiers],
      date: line.date,
      sources: [...line.sources],
      decision: 'accepted',
    };
    if (line.ndc) base.ndc = { ...line.ndc };
    if (line.amount !== undefined) base.amount = line.amount;
    if (d?.kind === 'edited') {
      const price = unitPrice(line);
      base.units = d.units;
      base.modifiers = [...d.modifiers];
      base.decision = 'edited';
      base.reason = d.reason;
      if (price === undefined) delete base.amount;
      else base.amount = roundCents(price * d.units);
    }
    out.push(base);
  }
  for (const a of state.added) {
    out.push({
      code: a.code,
      units: a.units,
      modifiers: [...a.modifiers],
      date: result.dateOfService,
      sources: [],
      decision: 'added',
      reason: a.reason,
    });
  }
  return out;
}

/** Lines whose sources overlap the warning's (the lines it concerns). */
export function linesConcerned(result: EncounterResult, w: Warning): DerivedLine[] {
  return result.lines.filter((l) => l.sources.some((s) => w.sources.includes(s)));
}

/** An error is resolved when acknowledged with a note, or a line it concerns was rejected or edited. */
export function warningResolved(
  result: EncounterResult,
  state: DecisionState,
  w: Warning,
): boolean {
  if ((state.acknowledged[warningKey(w)] ?? '').trim() !== '') return true;
  return linesConcerned(result, w).some((l) => {
    const d = state.lines[lineKey(l)];
    return d?.kind === 'rejected' || d?.kind === 'edited';
  });
}

/** Plain-words reasons the sign-off is refused; empty when it may go ahead. */
export function signOffBlockers(result: EncounterResult, state: DecisionState): string[] {
  const reasons: string[] = [];
  const undecided = result.lines.filter((l) => !state.lines[lineKey(l)]);
  if (undecided.length > 0) {
    const codes = undecided.map((l) => [l.code, ...l.modifiers].join(' ')).join(', ');
    reasons.push(
      undecided.length === 1
        ? `1 line has no decision yet (${codes}).`
        : `${undecided.length} lines have no decision yet (${codes}).`,
    );
  }
  for (const w of result.warnings) {
    if (w.severity === 'error' && !warningResolved(result, state, w)) {
      reasons.push(`Error not resolved: ${w.message}`);
    }
  }
  if (billedLines(result, state).length === 0) {
    reasons.push('No line is left to bill.');
  }
  return reasons;
}
