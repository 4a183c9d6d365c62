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
  /** Automatic claim changes the coder took off (sign-off-plan AutoChangeId). */
  removedChanges?: string[];
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

/**
 * The line a claim-line warning names, read from its message ("… 96415 × 2 …", "J9145-JW-Q1 × 8"):
 * code, modifiers (as a set) and units. undefined when the message names none.
 */
export function namedLine(
  w: Pick<Warning, 'message'>,
): { code: string; modifiers: string[]; units: number } | undefined {
  const m = /\b([A-Z0-9]{5}(?:-[A-Z0-9]{2})*) × (\d+(?:\.\d+)?)/.exec(w.message);
  if (!m?.[1] || !m[2]) return undefined;
  const [code = '', ...modifiers] = m[1].split('-');
  return { code, modifiers: modifiers.sort(), units: Number(m[2]) };
}

function sameNamed(
  named: { code: string; modifiers: string[]; units?: number },
  line: { code: string; modifiers: readonly string[]; units: number },
  withUnits: boolean,
): boolean {
  return (
    named.code === line.code &&
    named.modifiers.join('+') === [...line.modifiers].sort().join('+') &&
    (!withUnits || named.units === line.units)
  );
}

/**
 * Accepting the fix resolves what it fixes (issue "never write wrong data", part 6):
 * CLAIM_LINE_MISSING is resolved once the suggested line it names is accepted as derived;
 * CLAIM_LINE_EXTRA (the drafted line the records do not support, not held for a pending drug)
 * is resolved once the lines to bill no longer carry it — the signed claim drops it.
 */
export function resolvedByFix(result: EncounterResult, state: DecisionState, w: Warning): boolean {
  const named = namedLine(w);
  if (!named) return false;
  if (w.code === 'CLAIM_LINE_MISSING') {
    return linesConcerned(result, w).some(
      (l) => state.lines[lineKey(l)]?.kind === 'accepted' && sameNamed(named, l, true),
    );
  }
  if (w.code === 'CLAIM_LINE_EXTRA') {
    const pending = w.sources.some((s) => !s.startsWith('Claim/'));
    if (pending) return false;
    const undecided = result.lines.some((l) => !state.lines[lineKey(l)]);
    return !undecided && !billedLines(result, state).some((l) => sameNamed(named, l, false));
  }
  return false;
}

/**
 * An error is resolved when acknowledged with a note, a line it concerns was rejected or edited,
 * or (claim-line errors) the fix it suggests was accepted.
 */
export function warningResolved(
  result: EncounterResult,
  state: DecisionState,
  w: Warning,
): boolean {
  if ((state.acknowledged[warningKey(w)] ?? '').trim() !== '') return true;
  if (resolvedByFix(result, state, w)) return true;
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
