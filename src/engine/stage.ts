// What every engine stage returns: lines with their evidence, and warnings as values.
import type {
  Administration,
  DerivedLine,
  EngineContext,
  PatientInput,
  Setting,
  Warning,
} from './types.ts';

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
  context: EngineContext;
}
