// The board's data: the day's visits at every infusion location with their chairs,
// administrations, drugs and orders (loadClinicDay's parallel searches; its coverage and claim
// searches are skipped when the board's scopes do not grant them), then the patients the EHR did
// not include with the visits, in one more search by id (never one read per visit).
import { queryOptions } from '@tanstack/react-query';
import type { Encounter, FhirResource } from 'fhir/r4';
import type { FhirGateway } from '../gateway.ts';
import {
  loadClinicDay,
  type ClinicDayPicture,
  type ClinicDayProgress,
} from '../load/load-clinic-day.ts';
import { fhirKeys } from './keys.ts';

const CHUNK = 40;

/** Patient ids the visits name whose Patient was not loaded with them. */
export function missingPatients(resources: readonly FhirResource[]): string[] {
  const have = new Set(
    resources.filter((r) => r.resourceType === 'Patient').map((r) => r.id ?? ''),
  );
  const want = new Set<string>();
  for (const r of resources) {
    if (r.resourceType !== 'Encounter') continue;
    const id = /(?:^|\/)Patient\/([^/]+)$/.exec((r as Encounter).subject?.reference ?? '')?.[1];
    if (id && !have.has(id)) want.add(id);
  }
  return [...want];
}

export async function loadBoard(
  gateway: FhirGateway,
  day: string,
  onProgress?: (p: ClinicDayProgress) => void,
): Promise<ClinicDayPicture> {
  const picture = await loadClinicDay(gateway, { date: day }, onProgress);
  const ids = missingPatients(picture.resources);
  if (ids.length === 0) return picture;
  const searches: Promise<FhirResource[]>[] = [];
  for (let i = 0; i < ids.length; i += CHUNK)
    searches.push(gateway.search('Patient', { _id: ids.slice(i, i + CHUNK).join(',') }));
  const found = (await Promise.all(searches)).flat();
  return {
    ...picture,
    resources: [...picture.resources, ...found],
    requests: picture.requests + searches.length,
    rounds: picture.rounds + 1,
  };
}

export function boardQuery(
  gateway: FhirGateway,
  day: string,
  onProgress?: (p: ClinicDayProgress) => void,
) {
  return queryOptions({
    queryKey: fhirKeys.board(gateway.launch, day),
    queryFn: () => loadBoard(gateway, day, onProgress),
    // Running times move on and nurses chart: read the day again every minute.
    refetchInterval: 60_000,
  });
}
