// Administration codes (CPT 96360–96417) for one encounter: infusion-rules R1–R12, in the
// order of its §5 algorithm. Produces only kind 'administration' lines; analyze.ts aggregates.
import type { EncounterScope, StageResult } from '../stage.ts';
import type { DerivedLine, Warning } from '../types.ts';
import { groupByAccess } from './access.ts';
import { codeGroup, type GroupOutput } from './code-group.ts';
import { netHydration } from './hydration.ts';
import { byHierarchy, selectInitial, type Initial } from './initial.ts';
import { baseLine } from './lines.ts';
import { checkMue } from './mue.ts';
import type { DrugService, HydrationService } from './model.ts';
import { normalizeAdministrations } from './normalize.ts';
import { resolveOverlaps } from './overlap.ts';
import { buildDrugServices } from './services.ts';
import { warn } from './warnings.ts';
import { pumpIntervals } from '../part2/pump-intervals.ts';
import { mergeRefMinutes } from '../ref-minutes.ts';
import { sortSmall } from '../sort-small.ts';
import { CPT } from '../admin-codes.ts';

interface Prepared {
  drugs: DrugService[];
  hydration: HydrationService[];
  initial: Initial;
}

const SPLIT_MIDNIGHT_MESSAGE =
  'Service crossed midnight; continuous time used; units dated on the day each was provided.';

/** Order of access groups by their initial service: the first is the unmodified one (R11.1). */
function compareGroups(a: Prepared, b: Prepared, primaryRef: string | undefined): number {
  const ia = a.initial;
  const ib = b.initial;
  if (ia === undefined || ib === undefined)
    return ia === undefined ? (ib === undefined ? 0 : 1) : -1;
  if (primaryRef) {
    const pa = ia !== 'hydration' && ia.refs.includes(primaryRef);
    const pb = ib !== 'hydration' && ib.refs.includes(primaryRef);
    if (pa !== pb) return pa ? -1 : 1;
  }
  if (ia === 'hydration' || ib === 'hydration') {
    if (ia === ib) return (b.hydration[0]?.minutes ?? 0) - (a.hydration[0]?.minutes ?? 0);
    return ia === 'hydration' ? 1 : -1;
  }
  return byHierarchy(ia, ib);
}

export function codeAdministrations(scope: EncounterScope): StageResult & { held: boolean } {
  const { rules } = scope.context.config;
  const normalized = normalizeAdministrations(scope);
  const warnings: Warning[] = [...normalized.warnings];
  // R20.3 hold_encounter: one record of unknown route can change the initial service, so the
  // encounter gets no administration lines; the route warnings say why.
  if (normalized.held) return { lines: [], warnings, held: true };
  const access = groupByAccess(normalized.items);
  warnings.push(...access.warnings);

  const flagged = [
    ...new Set(normalized.items.filter((i) => i.admin.primaryReason).map((i) => i.admin.ref)),
  ];
  const primaryRef = flagged.length === 1 ? flagged[0] : undefined;

  const pumps = pumpIntervals(scope.patient);
  const prepared: Prepared[] = access.groups.map((g) => {
    const drugItems = g.items.filter((i) => i.category !== 'hydration');
    const hydrationItems = g.items.filter((i) => i.category === 'hydration');
    const built = buildDrugServices(drugItems, rules);
    warnings.push(...built.warnings);
    warnings.push(...resolveOverlaps(built.services, rules));
    const hyd = netHydration(hydrationItems, built.services, rules, pumps);
    warnings.push(...hyd.warnings);
    const sel = selectInitial({
      drugs: built.services,
      hydration: hyd.services,
      setting: scope.setting,
      rules,
      primaryRef,
    });
    warnings.push(...sel.warnings);
    return { drugs: built.services, hydration: hyd.services, initial: sel.initial };
  });
  sortSmall(prepared, (a, b) => compareGroups(a, b, primaryRef));

  const lines: DerivedLine[] = [];
  const outputs: GroupOutput[] = prepared.map((p, k) => {
    const initialModifiers =
      k === 0
        ? scope.laterEncounterSameDay
          ? [rules.separateEncounterModifier]
          : []
        : [rules.separateSiteModifier];
    const out = codeGroup({
      drugs: p.drugs,
      hydration: p.hydration,
      initial: p.initial,
      setting: scope.setting,
      rules,
      initialModifiers,
    });
    lines.push(...out.lines);
    warnings.push(...out.warnings);
    return out;
  });

  // R7.5: one 96368 per encounter, however many infusions ran concurrently.
  const concurrent = outputs.flatMap((o) => o.concurrentTpd);
  const first = concurrent[0];
  if (first) {
    const refs = concurrent.flatMap((d) => d.refs);
    lines.push(
      baseLine(
        {
          code: CPT.THER_INFUSION_CONCURRENT,
          units: 1,
          sources: refs,
          minutes: mergeRefMinutes(...concurrent.map((d) => d.minutesByRef)),
          rules: ['R7.5', 'R2.8'],
          reason: `${concurrent.map((d) => d.drugName).join(', ')} ran at the same time as another infusion: concurrent infusion, once per encounter.`,
        },
        { startMs: first.start.ms, offsetMin: first.start.offsetMin, intervals: [] },
      ),
    );
    if (concurrent.length > 1) warnings.push(warn('MULTIPLE_CONCURRENT_96368_ONCE', refs));
  }

  const midnight = [
    ...outputs.flatMap((o) => o.midnightRefs),
    ...concurrent.filter((d) => d.crossesMidnight).flatMap((d) => d.refs),
  ];
  if (midnight.length > 0) {
    warnings.push(
      warn(
        'CROSSES_MIDNIGHT',
        midnight,
        rules.midnightLineDate === 'split' ? SPLIT_MIDNIGHT_MESSAGE : undefined,
      ),
    );
  }
  const topInitial = outputs[0]?.initialLine;
  if (scope.laterEncounterSameDay && topInitial) {
    warnings.push(warn('SEPARATE_ENCOUNTER_SECOND_INITIAL', topInitial.sources));
  }
  warnings.push(...checkMue(lines, scope.context.reference, scope.setting, scope.dateOfService));
  return { lines, warnings, held: false };
}
