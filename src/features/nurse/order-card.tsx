// An ordered drug not yet given. The engine's kind of service decides the recording (issue 15
// §5): an injection is "Given now" at a site (one instant, R21.10), a port flush is recorded
// as done (R24, R26.4), everything else (infusions, pushes, pumps) records its start.
import { useId, useState } from 'react';
import type { InjectionSite } from '../../fhir/write/medication-administration.ts';
import type { OrderRow } from '../../fhir/map/chair-model.ts';
import { doseText, recordsSentence } from './chair-text.ts';
import { GivenPanel } from './given-panel.tsx';
import { PlannedWarning } from './planned-warning.tsx';
import { checkStart } from './time-checks.ts';
import { TimePanel } from './time-panel.tsx';

export interface OrderCardProps {
  order: OrderRow;
  now: () => Date;
  onStart: (order: OrderRow, at: Date) => void;
  /** An ordered injection given at `at` at `site`. */
  onGiven?: (order: OrderRow, at: Date, site: InjectionSite, onBodyInjector: boolean) => void;
  /** An ordered port flush or pump refill done at `at` (one instant). */
  onFlush?: (order: OrderRow, at: Date) => void;
  /** An instant on the visit's day (issue 14 §1); undefined when not known. */
  visitDay?: string | undefined;
}

type Panel =
  { kind: 'start' | 'flush'; initial: Date; confirmNow: boolean } | { kind: 'given'; at: Date };

const KIND_WORDS: Partial<Record<OrderRow['kind'], string>> = {
  injection: 'Injection',
  'pump-start': 'Pump',
  'port-flush': 'Port flush',
  'pump-refill': 'Pump refill',
};

export function OrderCard({ order, now, onStart, onGiven, onFlush, visitDay }: OrderCardProps) {
  const id = useId();
  const [panel, setPanel] = useState<Panel | undefined>();
  const name = order.drug.name;
  const dose = doseText(order.drug.dose);
  const check = (at: Date) => checkStart({ start: at, stop: undefined, now: now(), visitDay });
  const injection = order.kind === 'injection' && onGiven !== undefined;
  // R23.6/R24: a port flush or a pump refill is done at one time, never started and stopped.
  const flush = (order.kind === 'port-flush' || order.kind === 'pump-refill') && !!onFlush;
  const flushWords = order.kind === 'pump-refill' ? 'pump refill' : 'port flush';
  const oneTap = (kind: 'start' | 'flush') => {
    const at = now();
    if (check(at).length > 0) return setPanel({ kind, initial: at, confirmNow: true });
    if (kind === 'flush') onFlush?.(order, at);
    else onStart(order, at);
  };
  const sr = (
    <>
      {' '}
      <span className="sr-only">for {name}</span>
    </>
  );
  const kindWords = KIND_WORDS[order.kind];
  return (
    <article aria-labelledby={`${id}-name`} className="chair-card">
      <h4 id={`${id}-name`}>{name}</h4>
      <div className="facts">
        <span className="chair-status">Ordered, not {injection || flush ? 'done' : 'started'}</span>
        {kindWords && (
          <span>
            {kindWords}
            {order.kind === 'injection' && order.routeWords ? `, ${order.routeWords}` : ''}
          </span>
        )}
        {dose && <span>Dose {dose}</span>}
      </div>
      <PlannedWarning requestId={order.request.id} />
      {!panel && (
        <div className="chair-actions">
          {injection && (
            <button
              type="button"
              className="primary"
              onClick={() => setPanel({ kind: 'given', at: now() })}
            >
              Given now{sr}
            </button>
          )}
          {flush && (
            <button type="button" className="primary" onClick={() => oneTap('flush')}>
              Record {flushWords}
              {sr}
            </button>
          )}
          {!injection && !flush && (
            <>
              <button type="button" className="primary" onClick={() => oneTap('start')}>
                Record start time now{sr}
              </button>
              <button
                type="button"
                onClick={() => setPanel({ kind: 'start', initial: now(), confirmNow: false })}
              >
                Pick start time{sr}
              </button>
            </>
          )}
        </div>
      )}
      {panel?.kind === 'given' && (
        <GivenPanel
          drugName={name}
          routeWords={order.routeWords}
          at={panel.at}
          check={check}
          onSave={(at, site, onBodyInjector) => {
            setPanel(undefined);
            onGiven?.(order, at, site, onBodyInjector);
          }}
          onCancel={() => setPanel(undefined)}
        />
      )}
      {(panel?.kind === 'start' || panel?.kind === 'flush') && (
        <TimePanel
          kind="start"
          {...(panel.kind === 'flush' ? { noun: `${flushWords} time` } : {})}
          drugName={name}
          initial={panel.initial}
          confirmNow={panel.confirmNow}
          check={check}
          describe={(at) => recordsSentence(at, undefined)}
          onSave={(at) => {
            setPanel(undefined);
            if (panel.kind === 'flush') onFlush?.(order, at);
            else onStart(order, at);
          }}
          onCancel={() => setPanel(undefined)}
        />
      )}
    </article>
  );
}
