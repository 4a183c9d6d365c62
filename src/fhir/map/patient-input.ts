// FHIR resources → engine input, one PatientInput per patient (contract §2). Shared by the
// app and the audit command so both give the same answer for the same data.
// STUB: replaced by the full mapper (zod boundary, references, extensions).
import type { PatientInput, Readability } from '../../engine/index.ts';
import type { ReferenceData } from '../../reference/types.ts';

export interface MapOptions {
  /** Kinds of data that could not be read (scopes, server): reported as unknown, never none. */
  readable?: Partial<Readability>;
}

/** Map any mix of resources (Bundles already flattened or not) into per-patient engine input. */
export function mapPatientInputs(
  _resources: readonly unknown[],
  _options: MapOptions = {},
): PatientInput[] {
  return [];
}

/** MedicationKnowledge resources in the input take precedence over the built-in data (§2.3). */
export function withMedicationKnowledge(
  base: ReferenceData,
  _resources: readonly unknown[],
): ReferenceData {
  return base;
}
