// R7.2, R7.3, R8.4: pushes in time order — initial push, new-drug pushes, repeat pushes.
import { floorMinutes } from '../time.ts';
import type { DerivedLine, RuleSettings, Setting, Warning } from '../types.ts';
import { sortSmall } from '../sort-small.ts';
import { baseLine } from './lines.ts';
import type { DrugService } from './model.ts';
import { warn } from './warnings.ts';
import { CPT } from '../admin-codes.ts';

export interface PushInput {
  drugs: DrugService[];
  initialDrug: DrugService | undefined;
  setting: Setting;
  rules: RuleSettings;
  initialModifiers: string[];
}

export interface PushOutput {
  lines: DerivedLine[];
  warnings: Warning[];
  initialLine?: DerivedLine;
  midnightRefs: string[];
}

const INITIAL_RULE = { professional: 'R6.3', facility: 'R6.2' } as const;

export function codePushes(input: PushInput): PushOutput {
  const { drugs, initialDrug, setting, rules } = input;
  const lines: DerivedLine[] = [];
  const warnings: Warning[] = [];
  const midnightRefs: string[] = [];
  let initialLine: DerivedLine | undefined;
  const pick = INITIAL_RULE[setting];
  const span = (d: DrugService) => ({
    startMs: d.start.ms,
    offsetMin: d.start.offsetMin,
    intervals: [],
  });
  const lastReported = new Map<string, number>();
  const pushes = sortSmall(
    drugs.filter((d) => d.mode === 'push' && !d.excluded),
    (a, b) => a.start.ms - b.start.ms || a.id.localeCompare(b.id),
  );
  for (const d of pushes) {
    const chemo = d.cls === 'chemo';
    const sources = d.refs;
    const minutes = d.minutesByRef;
    if (d === initialDrug) {
      initialLine = baseLine(
        {
          sources,
          minutes,
          code: chemo ? CPT.CHEMO_PUSH_INITIAL : CPT.THER_PUSH_INITIAL,
          units: 1,
          modifiers: input.initialModifiers,
          rules: ['R6.1', pick, 'R2.4'],
          reason: `${d.drugName} IV push: initial service.`,
        },
        span(d),
      );
      lines.push(initialLine);
      if (d.crossesMidnight) midnightRefs.push(...d.refs);
      lastReported.set(d.drugKey, d.start.ms);
      continue;
    }
    const last = lastReported.get(d.drugKey);
    if (last === undefined) {
      lines.push(
        baseLine(
          {
            sources,
            minutes,
            code: chemo ? CPT.CHEMO_PUSH_ADDL : CPT.THER_PUSH_SEQUENTIAL,
            units: 1,
            rules: ['R7.2', 'R2.4'],
            reason: `${d.drugName} IV push: additional push of a new drug.`,
          },
          span(d),
        ),
      );
      if (d.crossesMidnight) midnightRefs.push(...d.refs);
      lastReported.set(d.drugKey, d.start.ms);
      continue;
    }
    if (setting === 'professional') {
      warnings.push(warn('SAME_DRUG_REPEAT_PUSH_NOT_REPORTABLE_PROFESSIONAL', d.refs));
      continue;
    }
    const gap = floorMinutes(d.start.ms - last);
    const counts = gap > 30 || (gap === 30 && rules.repeatPushAt30Counts);
    if (!counts) {
      warnings.push(warn('SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN', d.refs));
      continue;
    }
    if (chemo) continue;
    lines.push(
      baseLine(
        {
          sources,
          minutes,
          code: CPT.THER_PUSH_SAME_DRUG,
          units: 1,
          rules: ['R7.3'],
          reason: `${d.drugName} IV push repeated ${gap} minutes after the last reported push of the same drug.`,
        },
        span(d),
      ),
    );
    lastReported.set(d.drugKey, d.start.ms);
  }

  const out: PushOutput = { lines, warnings, midnightRefs };
  if (initialLine) out.initialLine = initialLine;
  return out;
}
