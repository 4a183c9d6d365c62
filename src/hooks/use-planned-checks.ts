// Orders not yet given, checked before the dose (billing-rules P-1–P-8): the patient's active
// MedicationRequests with their Medications, over the billing picture. For the launch encounter
// only when there is one. Orders that cannot be read are said, never shown as "none".
import { useQuery } from '@tanstack/react-query';
import type { FhirResource } from 'fhir/r4';
import type { PlannedResult } from '../engine/index.ts';
import { isFhirError } from '../fhir/gateway.ts';
import { fhirKeys } from '../fhir/queries/keys.ts';
import { useGateway } from './gateway-context.ts';
import { todayLocal } from './today.ts';
import { useBillingPicture } from './use-billing-picture.ts';

export interface PlannedChecks {
  isPending: boolean;
  results: PlannedResult[];
  /** Plain words when the orders could not be read or checked. */
  unavailable?: string;
}

export function usePlannedChecks(): PlannedChecks {
  const gateway = useGateway();
  const { launch } = gateway;
  const picture = useBillingPicture();
  const orders = useQuery({
    queryKey: fhirKeys.plannedOrders(launch),
    enabled: launch.patientId !== undefined,
    queryFn: async (): Promise<FhirResource[] | null> => {
      try {
        return await gateway.search('MedicationRequest', {
          patient: launch.patientId ?? '',
          status: 'active',
          _include: 'MedicationRequest:medication',
        });
      } catch (e) {
        if (isFhirError(e) && (e.kind === 'forbidden' || e.kind === 'not-found')) return null;
        throw e;
      }
    },
  });
  const checked = useQuery({
    queryKey: fhirKeys.plannedChecks(launch),
    enabled: picture.data !== undefined && orders.data !== undefined,
    structuralSharing: false,
    queryFn: async (): Promise<PlannedResult[]> => {
      const { runPlanned } = await import('./planned-analyzer.ts');
      if (!picture.data || !orders.data) return [];
      const all = runPlanned(picture.data, orders.data, todayLocal());
      const enc = launch.encounterId ? `Encounter/${launch.encounterId}` : undefined;
      return enc ? all.filter((r) => r.dose.encounter === enc) : all;
    },
  });
  if (orders.data === null) {
    return {
      isPending: false,
      results: [],
      unavailable: 'Drug orders could not be read, so doses not yet given were not checked.',
    };
  }
  if (orders.error || checked.error) {
    return {
      isPending: false,
      results: [],
      unavailable: 'Doses not yet given could not be checked.',
    };
  }
  return { isPending: orders.isPending || checked.isPending, results: checked.data ?? [] };
}
