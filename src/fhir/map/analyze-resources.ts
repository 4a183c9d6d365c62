// The one pipeline the app and the audit command share, from FHIR resources to encounter
// results: the input's MedicationKnowledge over the reference data, NDCs read through it
// (`pipelineFor`), then for each patient the engine and every input issue placed
// (`analyzeInput`). The app reads all resources at once (`analyzeResources`); the audit
// command maps one patient at a time and calls the same two functions, so both give the same
// answer for the same data.
import {
  analyzePatient,
  createRunMemo,
  deriveSetting,
  type EncounterResult,
  type EngineConfig,
  type EngineContext,
  type PatientInput,
  type Readability,
  type RunMemo,
} from '../../engine/index.ts';
import { ndcKnownIn } from './codes.ts';
import type { NdcKnown } from '../../reference/ndc.ts';
import type { ReferenceData } from '../../reference/types.ts';
import { mapPatientInputs, withMedicationKnowledge } from './patient-input.ts';
import { placeUnplacedIssues } from './place-issues.ts';

export interface AnalyzeOptions {
  config: EngineConfig;
  reference: ReferenceData;
  readable?: Partial<Readability>;
}

export interface Pipeline {
  /** The run's context, with the run's memo (one per run: issue 18). */
  ctx: EngineContext & { memo: RunMemo };
  /** Whether an NDC is known to the reference data (with the input's MedicationKnowledge). */
  ndcKnown: NdcKnown;
}

/**
 * The engine context and NDC reader for one run: `knowledge` may hold any resources. `evidence`
 * false (the audit's report): lines without the evidence people read (issue 18), same report.
 */
export function pipelineFor(
  config: EngineConfig,
  reference: ReferenceData,
  knowledge: readonly unknown[],
  evidence = true,
): Pipeline {
  const ref = withMedicationKnowledge(reference, knowledge);
  const ctx: Pipeline['ctx'] = { config, reference: ref, memo: createRunMemo() };
  if (!evidence) ctx.evidence = false;
  return { ctx, ndcKnown: ndcKnownIn(ref) };
}

/** One patient's results: the engine, then the input issues it could not place (contract §2.6). */
export function analyzeInput(
  patient: PatientInput,
  ctx: EngineContext & { memo?: RunMemo },
): EncounterResult[] {
  return placeUnplacedIssues(patient, analyzePatient(patient, ctx), (enc) =>
    deriveSetting(patient, enc, ctx),
  );
}

export function analyzeResources(
  resources: readonly unknown[],
  options: AnalyzeOptions,
): EncounterResult[] {
  const { ctx, ndcKnown } = pipelineFor(options.config, options.reference, resources);
  const inputs = mapPatientInputs(resources, {
    ...(options.readable ? { readable: options.readable } : {}),
    ndcKnown,
  });
  return inputs.flatMap((p) => analyzeInput(p, ctx));
}
