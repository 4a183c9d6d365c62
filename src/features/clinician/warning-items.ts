// The clinician's warnings: worst first, each with its evidence in plain lines. Only the
// clinician's own work (issue #16 part 2, billing-rules P-8): coverage, authorization, trial status
// and dose against the order; modifiers, claim codes, containers and charting are the coder's.
import type { WarningItem } from '../../components/warning-list.tsx';
import {
  audienceOf,
  type EncounterResult,
  type Warning,
  type Severity,
} from '../../engine/index.ts';
import type { LoadedResources } from '../../fhir/load/billing-picture.ts';
import { describeSource, indexResources } from '../../fhir/load/describe-source.ts';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function warningItems(
  result: EncounterResult,
  resources: LoadedResources,
  serverUrl: string,
): WarningItem[] {
  const index = indexResources(resources);
  return clinicianWarnings(result)
    .sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] ||
        (b.amountAtStake ?? 0) - (a.amountAtStake ?? 0) ||
        a.message.localeCompare(b.message),
    )
    .map((w, i) => ({
      key: `${w.code}-${i}`,
      severity: w.severity,
      message: w.message,
      code: w.code,
      ...(w.amountAtStake !== undefined ? { amountAtStake: w.amountAtStake } : {}),
      evidence:
        w.sources.length > 0
          ? w.sources.map((s) => describeSource(s, index, serverUrl))
          : ['No single record: this is about the visit as a whole.'],
    }));
}

/** The visit's warnings the clinician acts on (P-8 `audienceOf`). */
export function clinicianWarnings(result: EncounterResult): Warning[] {
  return result.warnings.filter((w) => audienceOf(w.code) === 'clinician');
}

/** How many of the visit's warnings are the coder's (not listed for the clinician). */
export function coderOnlyCount(result: EncounterResult): number {
  return result.warnings.length - clinicianWarnings(result).length;
}

/** How many of the clinician's warnings of each severity, for the one-line summary. */
export function severityCounts(result: EncounterResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const w of clinicianWarnings(result)) counts[w.severity] += 1;
  return counts;
}
