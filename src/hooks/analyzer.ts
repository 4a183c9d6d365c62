// The billing engine over a loaded picture. Loaded with a dynamic import (with the built-in
// reference data) so the first screen's bundle carries neither.
import { analyzePatient, defaultConfig, type EncounterResult } from '../engine/index.ts';
import { readabilityOf, type BillingPicture } from '../fhir/load/billing-picture.ts';
import { mapPatientInputs, withMedicationKnowledge } from '../fhir/map/patient-input.ts';
import type { ReferenceData } from '../reference/types.ts';

export function runAnalysis(picture: BillingPicture, reference: ReferenceData): EncounterResult[] {
  const ctx = {
    config: defaultConfig(),
    reference: withMedicationKnowledge(reference, picture.resources),
  };
  return mapPatientInputs(picture.resources, { readable: readabilityOf(picture) }).flatMap((p) =>
    analyzePatient(p, ctx),
  );
}
