// The coder's worklist: the visits of a work queue or a day, loaded in a fixed number of rounds
// (never one request per visit), summarised by the same engine as the single-visit review, with
// the words each row needs (patient, place, drugs).
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { VisitSummary } from '../engine/index.ts';
import type { ClinicDayProgress } from '../fhir/load/load-clinic-day.ts';
import { visitLabels, type VisitLabel } from '../fhir/load/visit-labels.ts';
import type { WorklistPicture, WorklistSource } from '../fhir/load/work-queue.ts';
import { fhirKeys } from '../fhir/queries/keys.ts';
import { worklistQuery } from '../fhir/queries/worklist.ts';
import { useGateway } from './gateway-context.ts';

export type { WorklistSource } from '../fhir/load/work-queue.ts';

export interface WorklistData {
  visits: VisitSummary[];
  labels: Map<string, VisitLabel>;
  picture: WorklistPicture;
}

type DayAnalyzer = (picture: WorklistPicture) => VisitSummary[];

async function loadDayAnalyzer(): Promise<DayAnalyzer> {
  const [{ builtinReference }, { summarizeDay }] = await Promise.all([
    import('../reference/builtin.ts'),
    import('./worklist-analyzer.ts'),
  ]);
  const reference = builtinReference();
  return (picture) => summarizeDay(picture, reference);
}

const ENGINE_FAILED = 'EveryDose could not work out the billing for these visits.';

export function useWorklist(source: WorklistSource | undefined) {
  const gateway = useGateway();
  const [progress, setProgress] = useState<ClinicDayProgress | undefined>(undefined);
  const picture = useQuery({
    ...worklistQuery(gateway, source ?? { kind: 'day', date: '' }, setProgress),
    enabled: source !== undefined,
  });
  const analyzer = useQuery<DayAnalyzer>({
    queryKey: fhirKeys.dayAnalyzer(gateway.launch),
    queryFn: loadDayAnalyzer,
    staleTime: Infinity,
    structuralSharing: false,
  });
  const analyze = analyzer.data;
  const analysed = useMemo((): { data?: WorklistData; error: Error | null } => {
    if (!picture.data || !analyze) return { error: null };
    try {
      return {
        data: {
          visits: analyze(picture.data),
          labels: visitLabels(picture.data.resources),
          picture: picture.data,
        },
        error: null,
      };
    } catch {
      return { error: new Error(ENGINE_FAILED) };
    }
  }, [picture.data, analyze]);
  const { refetch } = picture;
  const error = picture.error ?? analyzer.error ?? analysed.error;
  return {
    isPending: source !== undefined && !error && (picture.isPending || analyzer.isPending),
    isRefreshing: picture.isFetching && !picture.isPending,
    error,
    data: analysed.data,
    progress,
    refetch: () => void refetch(),
  };
}
