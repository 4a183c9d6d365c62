// The patient's visits, for the visit picker when the launch named a patient but no encounter
// (issue 17 part 5): one Encounter search, most recent first, bounded.
import { useQuery } from '@tanstack/react-query';
import type { Encounter, FhirResource } from 'fhir/r4';
import { fhirKeys } from '../fhir/queries/keys.ts';
import { useGateway } from './gateway-context.ts';

/** At most this many visits are listed (the most recent ones). */
export const VISIT_LIMIT = 50;

export interface PatientVisit {
  encounterId: string;
  /** Calendar date as the EHR recorded the start (YYYY-MM-DD), undefined when not recorded. */
  date: string | undefined;
  place: string | undefined;
  status: string;
}

function visitOf(e: Encounter & { id: string }): PatientVisit {
  const start = e.period?.start;
  const date = start && /^\d{4}-\d{2}-\d{2}/.test(start) ? start.slice(0, 10) : undefined;
  const place =
    e.location?.find((l) => l.location.display)?.location.display ??
    e.serviceProvider?.display ??
    undefined;
  return { encounterId: e.id, date, place, status: e.status };
}

/** Most recent first; visits with no recorded start come last, never dropped. */
export function patientVisits(resources: readonly FhirResource[]): {
  visits: PatientVisit[];
  more: number;
} {
  const all = resources
    .filter((r): r is Encounter & { id: string } => r.resourceType === 'Encounter' && !!r.id)
    .map(visitOf)
    .sort((a, b) =>
      a.date === b.date
        ? 0
        : a.date === undefined
          ? 1
          : b.date === undefined
            ? -1
            : a.date < b.date
              ? 1
              : -1,
    );
  return { visits: all.slice(0, VISIT_LIMIT), more: Math.max(0, all.length - VISIT_LIMIT) };
}

export function usePatientVisits() {
  const gateway = useGateway();
  const patientId = gateway.launch.patientId;
  return useQuery({
    queryKey: fhirKeys.patientVisits(gateway.launch),
    enabled: patientId !== undefined,
    queryFn: async () =>
      patientVisits(
        await gateway.search('Encounter', {
          patient: `Patient/${patientId ?? ''}`,
          _sort: '-date',
          _count: String(VISIT_LIMIT),
        }),
      ),
  });
}
