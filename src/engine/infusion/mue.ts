// R12: medically unlikely edits. A check that warns; it never changes units (R12.1).
// Checked per claim line (code + modifiers + date, as analyze.ts aggregates them): a justified
// second initial with its distinct-service modifier is its own line.
import type { DerivedLine, ReferenceData, Setting, Warning } from '../types.ts';
import { warn } from './warnings.ts';

interface Total {
  code: string;
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
  const totals = new Map<string, Total>();
  for (const l of lines) {
    const key = `${l.code}|${[...l.modifiers].sort().join(',')}|${l.date}`;
    const t = totals.get(key) ?? { code: l.code, date: l.date || dos, units: 0, sources: [] };
    t.units += l.units;
    t.sources.push(...l.sources);
    totals.set(key, t);
  }
  const warnings: Warning[] = [];
  for (const t of totals.values()) {
    const entry = ref.mue(t.code, table, t.date);
    if (!entry || t.units <= entry.value) continue;
    warnings.push(
      warn(
        'MUE_EXCEEDED',
        t.sources,
        `${t.code}: ${t.units} units on ${t.date} exceed the Medicare limit of ${entry.value} (MUE); check before billing.`,
      ),
    );
  }
  return warnings;
}
