// The patient's visits, for the visit picker when the launch named a patient but no encounter
// (issue 17 part 5): one Encounter search, most recent first, bounded.
import { useQuery } from '@tanstack/react-query';
import type { CodeableConcept, Encounter, FhirResource } from 'fhir/r4';
import { fhirKeys } from '../fhir/queries/keys.ts';
import { useGateway } from './gateway-context.ts';

/** At most this many visits are listed (the most recent ones). */
export const VISIT_LIMIT = 50;

export interface PatientVisit {
  encounterId: string;
  /** Calendar date as the EHR recorded the start (YYYY-MM-DD), undefined when not recorded. */
  date: string | undefined;
  /** Clock time of the start as the EHR recorded it (its own UTC offset), "HH:MM". */
  time: string | undefined;
  place: string | undefined;
  /** The visit's type in words (Encounter.type, else serviceType), undefined when not recorded. */
  kind: string | undefined;
  /** Why the visit took place, in words (Encounter.reasonCode), undefined when not recorded. */
  reason: string | undefined;
  status: string;
}

/** The words of a concept: its text, else the first coding's display; never a bare code. */
function conceptWords(c: CodeableConcept | undefined): string | undefined {
  return c?.text ?? c?.coding?.find((x) => x.display)?.display ?? undefined;
}

function firstWords(cs: readonly CodeableConcept[] | undefined): string | undefined {
  return (cs ?? []).map(conceptWords).find((w) => w !== undefined);
}

function visitOf(e: Encounter & { id: string }): PatientVisit {
  const start = e.period?.start;
  const date = start && /^\d{4}-\d{2}-\d{2}/.test(start) ? start.slice(0, 10) : undefined;
  const time = start ? /^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2})/.exec(start)?.[1] : undefined;
  const place =
    e.location?.find((l) => l.location.display)?.location.display ??
    e.serviceProvider?.display ??
    undefined;
  const kind = firstWords(e.type) ?? conceptWords(e.serviceType);
  const reason = firstWords(e.reasonCode);
  return { encounterId: e.id, date, time, place, kind, reason, status: e.status };
}

/** Every Encounter among the resources in words-ready facts, by 'Encounter/<id>'. */
export function visitsByReference(resources: readonly FhirResource[]): Map<string, PatientVisit> {
  const out = new Map<string, PatientVisit>();
  for (const r of resources)
    if (r.resourceType === 'Encounter' && r.id)
      out.set(`Encounter/${r.id}`, visitOf({ ...r, id: r.id }));
  return out;
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
