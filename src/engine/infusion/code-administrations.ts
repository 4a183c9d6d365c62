// Administration codes (CPT 96360–96417) for one encounter: infusion-rules R1–R12.
import type { EncounterScope, StageResult } from '../stage.ts';

export function codeAdministrations(_scope: EncounterScope): StageResult {
  return { lines: [], warnings: [] };
}
