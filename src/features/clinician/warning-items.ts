// The clinician's warnings: worst first, each with its evidence in plain lines.
import type { FhirResource } from 'fhir/r4';
import type { WarningItem } from '../../components/warning-list.tsx';
import type { EncounterResult, Severity } from '../../engine/index.ts';
import { describeSource, indexResources } from '../../fhir/load/describe-source.ts';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function warningItems(
  result: EncounterResult,
  resources: readonly FhirResource[],
  serverUrl: string,
): WarningItem[] {
  const index = indexResources(resources);
  return [...result.warnings]
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

/** How many warnings of each severity, for the one-line summary. */
export function severityCounts(result: EncounterResult): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const w of result.warnings) counts[w.severity] += 1;
  return counts;
}
