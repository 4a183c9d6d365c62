// An ordered drug not yet started: one tap records its start (a new administration).
import { useId, useState } from 'react';
import type { OrderRow } from './chair-model.ts';
import { doseText, recordsSentence } from './chair-text.ts';
import { PlannedWarning } from './planned-warning.tsx';
import { checkStart } from './time-checks.ts';
import { TimePanel } from './time-panel.tsx';

export interface OrderCardProps {
  order: OrderRow;
  now: () => Date;
  onStart: (order: OrderRow, at: Date) => void;
  /** An instant on the visit's day (issue 14 §1); undefined when not known. */
  visitDay?: string | undefined;
}

export function OrderCard({ order, now, onStart, visitDay }: OrderCardProps) {
  const id = useId();
  const [panel, setPanel] = useState<{ initial: Date; confirmNow: boolean } | undefined>();
  const name = order.drug.name;
  const dose = doseText(order.drug.dose);
  const check = (at: Date) => checkStart({ start: at, stop: undefined, now: now(), visitDay });
  const oneTap = () => {
    const at = now();
    if (check(at).length === 0) onStart(order, at);
    else setPanel({ initial: at, confirmNow: true });
  };
  const sr = (
    <>
      {' '}
      <span className="sr-only">for {name}</span>
    </>
  );
  return (
    <article aria-labelledby={`${id}-name`} className="chair-card">
      <h4 id={`${id}-name`}>{name}</h4>
      <div className="facts">
        <span className="chair-status">Ordered, not started</span>
        {dose && <span>Dose {dose}</span>}
      </div>
      <PlannedWarning requestId={order.request.id} />
      {!panel ? (
        <div className="chair-actions">
          <button type="button" className="primary" onClick={oneTap}>
            Record start time now{sr}
          </button>
          <button type="button" onClick={() => setPanel({ initial: now(), confirmNow: false })}>
            Pick start time{sr}
          </button>
        </div>
      ) : (
        <TimePanel
          kind="start"
          drugName={name}
          initial={panel.initial}
          confirmNow={panel.confirmNow}
          check={check}
          describe={(at) => recordsSentence(at, undefined)}
          onSave={(at) => {
            setPanel(undefined);
            onStart(order, at);
          }}
          onCancel={() => setPanel(undefined)}
        />
      )}
    </article>
  );
}
