// §5 steps 3–4: merge same-drug infusion segments (R9.2, R9.3) and classify push vs infusion
// (contract §2.1, R1.4, R2.4, R4.2, R9.5, R9.6, R9.10, R9.11, R9.12).
import type { RuleSettings, Warning } from '../types.ts';
import { crossesMidnight, wholeMinutes } from '../time.ts';
import { runningMinutes, type Interval } from './intervals.ts';
import type { DrugClass, DrugService, IvItem } from './model.ts';
import { refMinutes } from '../ref-minutes.ts';
import { warn } from './warnings.ts';
import { sortSmall } from '../sort-small.ts';
import { isPushByRecord } from '../part2/service-kind.ts';

/** R9.12: infusions longer than 8 hours (pumps) go to coder review. */
export const PROLONGED_MINUTES = 480;

const HOLD_MESSAGE =
  'Infusion stop time missing; not coded until the stop time is documented (payer setting).';

function isPushRecord(i: IvItem, rules: RuleSettings): boolean {
  const a = i.admin;
  if (a.pushDocumented && rules.longPush === 'by-time' && a.start && a.end) {
    if (wholeMinutes(a.start, a.end) >= 16) return false;
  }
  return isPushByRecord(a);
}

interface ServiceFacts {
  mode: DrugService['mode'];
  /** Running minutes; undefined = the item's own whole minutes (a single push record). */
  minutes?: number;
  /** Own minutes; undefined = 0 (the default before overlaps are resolved). */
  ownMinutes?: number;
  excluded?: boolean;
  discontinued?: boolean;
}

/** One service of the items, built in one go (no intermediate object copied per service). */
function service(items: IvItem[], cls: DrugClass, facts: ServiceFacts): DrugService {
  const first = items[0] as IvItem;
  const intervals: Interval[] = [];
  const minutesByRef = refMinutes();
  let midnight = false;
  for (const i of items) {
    const { start, end } = i.admin;
    if (start && end) {
      if (crossesMidnight(start, end)) midnight = true;
      intervals.push({ s: start.ms, e: end.ms });
      minutesByRef[i.admin.ref] = wholeMinutes(start, end);
    } else {
      minutesByRef[i.admin.ref] = 0;
    }
  }
  const minutes = facts.minutes ?? minutesByRef[first.admin.ref] ?? 0;
  return {
    id: first.admin.ref,
    refs: items.map((i) => i.admin.ref),
    cls,
    drugKey: first.drugKey,
    drugName: first.drugName,
    start: first.admin.start ?? { ms: 0, offsetMin: 0, iso: '' },
    intervals,
    ownMinutes: facts.ownMinutes ?? 0,
    ownIntervals: intervals,
    concurrent: false,
    partialOverlap: false,
    discontinued: facts.discontinued ?? false,
    primaryReason: items.some((i) => i.admin.primaryReason),
    excluded: facts.excluded ?? false,
    crossesMidnight: midnight,
    minutesByRef,
    mode: facts.mode,
    minutes,
  };
}

/** No two items share a drug or a record: nothing can join, each is a set of its own. */
function allApart(timed: IvItem[]): boolean {
  if (timed.length > 16) return false; // the general path is as good for long lists
  for (let i = 0; i < timed.length; i++) {
    const a = timed[i] as IvItem;
    for (let j = i + 1; j < timed.length; j++) {
      const b = timed[j] as IvItem;
      if (a.drugKey === b.drugKey || a.admin.ref === b.admin.ref) return false;
    }
  }
  return true;
}

/** Sets of same-drug infusion segments: all of them ('sum'), or partOf chains ('separate'). */
function segmentSets(timed: IvItem[], rules: RuleSettings): IvItem[][] {
  // Joins (partOf, or 'sum') only ever link segments of one drug: the usual visit has none.
  if (allApart(timed)) return timed.map((i) => [i]);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x) ?? x;
    if (p === x) return x;
    const root = find(p);
    parent.set(x, root);
    return root;
  };
  const join = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const byRef = new Map(timed.map((i) => [i.admin.ref, i]));
  for (const i of timed) {
    const target = i.admin.partOf ? byRef.get(i.admin.partOf) : undefined;
    if (target && target.drugKey === i.drugKey) join(target.admin.ref, i.admin.ref);
  }
  if (rules.sameDrugSegments === 'sum') {
    const firstOf = new Map<string, string>();
    for (const i of timed) {
      const f = firstOf.get(i.drugKey);
      if (f) join(f, i.admin.ref);
      else firstOf.set(i.drugKey, i.admin.ref);
    }
  }
  const sets = new Map<string, IvItem[]>();
  for (const i of timed) {
    const root = find(i.admin.ref);
    const list = sets.get(root) ?? [];
    list.push(i);
    sets.set(root, list);
  }
  return [...sets.values()].map((s) =>
    sortSmall(s, (a, b) => (a.admin.start?.ms ?? 0) - (b.admin.start?.ms ?? 0)),
  );
}

export function buildDrugServices(
  items: IvItem[],
  rules: RuleSettings,
): { services: DrugService[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const services: DrugService[] = [];
  const timed: IvItem[] = [];
  for (const i of items) {
    const cls: DrugClass = i.category === 'chemo' ? 'chemo' : 'therapeutic';
    if (isPushRecord(i, rules)) {
      const s = service([i], cls, { mode: 'push' });
      s.ownMinutes = s.minutes;
      services.push(s);
    } else if (!i.admin.end) {
      if (rules.missingStopTime === 'hold') {
        warnings.push(warn('MISSING_STOP_TIME', [i.admin.ref], HOLD_MESSAGE));
        services.push(service([i], cls, { mode: 'push', minutes: 0, excluded: true }));
      } else {
        warnings.push(warn('MISSING_STOP_TIME', [i.admin.ref]));
        services.push(service([i], cls, { mode: 'push', minutes: 0 }));
      }
    } else {
      timed.push(i);
    }
  }
  for (const set of segmentSets(timed, rules)) {
    const cls: DrugClass = set.some((i) => i.category === 'chemo') ? 'chemo' : 'therapeutic';
    const s = service(set, cls, { mode: 'infusion', minutes: 0 });
    const minutes = runningMinutes(s.intervals);
    s.minutes = minutes;
    s.ownMinutes = minutes;
    const refs = s.refs;
    if (set.length > 1) warnings.push(warn('SEGMENTS_COMBINED', refs));
    const discontinued =
      rules.stoppedEarly === 'modifier-53' && set.some((i) => i.admin.status === 'stopped');
    if (minutes <= 15 && !discontinued) {
      warnings.push(warn('INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH', refs));
      s.mode = 'push';
    } else if (minutes > PROLONGED_MINUTES) {
      warnings.push(warn('PROLONGED_PUMP_INFUSION_REVIEW', refs));
      s.excluded = true;
    } else {
      s.discontinued = discontinued;
    }
    services.push(s);
  }
  sortSmall(services, (a, b) => a.start.ms - b.start.ms || a.id.localeCompare(b.id));
  return { services, warnings };
}
