// Working model of the administration engine: billable IV items, drug services, access groups.
import type { Administration, DrugCategory, Timestamp } from '../types.ts';
import type { Interval } from './intervals.ts';

export type DrugClass = 'chemo' | 'therapeutic';

/** A billable intravenous administration with its resolved category (§5 step 1). */
export interface IvItem {
  admin: Administration;
  category: DrugCategory;
  /** Same drug ⇔ same key (drug family, HCPCS, RxNorm, NDC or name). */
  drugKey: string;
  drugName: string;
}

/** One drug service: a push, or an infusion made of one or more running segments (R9.2). */
export interface DrugService {
  /** Reference of the first segment (tie-break). */
  id: string;
  refs: string[];
  cls: DrugClass;
  drugKey: string;
  drugName: string;
  start: Timestamp;
  /** Running intervals; empty when there is no stop time. */
  intervals: Interval[];
  mode: 'push' | 'infusion';
  /** Running minutes (infusion) or documented duration (push). */
  minutes: number;
  /** Minutes not overlapping a higher-priority infusion (R7.7); = minutes otherwise. */
  ownMinutes: number;
  ownIntervals: Interval[];
  concurrent: boolean;
  partialOverlap: boolean;
  /** Stopped early and coded as the intended service with modifier 53 (R9.10 alternative). */
  discontinued: boolean;
  primaryReason: boolean;
  /** Not coded (prolonged pump infusion, stop time held): still occupies the line for hydration. */
  excluded: boolean;
  /** A segment ran past midnight in local time (R9.7). */
  crossesMidnight: boolean;
  minutesByRef: Record<string, number>;
}

/** Hydration of one access group after net time (§5 step 6): one per billed block. */
export interface HydrationService {
  refs: string[];
  pieces: Interval[];
  /** Net minutes H. */
  minutes: number;
  /** Start of the first net piece (epoch ms) and the offset it was written in. */
  startMs: number;
  offsetMin: number;
  /** A contributing administration ran past midnight (R9.7). */
  crossesMidnight: boolean;
  minutesByRef: Record<string, number>;
}

export interface AccessGroup {
  /** '' for the main access. */
  site: string;
  items: IvItem[];
}

/** Hierarchy ranks (R6.2): lower is higher. */
export const RANK = {
  chemoInfusion: 1,
  chemoPush: 2,
  tpdInfusion: 4,
  tpdPush: 5,
  hydration: 7,
} as const;

export function rankOf(d: DrugService): number {
  if (d.cls === 'chemo') return d.mode === 'infusion' ? RANK.chemoInfusion : RANK.chemoPush;
  return d.mode === 'infusion' ? RANK.tpdInfusion : RANK.tpdPush;
}
