// A pump's planned running time, from its order (issue 15 §5): the MedicationRequest's
// dosageInstruction timing, `repeat.duration` + `durationUnit` ("46 h"), else
// `repeat.boundsDuration`. Nothing else is taken as a plan: without these the planned
// disconnect is "not known", never a default length.
import Decimal from 'decimal.js';
import type { FhirResource, MedicationAdministration, MedicationRequest } from 'fhir/r4';

const MINUTES_PER: Readonly<Record<string, number>> = {
  s: 1 / 60,
  min: 1,
  h: 60,
  d: 1440,
  wk: 10080,
};

function minutesOf(value: number | undefined, unit: string | undefined): number | undefined {
  if (value === undefined || unit === undefined || !(value > 0)) return undefined;
  const per = MINUTES_PER[unit];
  if (per === undefined) return undefined;
  return new Decimal(value).times(per).toNumber();
}

/** Planned minutes of an order's infusion; undefined when the order does not say. */
export function orderedDurationMinutes(request: MedicationRequest): number | undefined {
  const repeat = request.dosageInstruction?.[0]?.timing?.repeat;
  if (!repeat) return undefined;
  const own = minutesOf(repeat.duration, repeat.durationUnit);
  if (own !== undefined) return own;
  const b = repeat.boundsDuration;
  return minutesOf(b?.value, b?.code ?? b?.unit);
}

/** The order an administration's record points to, when it was read. */
export function orderOf(
  ma: MedicationAdministration,
  resources: readonly FhirResource[],
): MedicationRequest | undefined {
  const id = ma.request?.reference?.split('/').pop();
  if (!id) return undefined;
  return resources.find(
    (r): r is MedicationRequest => r.resourceType === 'MedicationRequest' && r.id === id,
  );
}

/** The planned minutes of a pump start, from the order its record points to. */
export function plannedPumpMinutes(
  ma: MedicationAdministration,
  resources: readonly FhirResource[],
): number | undefined {
  const request = orderOf(ma, resources);
  return request ? orderedDurationMinutes(request) : undefined;
}
