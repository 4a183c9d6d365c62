// The engine over a worklist's picture: one summary per visit, worst first. Loaded with a dynamic
// import (with the built-in reference data) so the first screen carries neither.
import { defaultConfig, type VisitSummary } from '../engine/index.ts';
import { clinicDayVisits } from '../fhir/load/clinic-day-visits.ts';
import type { ClinicDayPicture } from '../fhir/load/load-clinic-day.ts';
import type { ReferenceData } from '../reference/types.ts';

export function summarizeDay(picture: ClinicDayPicture, reference: ReferenceData): VisitSummary[] {
  return clinicDayVisits(picture, { config: defaultConfig(), reference });
}
