// §5 steps 8–9: code the initial service and the other services of one access (§6, §7).
import type { DerivedLine, RuleSettings, Setting, Warning } from '../types.ts';
import { mergeRefMinutes } from '../ref-minutes.ts';
import { sortSmall } from '../sort-small.ts';
import { codePushes } from './code-pushes.ts';
import type { Initial } from './initial.ts';
import { additionalHours, baseLine, hourLines, type LineSpec, type Span } from './lines.ts';
import type { DrugService, HydrationService } from './model.ts';
import { CPT } from '../admin-codes.ts';

export interface GroupInput {
  drugs: DrugService[];
  hydration: HydrationService[];
  initial: Initial;
  setting: Setting;
  rules: RuleSettings;
  /** Modifiers for the initial line (second access R11.1, later encounter R11.2). */
  initialModifiers: string[];
}

export interface GroupOutput {
  lines: DerivedLine[];
  warnings: Warning[];
  /** The initial line, when one was produced (for SEPARATE_ENCOUNTER_SECOND_INITIAL). */
  initialLine?: DerivedLine;
  /** Concurrent TPD infusions (96368 is reported once per encounter, R7.5). */
  concurrentTpd: DrugService[];
  /** Services whose billed time crossed midnight (R9.7). */
  midnightRefs: string[];
}

function drugSpan(d: DrugService): Span {
  const intervals = d.mode === 'infusion' ? d.ownIntervals : [];
  return { startMs: d.start.ms, offsetMin: d.start.offsetMin, intervals };
}

function minutesOf(d: DrugService): Record<string, number> {
  if (!d.partialOverlap) return d.minutesByRef;
  const m = mergeRefMinutes(d.minutesByRef);
  m[d.id] = d.ownMinutes;
  return m;
}

const INITIAL_RULE = { professional: 'R6.3', facility: 'R6.2' } as const;

