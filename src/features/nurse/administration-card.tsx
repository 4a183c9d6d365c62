// One administration at the chair: drug, dose, times in local time, a plain status, and the
// one-tap actions that fit its state (record start, record stop, document waste).
import { useId, useState } from 'react';
import type { NurseChange } from '../../fhir/write/medication-administration.ts';
import { readWaste } from '../../fhir/write/medication-administration.ts';
import type { ReferenceData } from '../../reference/types.ts';
import type { AdministrationRow } from '../../fhir/map/chair-model.ts';
import { dateOf, doseText, hoursMinutesText, recordsSentence, whenText } from './chair-text.ts';
import { CorrectPanel } from './correct-panel.tsx';
import { CorrectionList } from './correction-list.tsx';
import { atLocalTime, isSameLocalDay, timeInputValue, toIsoWithOffset } from './local-time.ts';
import { PendingNotes, type PendingActions } from './pending-notes.tsx';
import { RunningFacts } from './running-facts.tsx';
import { clockOnDay } from './running-text.ts';
import type { PendingEntry } from '../../fhir/write/pending/pending-types.ts';
import { checkDisconnect, checkStart, checkStop } from './time-checks.ts';
import {
  hasOwnFacts,
  isOneInstant,
  pumpMinutes,
  ServiceFacts,
  statusWords,
} from './service-facts.tsx';
import { TimePanel } from './time-panel.tsx';
import { noWasteReason } from '../../fhir/map/waste-eligibility.ts';
import { WastePanel } from './waste-panel.tsx';
import { wasteInputs } from './waste-inputs.ts';

type Panel =
  | { kind: 'start' | 'stop' | 'disconnect'; initial: Date; confirmNow: boolean }
  | { kind: 'waste' }
  | { kind: 'correct' }
  | undefined;

export interface AdministrationCardProps {
  row: AdministrationRow;
  pending: readonly PendingEntry[];
  actions: PendingActions;
  reference: ReferenceData | undefined;
  now: () => Date;
  prominent: boolean;
  onChange: (row: AdministrationRow, change: NurseChange) => void;
  /** An instant on the visit's day (issue 14 §1); undefined when not known. */
  visitDay?: string | undefined;
  /** 'Practitioner/<id>' of the nurse: a correction names her; unknown, no correction. */
  author?: string | undefined;
  /** A running pump taken off at `at` (R23.7): the pump's end and a disconnect record. */
  onDisconnect?: (row: AdministrationRow, at: Date) => void;
}

const ATTENTION = new Set(['needs-stop', 'needs-start']);

