// Ordered drugs for the chair: the billing picture only holds orders that an administration
// points to, so the nurse's screen asks for the visit's orders itself (MedicationRequest of
// the encounter; without one, the patient's active orders).
import { queryOptions } from '@tanstack/react-query';
import type { FhirResource } from 'fhir/r4';
import { isFhirError, type FhirGateway } from '../gateway.ts';
import { fhirKeys } from './keys.ts';

export interface NurseOrders {
  resources: FhirResource[];
  /** Plain words when orders could not be read (never shown as "no orders"). */
  unavailable?: string;
}

/** Medications the orders name that the server did not include (drug names for the nurse). */
async function missingMedications(
  gateway: FhirGateway,
  found: readonly FhirResource[],
): Promise<FhirResource[]> {
  const have = new Set(found.filter((r) => r.resourceType === 'Medication').map((r) => r.id));
  const wanted = new Set<string>();
  for (const r of found) {
    const ref =
      r.resourceType === 'MedicationRequest' ? r.medicationReference?.reference : undefined;
    const m = ref ? /(?:^|\/)Medication\/([^/]+)$/.exec(ref) : null;
    if (m?.[1] && !have.has(m[1])) wanted.add(m[1]);
  }
  if (wanted.size === 0) return [];
  try {
    return await gateway.search('Medication', { _id: [...wanted].join(',') });
  } catch {
    return []; // names fall back to the order's own text
  }
}

export function nurseOrdersQuery(gateway: FhirGateway) {
  const { launch } = gateway;
  return queryOptions({
    queryKey: fhirKeys.nurseOrders(launch),
    queryFn: async (): Promise<NurseOrders> => {
      if (!launch.patientId) return { resources: [] };
      const params: Record<string, string> = launch.encounterId
        ? { patient: launch.patientId, encounter: `Encounter/${launch.encounterId}` }
        : { patient: launch.patientId, status: 'active' };
      try {
        const found = await gateway.search('MedicationRequest', {
          ...params,
          _include: 'MedicationRequest:medication',
        });
        return { resources: [...found, ...(await missingMedications(gateway, found))] };
      } catch (e) {
        // Refused, turned down (400) or not offered: said as such, never as "no orders".
        if (
          isFhirError(e) &&
          (e.kind === 'forbidden' || e.kind === 'not-found' || (e.kind === 'invalid' && e.status))
        ) {
          return {
            resources: [],
            unavailable: 'Drug orders could not be read, so orders not yet started are not shown.',
          };
        }
        throw e;
      }
    },
  });
}

/** The billing picture's resources with the visit's orders added (one copy per type and id). */
export function withOrders(
  resources: readonly FhirResource[],
  orders: readonly FhirResource[],
): FhirResource[] {
  const seen = new Map<string, FhirResource>();
  for (const r of [...resources, ...orders]) seen.set(`${r.resourceType}/${r.id ?? ''}`, r);
  return [...seen.values()];
}
