// The charge nurse's board screen (launched with intent "board", issue 17 §2): the board, and the
// chair view of a patient tapped on it (banner, the nurse's chair screen, the visit's
// administrations) on the same session with that visit's context. Back returns to the board.
import { lazy, Suspense, useMemo, useState } from 'react';
import { PatientBanner } from '../components/patient-banner.tsx';
import { LoadingMessage } from '../components/status-message.tsx';
import type { BoardChair } from '../fhir/map/board-chairs.ts';
import { gatewayForVisit } from '../fhir/visit-gateway.ts';
import { GatewayContext, useGateway } from '../hooks/gateway-context.ts';
import { usePatientSummary } from '../hooks/use-patient-summary.ts';
import { VisitAdministrations } from './visit-administrations.tsx';

const BoardView = lazy(() =>
  import('../features/board/board-view.tsx').then((m) => ({ default: m.BoardView })),
);
const NurseView = lazy(() =>
  import('../features/nurse/nurse-view.tsx').then((m) => ({ default: m.NurseView })),
);

function Banner() {
  const patient = usePatientSummary();
  return patient.data ? <PatientBanner {...patient.data} /> : null;
}

export function BoardShell() {
  const gateway = useGateway();
  const [open, setOpen] = useState<BoardChair | undefined>(undefined);
  const visitGateway = useMemo(
    () =>
      open?.patientId
        ? gatewayForVisit(gateway, { patientId: open.patientId, encounterId: open.encounterId })
        : undefined,
    [gateway, open],
  );
  return (
    <div className="app">
      <header className="app-header">
        <h1>EveryDose</h1>
      </header>
      <main>
        <div hidden={open !== undefined}>
          <Suspense fallback={<LoadingMessage label="Opening the board…" />}>
            <BoardView onOpen={setOpen} />
          </Suspense>
        </div>
        {open && visitGateway ? (
          <section aria-label={`Chair view of ${open.patient}`}>
            <nav className="visit-nav" aria-label="Board">
              <button type="button" onClick={() => setOpen(undefined)}>
                Back to the board
              </button>
              <span>
                {open.chair ?? 'No chair recorded'} · {open.patient}
              </span>
            </nav>
            <GatewayContext.Provider value={visitGateway}>
              <Banner />
              <Suspense fallback={<LoadingMessage label="Opening the chair view…" />}>
                <NurseView />
              </Suspense>
              <VisitAdministrations />
            </GatewayContext.Provider>
          </section>
        ) : null}
      </main>
    </div>
  );
}
