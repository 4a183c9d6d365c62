// Planned-dose checks over the loaded picture plus the patient's active orders (billing-rules
// P-1–P-8). Loaded with a dynamic import, like analyzer.ts, with the built-in reference data.
import { defaultConfig, type PlannedResult } from '../engine/index.ts';
import { readabilityOf, type BillingPicture } from '../fhir/load/billing-picture.ts';
import { planResources } from '../fhir/map/planned-doses.ts';
import { builtinReference } from '../reference/builtin.ts';
import type { FhirResource } from 'fhir/r4';

export function runPlanned(
  picture: BillingPicture,
  orders: readonly FhirResource[],
  today: string,
): PlannedResult[] {
  const have = new Set(picture.resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const extra = orders.filter((r) => !have.has(`${r.resourceType}/${r.id ?? ''}`));
  return planResources([...picture.resources, ...extra], {
    config: defaultConfig(),
    reference: builtinReference(),
    readable: readabilityOf(picture),
    today,
  });
}
