// The coder's day: the worklist, and the visit opened from it (banner, administrations, coder
// review) on the same session with that visit's context. "Next visit" follows the list's order
// as it was when the visit was opened; going back shows the list where it was.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { fhirKeys } from '../fhir/queries/keys.ts';
import { gatewayForVisit } from '../fhir/visit-gateway.ts';
import { GatewayContext, useGateway } from '../hooks/gateway-context.ts';
import { WorklistView } from '../features/worklist/worklist-view.tsx';
import { nextVisit, positionText, type WorklistRow } from '../features/worklist/worklist-model.ts';

interface Opened {
  encounter: string;
  encounterId: string;
  patientId: string;
  patientName: string;
}

function openable(rows: readonly WorklistRow[]): Opened[] {
  return rows.flatMap((r) =>
    r.patientId
      ? [
          {
            encounter: r.encounter,
            encounterId: r.encounterId,
            patientId: r.patientId,
            patientName: r.patientName,
          },
        ]
      : [],
  );
}

export function WorklistShell({ queue, visit }: { queue: string | undefined; visit: ReactNode }) {
  const gateway = useGateway();
  const queryClient = useQueryClient();
  const [order, setOrder] = useState<Opened[]>([]);
  const [open, setOpen] = useState<Opened | undefined>(undefined);
  const [last, setLast] = useState<string | undefined>(undefined);
  const visitGateway = useMemo(
    () =>
      open
        ? gatewayForVisit(gateway, { patientId: open.patientId, encounterId: open.encounterId })
        : undefined,
    [gateway, open],
  );
  const refreshList = () =>
    void queryClient.invalidateQueries({
      queryKey: fhirKeys.worklists(gateway.launch),
    });
  const ids = order.map((o) => o.encounter);
  const next = open ? nextVisit(ids, open.encounter) : undefined;
  const nextOpened = next ? order.find((o) => o.encounter === next) : undefined;
  return (
    <>
      <div hidden={open !== undefined}>
        <WorklistView
          queue={queue}
          current={open ? undefined : last}
          onOpen={(row, rows) => {
            const all = openable(rows);
            const chosen = all.find((o) => o.encounter === row.encounter);
            if (!chosen) return;
            setOrder(all);
            setOpen(chosen);
            setLast(chosen.encounter);
          }}
        />
      </div>
      {open && visitGateway ? (
        <section aria-label={`Visit of ${open.patientName}`}>
          <nav className="visit-nav" aria-label="Worklist">
            <button
              type="button"
              onClick={() => {
                setOpen(undefined);
                refreshList();
              }}
            >
              Back to the worklist
            </button>
            <span>{positionText(ids, open.encounter)}</span>
            {nextOpened ? (
              <button
                type="button"
                onClick={() => {
                  setOpen(nextOpened);
                  setLast(nextOpened.encounter);
                  refreshList();
                }}
              >
                Next visit
              </button>
            ) : (
              <span>This is the last visit of the list.</span>
            )}
          </nav>
          <GatewayContext.Provider value={visitGateway} key={open.encounter}>
            {visit}
          </GatewayContext.Provider>
        </section>
      ) : null}
    </>
  );
}
