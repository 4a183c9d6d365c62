// The billing engine run on the loaded picture. Built-in reference data is loaded lazily
// (dynamic import) so the first screen does not wait for it.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { analyzePatient, defaultConfig, type EncounterResult } from '../engine/index.ts';
import { readabilityOf, type BillingPicture } from '../fhir/load/billing-picture.ts';
import { mapPatientInputs, withMedicationKnowledge } from '../fhir/map/patient-input.ts';
import { fhirKeys } from '../fhir/queries/keys.ts';
import type { ReferenceData } from '../reference/types.ts';
import { useGateway } from './gateway-context.ts';
import { todayLocal } from './today.ts';
import { useBillingPicture } from './use-billing-picture.ts';

export interface EncounterAnalysis {
  isPending: boolean;
  error: Error | null;
  results: EncounterResult[];
  current: EncounterResult | undefined;
  picture: BillingPicture | undefined;
  refetch: () => void;
}

const ENGINE_FAILED = 'EveryDose could not work out the billing for this visit.';

export function runAnalysis(picture: BillingPicture, reference: ReferenceData): EncounterResult[] {
  const ctx = {
    config: defaultConfig(),
    reference: withMedicationKnowledge(reference, picture.resources),
  };
  return mapPatientInputs(picture.resources, { readable: readabilityOf(picture) }).flatMap((p) =>
    analyzePatient(p, ctx),
  );
}

/** The launch encounter's result; without one, the latest of today's for the patient. */
export function pickCurrent(
  results: EncounterResult[],
  encounterId: string | undefined,
  today: string,
): EncounterResult | undefined {
  if (encounterId) return results.find((r) => r.encounter === `Encounter/${encounterId}`);
  return results.filter((r) => r.dateOfService === today).at(-1);
}

export function useEncounterAnalysis(): EncounterAnalysis {
  const gateway = useGateway();
  const picture = useBillingPicture();
  const reference = useQuery({
    queryKey: fhirKeys.referenceData(gateway.launch),
    queryFn: async () => (await import('../reference/builtin.ts')).builtinReference(),
    staleTime: Infinity,
  });
  const analysed = useMemo(() => {
    if (!picture.data || !reference.data) return { results: [], error: null };
    try {
      return { results: runAnalysis(picture.data, reference.data), error: null };
    } catch {
      return { results: [], error: new Error(ENGINE_FAILED) };
    }
  }, [picture.data, reference.data]);
  const { encounterId } = gateway.launch;
  const current = useMemo(
    () => pickCurrent(analysed.results, encounterId, todayLocal()),
    [analysed.results, encounterId],
  );
  const { refetch } = picture;
  return {
    isPending: picture.isPending || reference.isPending,
    error: picture.error ?? reference.error ?? analysed.error,
    results: analysed.results,
    current,
    picture: picture.data,
    refetch: () => void refetch(),
  };
}
