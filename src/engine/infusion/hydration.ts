// §5 step 6: hydration net time (R2.3, R4.5–R4.7, R7.4, R7.5, R8.1, R8.3, R9.3, R9.5).
// Net = union of hydration intervals − union of drug infusion intervals and push durations.
import { crossesMidnight } from '../time.ts';
import type { RuleSettings, Warning } from '../types.ts';
import { coveredMs, runningMinutes, subtract, union, type Interval } from './intervals.ts';
import type { DrugService, HydrationService, IvItem } from './model.ts';
import { refMinutes } from '../ref-minutes.ts';
import { warn } from './warnings.ts';
import type { PumpTime } from '../part2/pump-intervals.ts';

/** Hydration of 31 minutes or more is billable (R4.5, R4.6, R8.3). */
export const HYDRATION_MIN_MINUTES = 31;

export function netHydration(
  items: IvItem[],
  drugs: DrugService[],
  rules: RuleSettings,
  pump: PumpTime = { refs: [], intervals: [] },
): { services: HydrationService[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const timed = items.filter((i) => i.admin.start && i.admin.end);
  const noStop = items.filter((i) => !i.admin.end);
  if (noStop.length > 0) {
    warnings.push(
      warn(
        'HYDRATION_NO_STOP_TIME',
        noStop.map((i) => i.admin.ref),
      ),
    );
  }
  if (timed.length === 0) return { services: [], warnings };
  const refs = timed.map((i) => i.admin.ref);
  const intervals: Interval[] = timed.map((i) => ({
    s: i.admin.start?.ms ?? 0,
    e: i.admin.end?.ms ?? 0,
  }));
  const drugCut = drugs.flatMap((d) => d.intervals);
  // injection-pump-rules R23.3: a pump infusion's time is drug-infusion time here.
  const cut = [...drugCut, ...pump.intervals];
  const all = union(intervals);
  const net = subtract(all, cut);
  if (coveredMs(net) < coveredMs(all)) {
    const beside = coveredMs(subtract(all, drugCut)) > coveredMs(net);
    warnings.push(
      beside
        ? warn(
            'HYDRATION_CONCURRENT_TIME_EXCLUDED',
            [...refs, ...pump.refs],
            'Hydration time running at the same time as a drug infusion was excluded (a pump infusion counts as drug-infusion time, injection-pump-rules R23.3).',
          )
        : warn('HYDRATION_CONCURRENT_TIME_EXCLUDED', refs),
    );
  }
  const minutesByRef = refMinutes();
  timed.forEach((i, k) => {
    const iv = intervals[k] as Interval;
    minutesByRef[i.admin.ref] = runningMinutes(subtract([iv], cut));
  });
  const offsetAt = (ms: number): number => {
    const hit = timed.find((i) => (i.admin.start?.ms ?? 0) <= ms && ms < (i.admin.end?.ms ?? 0));
    return (hit ?? timed[0])?.admin.start?.offsetMin ?? 0;
  };
  const contributing = (pieces: Interval[]): IvItem[] =>
    timed.filter((i, k) => {
      const iv = intervals[k] as Interval;
      return pieces.some((p) => p.s < iv.e && iv.s < p.e);
    });
  const make = (pieces: Interval[]): HydrationService => {
    const first = pieces[0] as Interval;
    const used = contributing(pieces);
    return {
      refs: used.map((i) => i.admin.ref),
      pieces,
      minutes: runningMinutes(pieces),
      startMs: first.s,
      offsetMin: offsetAt(first.s),
      crossesMidnight: used.some(
        (i) => i.admin.start && i.admin.end && crossesMidnight(i.admin.start, i.admin.end),
      ),
      minutesByRef: used.reduce((m, i) => {
        m[i.admin.ref] = minutesByRef[i.admin.ref] ?? 0;
        return m;
      }, refMinutes()),
    };
  };
  if (net.length === 0) return { services: [], warnings };
  if (rules.hydrationSegments === 'each') {
    const services: HydrationService[] = [];
    const short: string[] = [];
    for (const piece of net) {
      const s = make([piece]);
      if (s.minutes >= HYDRATION_MIN_MINUTES) services.push(s);
      else if (s.minutes > 0) short.push(...s.refs);
    }
    if (short.length > 0) warnings.push(warn('HYDRATION_30_MIN_OR_LESS', short));
    return { services, warnings };
  }
  if (net.length >= 2) warnings.push(warn('HYDRATION_SEGMENTS_COMBINED', refs));
  const whole = make(net);
  if (whole.minutes >= HYDRATION_MIN_MINUTES) return { services: [whole], warnings };
  if (whole.minutes > 0) warnings.push(warn('HYDRATION_30_MIN_OR_LESS', refs));
  return { services: [], warnings };
}