export function codeGroup(input: GroupInput): GroupOutput {
  const { drugs, hydration, initial, setting, rules } = input;
  const lines: DerivedLine[] = [];
  const warnings: Warning[] = [];
  const concurrentTpd: DrugService[] = [];
  const midnightRefs: string[] = [];
  let initialLine: DerivedLine | undefined;
  const pick = INITIAL_RULE[setting];

  const infusionLines = (
    d: DrugService,
    base: string,
    hour: string,
    role: 'initial' | 'sequential' | 'repeat',
    extraMods: string[],
  ): void => {
    const t = d.ownMinutes;
    const span = drugSpan(d);
    const mods = d.discontinued ? [...extraMods, '53'] : extraMods;
    const sources = d.refs;
    const minutes = minutesOf(d);
    const hours = additionalHours(t);
    const ruleIds =
      role === 'initial'
        ? ['R6.1', pick, 'R4.4']
        : role === 'sequential'
          ? ['R7.1', 'R4.4']
          : ['R9.3'];
    if (d.partialOverlap) ruleIds.push('R7.7');
    if (d.refs.length > 1) ruleIds.push('R9.2');
    if (role === 'repeat') {
      const spec: LineSpec = {
        sources,
        minutes,
        code: hour,
        units: 1 + hours,
        modifiers: mods,
        rules: [...ruleIds, 'R4.3'],
        reason: `${d.drugName} given again in a separate bag: ${t} minutes reported on its own as additional hours (payer setting).`,
      };
      lines.push(...hourLines(spec, span, 0, rules));
    } else {
      const first: LineSpec = {
        sources,
        minutes,
        code: base,
        units: 1,
        modifiers: mods,
        rules: ruleIds,
        reason: `${d.drugName} infusion, ${t} minutes: ${role === 'initial' ? 'initial service' : 'sequential infusion of a new drug'}.`,
      };
      const l = baseLine(first, span);
      lines.push(l);
      if (role === 'initial') initialLine = l;
      if (hours > 0) {
        const spec: LineSpec = {
          sources,
          minutes,
          code: hour,
          units: hours,
          rules: ['R4.3', 'R4.4'],
          reason: `${d.drugName} infusion, ${t} minutes: ${hours} additional hour(s) beyond the first.`,
        };
        lines.push(...hourLines(spec, span, 1, rules));
      }
    }
    if (d.crossesMidnight) midnightRefs.push(...d.refs);
  };

  const initialDrug = initial !== undefined && initial !== 'hydration' ? initial : undefined;
  // Infusions: initial, then the others in time order (R7.1, R7.5, R7.6, R9.3).
  const infusionKeys = new Set<string>();
  const infusions = sortSmall(
    drugs.filter((d) => d.mode === 'infusion' && !d.excluded),
    (a, b) => a.start.ms - b.start.ms || a.id.localeCompare(b.id),
  );
  if (initialDrug?.mode === 'infusion') {
    const chemo = initialDrug.cls === 'chemo';
    infusionLines(
      initialDrug,
      chemo ? CPT.CHEMO_INFUSION_FIRST_HOUR : CPT.THER_INFUSION_FIRST_HOUR,
      chemo ? CPT.CHEMO_INFUSION_ADDL_HOUR : CPT.THER_INFUSION_ADDL_HOUR,
      'initial',
      input.initialModifiers,
    );
    infusionKeys.add(initialDrug.drugKey);
  }
  for (const d of infusions) {
    if (d === initialDrug) continue;
    const chemo = d.cls === 'chemo';
    if (d.concurrent) {
      if (!chemo) concurrentTpd.push(d);
      else if (rules.concurrentChemo === 'unlisted-96549') {
        lines.push(
          baseLine(
            {
              code: CPT.CHEMO_UNLISTED,
              units: 1,
              sources: d.refs,
              minutes: d.minutesByRef,
              rules: ['R7.6'],
              reason: `${d.drugName} ran at the same time as another chemotherapy infusion: unlisted procedure (payer setting).`,
            },
            drugSpan(d),
          ),
        );
      }
      continue;
    }
    const repeat = rules.sameDrugSegments === 'separate' && infusionKeys.has(d.drugKey);
    infusionLines(
      d,
      chemo ? CPT.CHEMO_INFUSION_SEQUENTIAL : CPT.THER_INFUSION_SEQUENTIAL,
      chemo ? CPT.CHEMO_INFUSION_ADDL_HOUR : CPT.THER_INFUSION_ADDL_HOUR,
      repeat ? 'repeat' : 'sequential',
      [],
    );
    infusionKeys.add(d.drugKey);
  }

  // Pushes in time order (R7.2, R7.3, R8.4).
  const pushed = codePushes({
    drugs,
    initialDrug,
    setting,
    rules,
    initialModifiers: input.initialModifiers,
  });
  lines.push(...pushed.lines);
  warnings.push(...pushed.warnings);
  midnightRefs.push(...pushed.midnightRefs);
  if (pushed.initialLine) initialLine = pushed.initialLine;

  // Hydration (R4.5, R4.6, R7.4, R11.3).
  hydration.forEach((h, k) => {
    const span: Span = { startMs: h.startMs, offsetMin: h.offsetMin, intervals: h.pieces };
    const sources = h.refs;
    const minutes = h.minutesByRef;
    const hours = additionalHours(h.minutes);
    if (h.crossesMidnight) midnightRefs.push(...h.refs);
    if (initial === 'hydration' && k === 0) {
      initialLine = baseLine(
        {
          sources,
          minutes,
          code: CPT.HYDRATION_FIRST_HOUR,
          units: 1,
          modifiers: input.initialModifiers,
          rules: ['R6.1', pick, 'R4.5'],
          reason: `Hydration, ${h.minutes} net minutes: initial service.`,
        },
        span,
      );
      lines.push(initialLine);
      if (hours <= 0) return; // no additional hour: no line (hourLines would make none)
      lines.push(
        ...hourLines(
          {
            sources,
            minutes,
            code: CPT.HYDRATION_ADDL_HOUR,
            units: hours,
            rules: ['R4.5', 'R4.3'],
            reason: `Hydration, ${h.minutes} net minutes: ${hours} additional hour(s).`,
          },
          span,
          1,
          rules,
        ),
      );
      return;
    }
    lines.push(
      ...hourLines(
        {
          sources,
          minutes,
          code: CPT.HYDRATION_ADDL_HOUR,
          units: 1 + hours,
          modifiers: rules.modifier59OnSequentialHydration ? ['59'] : [],
          rules: ['R4.6', 'R7.4'],
          reason: `Hydration after another initial service, ${h.minutes} net minutes.`,
        },
        span,
        0,
        rules,
      ),
    );
  });

  const out: GroupOutput = { lines, warnings, concurrentTpd, midnightRefs };
  if (initialLine) out.initialLine = initialLine;
  return out;
}
