// §5 step 7 / §6: the initial service of one access (R6.1–R6.5).
import type { Setting, RuleSettings, Warning } from '../types.ts';
import { rankOf, RANK, type DrugService, type HydrationService } from './model.ts';
import { warn } from './warnings.ts';
import { sortSmall } from '../sort-small.ts';

export type Initial = DrugService | 'hydration' | undefined;

/** Tie-break between equal ranks: longer billable time, then earlier start, then id (R6.5). */
export function byHierarchy(a: DrugService, b: DrugService): number {
  return (
    rankOf(a) - rankOf(b) ||
    billable(b) - billable(a) ||
    a.start.ms - b.start.ms ||
    a.id.localeCompare(b.id)
  );
}

function billable(d: DrugService): number {
  return d.mode === 'infusion' ? d.ownMinutes : 0;
}

/** The class R6.4 requires of the initial, given what is present: chemo infusion > chemo push > TPD > hydration. */
function requiredClass(top: DrugService): 'chemoInfusion' | 'chemoPush' | 'tpd' {
  if (top.cls === 'chemo') return top.mode === 'infusion' ? 'chemoInfusion' : 'chemoPush';
  return 'tpd';
}

function allowed(d: DrugService, top: DrugService): boolean {
  const need = requiredClass(top);
  if (need === 'tpd') return d.cls === 'therapeutic';
  const rank = need === 'chemoInfusion' ? RANK.chemoInfusion : RANK.chemoPush;
  return rankOf(d) === rank;
}

export interface InitialInput {
  drugs: DrugService[];
  hydration: HydrationService[];
  setting: Setting;
  rules: RuleSettings;
  /** The one administration flagged as the primary reason in the encounter, if exactly one. */
  primaryRef: string | undefined;
}

export function selectInitial(input: InitialInput): { initial: Initial; warnings: Warning[] } {
  const { drugs, hydration, setting, rules, primaryRef } = input;
  const warnings: Warning[] = [];
  const candidates = sortSmall(
    drugs.filter((d) => !d.excluded && !d.concurrent),
    byHierarchy,
  );
  const top = candidates[0];
  if (!top) return { initial: hydration.length > 0 ? 'hydration' : undefined, warnings };

  let initial: DrugService = top;
  if (rules.allow96417AfterChemoPush && top.cls === 'chemo') {
    const firstChemo = [...candidates]
      .filter((d) => d.cls === 'chemo')
      .sort((a, b) => a.start.ms - b.start.ms || a.id.localeCompare(b.id))[0];
    if (firstChemo && firstChemo.mode === 'push') initial = firstChemo;
  }
  if (setting === 'professional' && primaryRef) {
    const flaggedDrug = drugs.find((d) => d.refs.includes(primaryRef));
    const flaggedHydration = hydration.some((h) => h.refs.includes(primaryRef));
    if (flaggedDrug) {
      const usable = !flaggedDrug.excluded && !flaggedDrug.concurrent && allowed(flaggedDrug, top);
      if (usable) initial = flaggedDrug;
      else warnings.push(warn('PRIMARY_REASON_NOT_USABLE_AS_INITIAL', [primaryRef]));
    } else if (flaggedHydration) {
      warnings.push(warn('PRIMARY_REASON_NOT_USABLE_AS_INITIAL', [primaryRef]));
    }
  }
  return { initial, warnings };
}
