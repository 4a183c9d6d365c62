// What every engine stage returns: lines with their evidence, and warnings as values.
import type { RunContext } from './run-memo.ts';
import type { Administration, DerivedLine, PatientInput, Setting, Warning } from './types.ts';

export interface StageResult {
  lines: DerivedLine[];
  warnings: Warning[];
}

/** The facts of one encounter that every stage sees. */
export interface EncounterScope {
  patient: PatientInput;
  /** 'Encounter/<id>' or null when the administrations had none (grouped per patient and date). */
  encounter: string | null;
  /** Every administration of the encounter, whatever its status. */
  administrations: Administration[];
  dateOfService: string;
  setting: Setting;
  /** A later encounter of the same patient on the same date (infusion-rules R9.8). */
  laterEncounterSameDay: boolean;
  /** The caller's configuration and reference data, and the run's memo (run-memo.ts). */
  context: RunContext;
}
