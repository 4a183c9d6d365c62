// Line building: units per the time rules (R4.3–R4.6) and dates (R9.7, R10.3).
import { localDateAt } from '../time.ts';
import type { DerivedLine, RuleSettings } from '../types.ts';
import { unique } from '../unique.ts';
import { instantAfterRunning, type Interval } from './intervals.ts';

/** Additional-hour units for T minutes: T ≥ 91 ? floor((T − 31) / 60) : 0 (R4.3). */
export function additionalHours(t: number): number {
  return t >= 91 ? Math.floor((t - 31) / 60) : 0;
}

export interface LineSpec {
  code: string;
  units: number;
  modifiers?: string[];
  sources: string[];
  rules: string[];
  reason: string;
  minutes?: Record<string, number>;
}

/** Where a service ran, to date its lines. */
export interface Span {
  startMs: number;
  offsetMin: number;
  /** Running intervals (for dating add-on hours when they are split by day). */
  intervals: Interval[];
}

export function line(spec: LineSpec, date: string): DerivedLine {
  const evidence: DerivedLine['evidence'] = { rules: spec.rules, reason: spec.reason };
  if (spec.minutes) evidence.minutes = spec.minutes;
  return {
    kind: 'administration',
    code: spec.code,
    units: spec.units,
    modifiers: spec.modifiers ?? [],
    date,
    sources: unique(spec.sources),
    evidence,
  };
}

/** The line(s) of a base or single code: dated on the start date of the service (R9.7). */
export function baseLine(spec: LineSpec, span: Span): DerivedLine {
  return line(spec, localDateAt(span.startMs, span.offsetMin));
}

/**
 * Hour units numbered firstHour…firstHour+units−1 (hour k begins after 60·k running minutes).
 * Dated on the start date, or, with `midnightLineDate: 'split'`, on the day each hour began.
 */
export function hourLines(
  spec: LineSpec,
  span: Span,
  firstHour: number,
  rules: RuleSettings,
): DerivedLine[] {
  if (spec.units <= 0) return [];
  const startDate = localDateAt(span.startMs, span.offsetMin);
  if (rules.midnightLineDate !== 'split' || span.intervals.length === 0) {
    return [line(spec, startDate)];
  }
  const byDate = new Map<string, number>();
  for (let k = firstHour; k < firstHour + spec.units; k += 1) {
    const at = instantAfterRunning(span.intervals, 60 * k);
    const date = localDateAt(at, span.offsetMin);
    byDate.set(date, (byDate.get(date) ?? 0) + 1);
  }
  return [...byDate.entries()].map(([date, units]) => line({ ...spec, units }, date));
}
