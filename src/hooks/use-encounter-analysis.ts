// The billing engine run on the loaded picture. Built-in reference data is loaded lazily
// (dynamic import) so the first screen does not wait for it.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { EncounterResult } from '../engine/index.ts';
import type { BillingPicture } from '../fhir/load/billing-picture.ts';
import { fhirKeys } from '../fhir/queries/keys.ts';
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

export type Analyzer = (picture: BillingPicture) => EncounterResult[];

/** Engine, mapper and built-in reference data, fetched as one lazy chunk. */
async function loadAnalyzer(): Promise<Analyzer> {
  const [{ builtinReference }, { runAnalysis }] = await Promise.all([
    import('../reference/builtin.ts'),
    import('./analyzer.ts'),
  ]);
  const reference = builtinReference();
  return (picture) => runAnalysis(picture, reference);
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
  const reference = useQuery<Analyzer>({
    queryKey: fhirKeys.referenceData(gateway.launch),
    queryFn: loadAnalyzer,
    staleTime: Infinity,
    structuralSharing: false,
  });
  const analyze = reference.data;
  const analysed = useMemo(() => {
    if (!picture.data || !analyze) return { results: [], error: null };
    try {
      return { results: analyze(picture.data), error: null };
    } catch {
      return { results: [], error: new Error(ENGINE_FAILED) };
    }
  }, [picture.data, analyze]);
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
