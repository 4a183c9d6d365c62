// §5 step 5: overlaps between drug infusions of one access (R7.5, R7.6, R7.7, R9.1).
import type { RuleSettings, Warning } from '../types.ts';
import { overlaps, runningMinutes, subtract, type Interval } from './intervals.ts';
import { rankOf, type DrugService } from './model.ts';
import { warn } from './warnings.ts';
import { sortSmall } from '../sort-small.ts';

/** Priority: hierarchy rank (R6.2), then longer time, then earlier start, then id. */
export function byPriority(a: DrugService, b: DrugService): number {
  return (
    rankOf(a) - rankOf(b) ||
    b.minutes - a.minutes ||
    a.start.ms - b.start.ms ||
    a.id.localeCompare(b.id)
  );
}

/** Marks concurrent and partly overlapped infusions in place; returns the warnings. */
export function resolveOverlaps(services: DrugService[], rules: RuleSettings): Warning[] {
  const warnings: Warning[] = [];
  const infusions = sortSmall(
    services.filter((s) => s.mode === 'infusion' && !s.excluded),
    byPriority,
  );
  const higher: DrugService[] = [];
  for (const inf of infusions) {
    const hits = higher.filter((h) => overlaps(h.intervals, inf.intervals));
    higher.push(inf);
    if (hits.length === 0) continue;
    const cut: Interval[] = hits.flatMap((h) => h.intervals);
    const own = subtract(inf.intervals, cut);
    const ownMinutes = runningMinutes(own);
    const sources = [...inf.refs, ...hits.flatMap((h) => h.refs)];
    if (ownMinutes <= 15 || rules.partialOverlap === 'concurrent') {
      inf.concurrent = true;
      inf.ownMinutes = 0;
      inf.ownIntervals = [];
      if (inf.cls === 'chemo') warnings.push(warn('CONCURRENT_CHEMO_NO_CPT_CODE', sources));
      continue;
    }
    inf.partialOverlap = true;
    inf.ownMinutes = ownMinutes;
    inf.ownIntervals = own;
    warnings.push(warn('PARTIAL_OVERLAP_CODER_REVIEW', sources));
  }
  return warnings;
}
