// The billing engine over a loaded picture. Loaded with a dynamic import (with the built-in
// reference data) so the first screen's bundle carries neither.
import { defaultConfig, type EncounterResult } from '../engine/index.ts';
import { readabilityOf, type BillingPicture } from '../fhir/load/billing-picture.ts';
import { analyzeResources } from '../fhir/map/analyze-resources.ts';
import type { ReferenceData } from '../reference/types.ts';

export function runAnalysis(picture: BillingPicture, reference: ReferenceData): EncounterResult[] {
  // The same reading path as the audit command, so both give the same answer for the same data.
  return analyzeResources(picture.resources, {
    config: defaultConfig(),
    reference,
    readable: readabilityOf(picture),
  });
}
