// R12: medically unlikely edits. A check that warns; it never changes units (R12.1).
// Checked per claim line (code + modifiers + date, as analyze.ts aggregates them): a justified
// second initial with its distinct-service modifier is its own line.
import type { DerivedLine, ReferenceData, Setting, Warning } from '../types.ts';
import { findClaimLine } from '../same-line.ts';
import { warn } from './warnings.ts';

interface Total {
  code: string;
  modifiers: string[];
  /** The line's own date ('' when it has none: the date of service is used). */
  date: string;
  units: number;
  sources: string[];
}

export function checkMue(
  lines: DerivedLine[],
  ref: ReferenceData,
  setting: Setting,
  dos: string,
): Warning[] {
  const table = setting === 'professional' ? 'practitioner' : 'outpatient-hospital';
  const totals: Total[] = [];
  for (const l of lines) {
    let t = totals[findClaimLine(totals, l)];
    if (!t) {
      t = { code: l.code, modifiers: l.modifiers, date: l.date, units: 0, sources: [] };
      totals.push(t);
    }
    t.units += l.units;
    t.sources.push(...l.sources);
  }
  const warnings: Warning[] = [];
  for (const t of totals) {
    const date = t.date || dos;
    const entry = ref.mue(t.code, table, date);
    if (!entry || t.units <= entry.value) continue;
    warnings.push(
      warn(
        'MUE_EXCEEDED',
        t.sources,
        `${t.code}: ${t.units} units on ${date} exceed the Medicare limit of ${entry.value} (MUE); check before billing.`,
      ),
    );
  }
  return warnings;
}
