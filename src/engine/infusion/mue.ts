// R12: medically unlikely edits. A check that warns; it never changes units (R12.1).
import type { DerivedLine, ReferenceData, Setting, Warning } from '../types.ts';
import { warn } from './warnings.ts';

export function checkMue(
  lines: DerivedLine[],
  ref: ReferenceData,
  setting: Setting,
  dos: string,
): Warning[] {
  const table = setting === 'professional' ? 'practitioner' : 'outpatient-hospital';
  const totals = new Map<
    string,
    { code: string; date: string; units: number; sources: string[]; perLine: boolean }
  >();
  for (const l of lines) {
    const entry = ref.mue(l.code, table, l.date || dos);
    if (!entry) continue;
    // MAI 1 is a claim-line edit (modifiers make separate lines); MAI 2/3 count the day.
    const perLine = entry.mai === 1;
    const key = perLine
      ? `${l.code}|${[...l.modifiers].sort().join(',')}|${l.date}`
      : `${l.code}|${l.date}`;
    const t = totals.get(key) ?? { code: l.code, date: l.date, units: 0, sources: [], perLine };
    t.units += l.units;
    t.sources.push(...l.sources);
    totals.set(key, t);
  }
  const warnings: Warning[] = [];
  for (const t of totals.values()) {
    const entry = ref.mue(t.code, table, t.date || dos);
    if (!entry || t.units <= entry.value) continue;
    warnings.push(
      warn(
        'MUE_EXCEEDED',
        t.sources,
        `${t.code}: ${t.units} units on ${t.date} exceed the Medicare limit of ${entry.value} per ${t.perLine ? 'claim line' : 'day'} (MUE); check before billing.`,
      ),
    );
  }
  return warnings;
}
