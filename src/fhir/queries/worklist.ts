// Query options for the coder's worklist (a work-queue List, or a day at a location).
import { queryOptions } from '@tanstack/react-query';
import type { Location } from 'fhir/r4';
import type { FhirGateway } from '../gateway.ts';
import type { ClinicDayProgress } from '../load/load-clinic-day.ts';
import { loadWorklist, type WorklistSource } from '../load/work-queue.ts';
import { fhirKeys } from './keys.ts';

export function worklistKey(gateway: FhirGateway, source: WorklistSource | undefined) {
  return fhirKeys.worklist(gateway.launch, source);
}

export function worklistQuery(
  gateway: FhirGateway,
  source: WorklistSource,
  onProgress?: (p: ClinicDayProgress) => void,
) {
  return queryOptions({
    queryKey: worklistKey(gateway, source),
    queryFn: () => loadWorklist(gateway, source, onProgress),
  });
}

/** The places visits can be searched by (user-level Location read). */
export function locationsQuery(gateway: FhirGateway) {
  return queryOptions({
    queryKey: fhirKeys.locations(gateway.launch),
    queryFn: async () =>
      (await gateway.search('Location', { _count: '100' }))
        .filter((r): r is Location & { id: string } => r.resourceType === 'Location' && !!r.id)
        .map((l) => ({ ref: `Location/${l.id}`, name: l.name ?? `Location ${l.id}` }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    staleTime: Infinity,
  });
}
