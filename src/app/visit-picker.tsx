// Launched with a patient but no encounter (issue 17 part 5): the visit of the day opens by
// itself when there is exactly one; otherwise the patient's visits are listed to choose from.
// The chosen visit is kept in memory only (never in the address) and opened on the same
// session, as the worklist does.
import { useMemo, useState, type ReactNode } from 'react';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { plainErrorMessage } from '../fhir/queries/plain-error.ts';
import { gatewayForVisit } from '../fhir/visit-gateway.ts';
import { GatewayContext, useGateway } from '../hooks/gateway-context.ts';
import { todayLocal } from '../hooks/today.ts';
import { usePatientVisits, type PatientVisit } from '../hooks/use-patient-visits.ts';
import { visitWords } from '../hooks/visit-words.ts';

const NOT_HELD = ['cancelled', 'entered-in-error'];

/** Encounter.status in words (the FHIR codes, spelt for people). */
const STATUS_WORDS: Record<string, string> = {
  planned: 'planned',
  arrived: 'arrived',
  triaged: 'triaged',
  'in-progress': 'in progress',
  onleave: 'on leave',
  finished: 'finished',
  cancelled: 'cancelled',
  'entered-in-error': 'entered in error',
  unknown: 'status unknown',
};

function openLabel(v: PatientVisit): string {
  return `Open visit of ${visitWords(v)}`;
}

function VisitList({
  visits,
  more,
  onOpen,
}: {
  visits: PatientVisit[];
  more: number;
  onOpen: (v: PatientVisit) => void;
}) {
  return (
    <section aria-labelledby="visit-picker-title" className="visit-picker">
      <h2 id="visit-picker-title">Which visit?</h2>
      <p>EveryDose was opened without a visit. Choose the visit to work on.</p>
      <ul>
        {visits.map((v) => (
          <li key={v.encounterId}>
            <span>{v.place ?? 'Place not recorded'}</span>
            {' · '}
            <span>{STATUS_WORDS[v.status] ?? v.status}</span>{' '}
            <button type="button" onClick={() => onOpen(v)}>
              {openLabel(v)}
            </button>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p>
          {more} older {more === 1 ? 'visit is' : 'visits are'} not listed; open them from the
          chart.
        </p>
      ) : null}
    </section>
  );
}

export function VisitPicker({
  children,
  today,
  beside,
}: {
  children: ReactNode;
  today?: string;
  /** Shown under the list while no visit is open (the patient's administrations today). */
  beside?: ReactNode;
}) {
  const gateway = useGateway();
  const visits = usePatientVisits();
  // undefined: nothing chosen yet (the visit of the day may open by itself); null: the user
  // asked for the list.
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const day = today ?? todayLocal();
  // A cancelled or entered-in-error visit is listed, never opened by itself.
  const todays =
    visits.data?.visits.filter((v) => v.date === day && !NOT_HELD.includes(v.status)) ?? [];
  const auto = todays.length === 1 ? todays[0]?.encounterId : undefined;
  const open = chosen === null ? undefined : (chosen ?? auto);
  const patientId = gateway.launch.patientId;
  const visitGateway = useMemo(
    () =>
      open && patientId ? gatewayForVisit(gateway, { patientId, encounterId: open }) : undefined,
    [gateway, open, patientId],
  );
  if (visitGateway && open) {
    const visit = visits.data?.visits.find((v) => v.encounterId === open);
    return (
      <>
        {visits.data && visits.data.visits.length > 1 ? (
          <nav className="visit-nav" aria-label="Visits">
            <span>{visit ? `Visit of ${visitWords(visit)}` : 'Visit chosen'}</span>{' '}
            <button type="button" onClick={() => setChosen(null)}>
              Choose another visit
            </button>
          </nav>
        ) : null}
        <GatewayContext.Provider value={visitGateway} key={open}>
          {children}
        </GatewayContext.Provider>
      </>
    );
  }
  if (visits.isPending) return <LoadingMessage label="Reading this patient’s visits…" />;
  if (visits.error)
    return (
      <ErrorMessage
        title="This patient’s visits could not be read."
        message={plainErrorMessage(visits.error)}
        onRetry={() => void visits.refetch()}
      />
    );
  return (
    <>
      {visits.data.visits.length === 0 ? (
        <EmptyMessage>
          The EHR has no visit for this patient. Open EveryDose from the visit in the chart.
        </EmptyMessage>
      ) : (
        <VisitList {...visits.data} onOpen={(v) => setChosen(v.encounterId)} />
      )}
      {beside}
    </>
  );
}