export function AdministrationCard(props: AdministrationCardProps) {
  const { row, reference, now, onChange } = props;
  const id = useId();
  const [panel, setPanel] = useState<Panel>();
  const name = row.drug.name;
  const dose = doseText(row.drug.dose);
  const timeKind = row.status === 'needs-start' ? 'start' : 'stop';
  const isPump = row.kind === 'pump-start';
  // R21.10: an injection, a flush or a disconnect is one instant, never asked for a stop; a
  // pump is ended by "Record pump disconnect" (R23.7).
  const canTime =
    row.status === 'needs-start' ||
    (!isOneInstant(row) && !isPump && ['running', 'paused', 'needs-stop'].includes(row.status));
  const canDisconnect =
    isPump && !!props.onDisconnect && !!row.start && !row.end && row.status !== 'not-given';
  const finished = row.status === 'done' || row.status === 'stopped-early';
  // Issue 14 §2: never offered on hydration fluids or flushes (engine category, R24 flush).
  const fluid = noWasteReason(
    row.resource,
    row.drug.concepts ?? [],
    reference,
    (row.start ?? row.end ?? now().toISOString()).slice(0, 10),
  );
  // Products, suggestion and figures from the engine (drug-wastage; issue 18 §1).
  const waste = wasteInputs(row, reference);
  const canWaste = finished && !fluid && !waste.onlyMultiDose;

  const { visitDay } = props;
  const check = (kind: 'start' | 'stop' | 'disconnect') => (at: Date) => {
    if (kind === 'disconnect' || (isPump && kind === 'stop')) {
      const plannedMinutes = row.plannedMinutes;
      return checkDisconnect({ start: row.start, stop: at, now: now(), plannedMinutes, visitDay });
    }
    return kind === 'stop'
      ? checkStop({ start: row.start, stop: at, now: now(), isInfusion: row.isInfusion, visitDay })
      : checkStart({ start: at, stop: row.end, now: now(), visitDay });
  };
  const describe = (kind: 'start' | 'stop' | 'disconnect') => (at: Date) => {
    if (kind === 'disconnect' || (isPump && kind === 'stop')) {
      const ran = pumpMinutes(row, at);
      return ran !== undefined && ran > 0
        ? `This records the pump disconnect on ${whenText(at)}, ${hoursMinutesText(ran)} after its start.`
        : `This records the pump disconnect on ${whenText(at)}.`;
    }
    return kind === 'stop'
      ? recordsSentence(dateOf(row.start), at)
      : recordsSentence(at, dateOf(row.end));
  };
  const onServer = !row.ref.startsWith('local:');
  const canCorrect = onServer && (row.start !== undefined || row.end !== undefined);

  const saveTime = (kind: 'start' | 'stop', at: Date, stoppedEarly: boolean) => {
    setPanel(undefined);
    const iso = toIsoWithOffset(at);
    onChange(row, kind === 'start' ? { kind, at: iso } : { kind, at: iso, stoppedEarly });
  };

  // A picked time falls on the day the infusion started (an earlier day's record), else today.
  const pickInitial = (): Date => {
    const current = now();
    if (!row.start || isSameLocalDay(row.start, current)) return current;
    const day = new Date(Date.parse(row.start));
    return atLocalTime(day, timeInputValue(current)) ?? current;
  };

  const oneTap = (kind: 'start' | 'stop') => {
    const at = now();
    if (check(kind)(at).length === 0) saveTime(kind, at, false);
    else setPanel({ kind, initial: at, confirmNow: true });
  };
  const disconnect = (at: Date) => {
    setPanel(undefined);
    props.onDisconnect?.(row, at);
  };
  const disconnectNow = () => {
    const at = now();
    if (check('disconnect')(at).length === 0) disconnect(at);
    else setPanel({ kind: 'disconnect', initial: at, confirmNow: true });
  };

  const sr = (
    <>
      {' '}
      <span className="sr-only">for {name}</span>
    </>
  );

  return (
    <article
      aria-labelledby={`${id}-name`}
      className={`chair-card ${props.prominent ? 'running' : ''} ${ATTENTION.has(row.status) ? 'attention' : ''}`}
    >
      <h4 id={`${id}-name`}>{name}</h4>
      <div className="facts">
        <span className="chair-status">{statusWords(row)}</span>
        {dose && <span>Dose {dose}</span>}
        {hasOwnFacts(row) ? (
          <ServiceFacts row={row} now={now()} />
        ) : (
          <>
            <span>Started {clockOnDay(row.start, now()) ?? 'not recorded'}</span>
            {(row.end || finished) && (
              <span>Stopped {clockOnDay(row.end, now()) ?? 'not recorded'}</span>
            )}
          </>
        )}
        {row.wasteDocumented && <span>Waste documented</span>}
        {row.ref.startsWith('local:') && <span>Not yet on the server</span>}
      </div>
      <RunningFacts row={row} now={now()} />
      <CorrectionList resource={row.resource} />
      <PendingNotes entries={props.pending} actions={props.actions} />
      {!panel && (canTime || canDisconnect || canWaste || canCorrect) && (
        <div className="chair-actions">
          {canDisconnect && (
            <button type="button" className="primary" onClick={disconnectNow}>
              Record pump disconnect{sr}
            </button>
          )}
          {canTime && (
            <>
              <button
                type="button"
                className={canDisconnect ? undefined : 'primary'}
                onClick={() => oneTap(timeKind)}
              >
                Record {timeKind} time now{sr}
              </button>
              <button
                type="button"
                onClick={() =>
                  setPanel({ kind: timeKind, initial: pickInitial(), confirmNow: false })
                }
              >
                Pick {timeKind} time{sr}
              </button>
            </>
          )}
          {canWaste && (
            <button
              type="button"
              // One primary action per card: the time or disconnect comes first.
              className={canTime || canDisconnect ? undefined : 'primary'}
              onClick={() => setPanel({ kind: 'waste' })}
            >
              {row.wasteDocumented ? 'Change waste' : 'Document waste'}
              {sr}
            </button>
          )}
          {canCorrect && (
            <button type="button" onClick={() => setPanel({ kind: 'correct' })}>
              Correct time{sr}
            </button>
          )}
        </div>
      )}
      {panel?.kind === 'correct' && (
        <CorrectPanel
          drugName={name}
          start={row.start}
          end={row.end}
          author={props.author}
          now={now}
          check={check}
          describe={describe}
          onSave={(change) => {
            setPanel(undefined);
            onChange(row, change);
          }}
          onCancel={() => setPanel(undefined)}
        />
      )}
      {panel?.kind === 'disconnect' && (
        <TimePanel
          kind="stop"
          noun="disconnect time"
          drugName={name}
          initial={panel.initial}
          confirmNow={panel.confirmNow}
          check={check('disconnect')}
          describe={describe('disconnect')}
          onSave={(at) => disconnect(at)}
          onCancel={() => setPanel(undefined)}
        />
      )}
      {(panel?.kind === 'start' || panel?.kind === 'stop') && (
        <TimePanel
          kind={panel.kind}
          drugName={name}
          initial={panel.initial}
          confirmNow={panel.confirmNow}
          check={check(panel.kind)}
          describe={describe(panel.kind)}
          onSave={(at, early) => saveTime(panel.kind === 'start' ? 'start' : 'stop', at, early)}
          onCancel={() => setPanel(undefined)}
        />
      )}
      {panel?.kind === 'waste' && (
        <WastePanel
          drugName={name}
          doseLabel={dose}
          products={waste.products}
          documented={row.containers}
          recorded={readWaste(row.resource).discarded}
          suggestion={waste.suggestion}
          figures={waste.figures}
          dose={waste.dose}
          onSave={(containers, discarded) => {
            setPanel(undefined);
            onChange(row, { kind: 'waste', containers, discarded });
          }}
          onCancel={() => setPanel(undefined)}
        />
      )}
    </article>
  );
}
