// The practice dashboard's figures (issue 17 §3): the same engine run as every visit
// (analyzeResources) over the visits of a date range, folded by the engine's
// PracticeFiguresBuilder, with the patients' past adjudications for the denial causes.
import {
  classifyAdjudications,
  PracticeFiguresBuilder,
  ratio,
  toEncounterReport,
  type EngineConfig,
  type PeriodCounts,
  type PracticeFigures,
} from '../../engine/index.ts';
import type { ClinicDayPicture } from '../../fhir/load/load-clinic-day.ts';
import { readabilityOf } from '../../fhir/load/billing-picture.ts';
import { analyzeResources } from '../../fhir/map/analyze-resources.ts';
import { mapPatientInputs } from '../../fhir/map/patient-input.ts';
import type { ReferenceData } from '../../reference/types.ts';

export function dashboardFigures(
  picture: ClinicDayPicture,
  options: { config: EngineConfig; reference: ReferenceData },
): PracticeFigures {
  const results = analyzeResources(picture.resources, {
    ...options,
    readable: readabilityOf(picture),
  });
  const wanted = new Set(picture.encounters);
  const builder = new PracticeFiguresBuilder('day');
  // The past adjudications of the patients seen in the range, as the clinic-day load reads them
  // (a picture holding other patients too does not count theirs).
  const seen = new Set<string>();
  for (const r of results)
    if (r.encounter !== null && wanted.has(r.encounter)) {
      builder.add({ ...toEncounterReport(r), warnings: r.warnings });
      seen.add(r.patient);
    }
  for (const p of mapPatientInputs(picture.resources))
    if (p.patient !== 'unknown' && seen.has(p.patient))
      builder.addAdjudications(classifyAdjudications(p));
  return builder.result();
}

export interface Figure {
  id: string;
  label: string;
  kind: 'percent' | 'usd' | 'count';
  /** The value over the whole range (null: nothing to count, never 100% of nothing). */
  total: number | null;
  /** What the number counts, in words. */
  basis: (c: PeriodCounts) => string;
  of: (c: PeriodCounts) => number | null;
}

const pct = (part: number, whole: number) => ratio(part, whole);

export const FIGURES: readonly Omit<Figure, 'total'>[] = [
  {
    id: 'stop-time',
    label: 'Stop-time completeness',
    kind: 'percent',
    of: (c) => pct(c.timedAdministrations - c.missingStop, c.timedAdministrations),
    basis: (c) =>
      `${c.timedAdministrations - c.missingStop} of ${c.timedAdministrations} timed administrations have a stop time`,
  },
  {
    id: 'waste',
    label: 'Waste documented when drug was discarded',
    kind: 'percent',
    of: (c) => pct(c.wasteDocumented, c.wasteLines),
    basis: (c) => `${c.wasteDocumented} of ${c.wasteLines} discarded-drug (JW) lines documented`,
  },
  {
    id: 'jw-jz',
    label: 'JW/JZ compliance',
    kind: 'percent',
    of: (c) => pct(c.jwJzCompliant, c.jwJzLines),
    basis: (c) => `${c.jwJzCompliant} of ${c.jwJzLines} JW/JZ lines without a modifier problem`,
  },
  {
    id: 'clean',
    label: 'Clean-claim rate',
    kind: 'percent',
    of: (c) => pct(c.cleanEncounters, c.encounters),
    basis: (c) => `${c.cleanEncounters} of ${c.encounters} visits without an error`,
  },
  {
    id: 'at-risk',
    label: 'Revenue at risk',
    kind: 'usd',
    of: (c) => c.amountAtRisk,
    basis: () => 'drug and service lines tied to a warning',
  },
  {
    id: 'recovered',
    label: 'Revenue recovered (discarded drug billed)',
    kind: 'usd',
    of: (c) => c.amountRecovered,
    basis: () => 'JW lines',
  },
  {
    id: 'trial',
    label: 'Trial visits',
    kind: 'count',
    of: (c) => c.trialVisits,
    basis: (c) => `${c.trialVisits} of ${c.encounters} visits`,
  },
];

export function valueText(kind: Figure['kind'], v: number | null): string {
  if (v === null) return 'nothing to count';
  if (kind === 'percent') return `${(v * 100).toFixed(0)}%`;
  if (kind === 'usd') return v.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
  return String(v);
}
