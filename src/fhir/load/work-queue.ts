// A coder's day: the visits of a work-queue List (SMART App Launch 2.x `fhirContext`), or the
// encounters of a date (and location) searched with user-level scopes. The List costs one read
// before the clinic day's two rounds; its entries that are not Encounters are named, never dropped.
import type { List } from 'fhir/r4';
import { FhirError, type FhirGateway } from '../gateway.ts';
import { loadClinicDay, type ClinicDayPicture, type ClinicDayProgress } from './load-clinic-day.ts';

export type WorklistSource =
  { kind: 'queue'; list: string } | { kind: 'day'; date: string; location?: string };

export interface WorklistPicture extends ClinicDayPicture {
  /** Work-queue entries that could not be listed (not an Encounter, or deleted), in words. */
  skipped: string[];
  /** The List's title, when it has one. */
  title?: string;
}

/** Encounter ids of a List's entries, and what could not be used, in order. */
export function queueEntries(list: List): { encounterIds: string[]; skipped: string[] } {
  const encounterIds: string[] = [];
  const skipped: string[] = [];
  (list.entry ?? []).forEach((entry, i) => {
    const ref = entry.item.reference ?? '';
    const m = /(?:^|\/)Encounter\/([^/]+)$/.exec(ref);
    if (entry.deleted) skipped.push(`Entry ${i + 1} was removed from the work queue.`);
    else if (!m?.[1])
      skipped.push(
        `Entry ${i + 1} of the work queue is not a visit (Encounter) and is not listed.`,
      );
    else if (!encounterIds.includes(m[1])) encounterIds.push(m[1]);
  });
  return { encounterIds, skipped };
}

export async function loadWorklist(
  gateway: FhirGateway,
  source: WorklistSource,
  onProgress?: (p: ClinicDayProgress) => void,
): Promise<WorklistPicture> {
  if (source.kind === 'day') {
    const day = await loadClinicDay(
      gateway,
      { date: source.date, ...(source.location ? { location: source.location } : {}) },
      onProgress,
    );
    return { ...day, skipped: [] };
  }
  const id = source.list.replace(/^List\//, '');
  // The server's statement (cached by the gateway) is asked alongside, not after, the List.
  const [{ resource: list }] = await Promise.all([
    gateway.read<List>('List', id),
    gateway.capabilities().catch(() => undefined),
  ]);
  if (list.resourceType !== 'List')
    throw new FhirError('invalid', 'The work queue the EHR gave is not a list of visits.');
  const { encounterIds, skipped } = queueEntries(list);
  if (encounterIds.length === 0)
    return {
      resources: [],
      unreadable: [],
      encounters: [],
      requests: 1,
      rounds: 1,
      skipped,
      ...(list.title ? { title: list.title } : {}),
    };
  // The date is not searched when ids are given.
  const day = await loadClinicDay(gateway, { date: '', encounterIds }, onProgress);
  const found = new Set(day.encounters);
  for (const e of encounterIds)
    if (!found.has(`Encounter/${e}`))
      skipped.push(`A visit of the work queue could not be found in the EHR (Encounter/${e}).`);
  return {
    ...day,
    requests: day.requests + 1,
    rounds: day.rounds + 1,
    skipped,
    ...(list.title ? { title: list.title } : {}),
  };
}
