// One call from FHIR resources to encounter results, as the audit command does it: the input's
// MedicationKnowledge over the reference data, NDCs read through it, every input issue placed.
// The app can use this so both give the same answer for the same data.
import {
  analyzePatient,
  type EncounterResult,
  type EngineConfig,
  type Readability,
  type Setting,
} from '../../engine/index.ts';
import type { PatientInput } from '../../engine/index.ts';
import { ndcKnownIn } from './codes.ts';
import type { ReferenceData } from '../../reference/types.ts';
import { mapPatientInputs, withMedicationKnowledge } from './patient-input.ts';
import { placeUnplacedIssues } from './place-issues.ts';

export interface AnalyzeOptions {
  config: EngineConfig;
  reference: ReferenceData;
  readable?: Partial<Readability>;
}

/** Contract §2.6 for entries made only of input issues (mirrors analyze.ts deriveSetting). */
export function issueSetting(
  patient: PatientInput,
  encounter: string | null,
  config: EngineConfig,
): Setting {
  if (config.setting) return config.setting;
  const enc = encounter ? patient.encounters.find((e) => e.ref === encounter) : undefined;
  if (enc?.settingFromLocation) return enc.settingFromLocation;
  const claim = patient.claims.find(
    (c) => c.use === 'claim' && c.encounter === encounter && c.type,
  );
  return claim?.type === 'institutional' ? 'facility' : 'professional';
}

export function analyzeResources(
  resources: readonly unknown[],
  options: AnalyzeOptions,
): EncounterResult[] {
  const reference = withMedicationKnowledge(options.reference, resources);
  const ctx = { config: options.config, reference };
  const inputs = mapPatientInputs(resources, {
    ...(options.readable ? { readable: options.readable } : {}),
    ndcKnown: ndcKnownIn(reference),
  });
  return inputs.flatMap((p) =>
    placeUnplacedIssues(p, analyzePatient(p, ctx), (enc) => issueSetting(p, enc, options.config)),
  );
}
