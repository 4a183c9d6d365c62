// The nurse's chair screen: running infusions first, then the ordered drugs not yet started,
// then today's timeline. Every entry goes through the pending queue, so nothing is lost to a
// reload, a dropped network or someone else's change.
import { useEffect, useRef, useState } from 'react';
import type { FhirGateway } from '../../fhir/gateway.ts';
import type { LoadedResources } from '../../fhir/load/billing-picture.ts';
import { visitDayOf } from '../../fhir/map/visit-day.ts';
import { plainErrorMessage } from '../../fhir/queries/plain-error.ts';
import {
  newAdministrationFromRequest,
  newInjectionFromRequest,
  newPumpDisconnect,
  newServiceFromRequest,
  type AdministrationRecord,
  type InjectionSite,
  type NewAdministrationInput,
  type NurseChange,
} from '../../fhir/write/medication-administration.ts';
import type { ReferenceData } from '../../reference/types.ts';
import type { Warning } from '../../engine/index.ts';
import { AdministrationCard } from './administration-card.tsx';
import { BillingTodo } from './billing-todo.tsx';
import { buildChairView } from '../../fhir/map/chair-overlay.ts';
import type { AdministrationRow, OrderRow } from '../../fhir/map/chair-model.ts';
import { administrationRow } from '../../fhir/map/chair-model.ts';
import { entryRow } from '../../fhir/map/entry-row.ts';
import { changeLabel, dayClockText } from './chair-text.ts';
import { formatClock } from './local-time.ts';
import { toIsoWithOffset } from './local-time.ts';
import { OrderCard } from './order-card.tsx';
import { PendingNotes } from './pending-notes.tsx';
import { entryWords, savedSentence, type SavedState } from './saved-text.ts';
import { SavedElsewhere } from './saved-elsewhere.tsx';
import type { QueueClock, QueueReport } from '../../fhir/write/pending/pending-queue.ts';
import type { NurseFallbackResult } from '../../fhir/write/nurse-channels.ts';
import { newUuid, usePendingQueue } from '../../hooks/use-pending-queue.ts';
import { useOnline, useTicking } from './use-clock.ts';
import './chair.css';

export interface ChairScreenProps {
  gateway: FhirGateway;
  resources: LoadedResources | undefined;
  isPending: boolean;
  error: unknown;
  /** Read again after a failed load ("Try again"). */
  onRetry?: () => void;
  reference: ReferenceData | undefined;
  /** After the server confirmed a write: refresh the derived lines (invalidateAfterWrite). */
  onWritten: (resource: AdministrationRecord) => void;
  storage?: Storage;
  clock?: QueueClock;
  now?: () => Date;
  newId?: () => string;
  /** The engine's warnings for the launch encounter (what billing still needs). */
  billingWarnings?: readonly Warning[] | undefined;
  /** A plain note, e.g. that orders could not be read. */
  notice?: string | undefined;
  /**
   * The visit's records could not be read; the shell says so once (issue 14 part 7), so the chair
   * shows no alert of its own and never "All entries saved.".
   */
  readFailed?: boolean;
  /**
   * How long each entry is held on the device before it is sent, so "Undo" can take it back
   * (issue 14 §1). 0: sent at once, no Undo.
   */
  undoMs?: number;
}

/** Held entries are shown with "Undo" for this long in the app (docs/nurse.md). */
export const UNDO_MS = 6000;

/** Re-render when the earliest undo window ends, so "Undo" goes away on time. */
function useHoldTimer(holds: readonly (number | undefined)[]): void {
  const [, setTick] = useState(0);
  const next = Math.min(...holds.filter((h): h is number => h !== undefined && h > Date.now()));
  useEffect(() => {
    if (!Number.isFinite(next)) return undefined;
    const t = setTimeout(() => setTick((n) => n + 1), Math.max(0, next - Date.now()) + 50);
    return () => clearTimeout(t);
  }, [next]);
}

const defaultNow = () => new Date();

/**
 * The one polite live region's confirmation (issue 17 §5): "Saved: …" once the server accepted
 * an entry, "Saved on this device, not yet sent: …" while it is kept for a later try; cleared
 * when a send failed (the entry's own alert says why).
 */
function useSavedMessage(resources: LoadedResources | undefined) {
  const [said, setSaid] = useState<string | undefined>(undefined);
  const resourcesRef = useRef(resources);
  useEffect(() => {
    resourcesRef.current = resources;
  });
  const say = (
    state: SavedState,
    change: NurseChange | undefined,
    row: AdministrationRow | undefined,
    noted?: NurseFallbackResult,
  ) => setSaid(row ? savedSentence(state, entryWords(change, row), noted) : undefined);
  const onReport = (report: QueueReport) => {
    const all = resourcesRef.current ?? [];
    const { entry } = report;
    switch (report.kind) {
      case 'sent':
        return say('sent', entry.change, entryRow(entry, all, report.resource));
      case 'held':
        return say('held', entry.change, entryRow(entry, all));
      case 'noted':
        return say('noted', entry.change, entryRow(entry, all), report.result);
      case 'failed':
        return setSaid(undefined);
    }
  };
  return { said, say, onReport };
}

export function ChairScreen(props: ChairScreenProps) {
  const { gateway, resources, reference } = props;
  const now = useTicking(props.now ?? defaultNow);
  const online = useOnline();
  const newId = props.newId ?? newUuid;
  const saved = useSavedMessage(resources);
  const pending = usePendingQueue({
    onReport: saved.onReport,
    gateway,
    onSent: props.onWritten,
    storage: props.storage,
    ...(props.clock ? { clock: props.clock } : {}),
    newKey: newId,
    undoMs: props.undoMs ?? 0,
  });
  useHoldTimer(pending.entries.map((e) => e.holdUntil));
  const { launch } = gateway;
  const today = now();
  // Rebuilt each render (a few dozen rows): the clock, entries and resources all move it.
  const view = buildChairView(
    resources ?? [],
    { patientId: launch.patientId, encounterId: launch.encounterId, now: today },
    pending.entries,
    pending.confirmed,
  );

  // Offline, nothing is tried until the connection returns: the entry is kept on the device.
  const keptOffline = (change: NurseChange | undefined, row: AdministrationRow) => {
    if (!online) saved.say('held', change, row);
  };
  const keptNew = (ma: AdministrationRecord, clientId: string) =>
    keptOffline(undefined, administrationRow(`local:${clientId}`, ma, resources ?? []));
  const record = (row: AdministrationRow, change: NurseChange) => {
    pending.addChange(
      row.ref,
      row.ref.startsWith('local:') ? undefined : row.etag,
      change,
      changeLabel(change),
    );
    keptOffline(change, row);
  };
  const encounter = launch.encounterId ? `Encounter/${launch.encounterId}` : undefined;
  const fromOrder = (order: OrderRow, at: Date): NewAdministrationInput | undefined =>
    launch.patientId
      ? {
          request: order.request,
          patient: `Patient/${launch.patientId}`,
          encounter,
          performer: launch.fhirUser,
          at: toIsoWithOffset(at),
          clientId: newId(),
        }
      : undefined;
  const start = (order: OrderRow, at: Date) => {
    const input = fromOrder(order, at);
    if (!input) return;
    const ma = newAdministrationFromRequest(input);
    pending.addCreate(ma, input.clientId, changeLabel({ kind: 'start', at: input.at }));
    keptNew(ma, input.clientId);
  };
  // Issue 15 §5: an injection is one instant at a site (R21.10, R26.3).
  const given = (order: OrderRow, at: Date, site: InjectionSite, onBodyInjector: boolean) => {
    const input = fromOrder(order, at);
    if (!input) return;
    const ma = newInjectionFromRequest({ ...input, site, onBodyInjector });
    const device = onBodyInjector ? ', on-body injector' : '';
    const label = `Injection given ${formatClock(input.at) ?? ''}, ${site.words.toLowerCase()}${device}`;
    pending.addCreate(ma, input.clientId, label);
    keptNew(ma, input.clientId);
  };
  // R23.6, R24, R26.4: a port flush or a pump refill, one instant, its method.
  const flush = (order: OrderRow, at: Date) => {
    const input = fromOrder(order, at);
    if (!input) return;
    const refill = order.kind === 'pump-refill';
    const ma = newServiceFromRequest(input, refill ? 'pump-refill' : 'port-flush');
    const words = refill ? 'Pump refill' : 'Port flush';
    pending.addCreate(ma, input.clientId, `${words} ${formatClock(input.at) ?? ''}`.trim());
    keptNew(ma, input.clientId);
  };
  // R23.7, R26.1: the pump's record gets its end (If-Match on its version) and the disconnect
  // is its own record on its own date, in this visit.
  const disconnect = (row: AdministrationRow, at: Date) => {
    if (!launch.patientId) return;
    const iso = toIsoWithOffset(at);
    const clientId = newId();
    const end = `Pump ended ${dayClockText(iso) ?? ''}`.trim();
    pending.addChange(row.ref, row.etag, { kind: 'stop', at: iso }, end);
    const ma = newPumpDisconnect({
      pump: row.resource,
      pumpRef: row.ref,
      patient: `Patient/${launch.patientId}`,
      encounter,
      performer: launch.fhirUser,
      at: iso,
      clientId,
    });
    pending.addCreate(ma, clientId, `Pump disconnect ${dayClockText(iso) ?? ''}`.trim());
    keptNew(ma, clientId);
  };

  const visitDay = visitDayOf(resources ?? [], launch.encounterId, today);
  const rows = [...view.running, ...view.timeline];
  const shown = new Set(rows.map((r) => r.ref));
  const names = new Map(rows.map((r) => [r.ref, r.drug.name]));
  const orphans = pending.entries.filter((e) => !shown.has(e.target));
  const waiting = pending.entries.length;
  const card = (row: AdministrationRow, prominent: boolean) => (
    <li key={row.ref}>
      <AdministrationCard
        row={row}
        pending={view.pendingByRef.get(row.ref) ?? []}
        actions={pending}
        reference={reference}
        now={now}
        prominent={prominent}
        onChange={record}
        visitDay={visitDay}
        author={launch.fhirUser}
        onDisconnect={row.ref.startsWith('local:') ? undefined : disconnect}
      />
    </li>
  );
  const hasError = props.error !== undefined && props.error !== null;
  const loading = props.isPending && resources === undefined && !props.readFailed;
  // "All entries saved." only once the records are read (never while loading or after a failed
  // read, issue 17 §5); entries still waiting are always counted.
  const summary =
    waiting > 0
      ? `${waiting} ${waiting === 1 ? 'entry' : 'entries'} not yet saved.`
      : loading
        ? 'Loading today’s records…'
        : resources !== undefined && !hasError && !props.readFailed
          ? 'All entries saved.'
          : undefined;
  const nothing =
    !hasError &&
    resources !== undefined &&
    view.running.length + view.timeline.length + view.orders.length === 0;

  return (
    <section className="chair" aria-labelledby="chair-title">
      <h2 id="chair-title">Chair: today&apos;s infusions</h2>
      {!online && (
        <p className="chair-banner" role="status">
          Offline. Your entries are kept on this device and sent when the connection returns.
        </p>
      )}
      {/* The chair's one polite live region: what was saved, then what is still waiting. */}
      <div className="chair-saved" role="status" aria-live="polite">
        {saved.said ? <p>{saved.said}</p> : null}
        {summary ? <p>{summary}</p> : null}
      </div>
      {hasError && (
        <p className="chair-warning" role="alert">
          Could not load today&apos;s records. {plainErrorMessage(props.error)}
          {props.onRetry ? (
            <>
              {' '}
              <button type="button" onClick={props.onRetry}>
                Try again
              </button>
            </>
          ) : null}
        </p>
      )}
      <SavedElsewhere noted={pending.noted} />
      <BillingTodo warnings={props.billingWarnings} names={names} />
      {view.running.length > 0 && (
        <section aria-labelledby="chair-running">
          <h3 id="chair-running">Running now</h3>
          <ul>{view.running.map((r) => card(r, true))}</ul>
        </section>
      )}
      {view.orders.length > 0 && (
        <section aria-labelledby="chair-orders">
          <h3 id="chair-orders">Ordered, not started</h3>
          <ul>
            {view.orders.map((o) => (
              <li key={o.request.id}>
                <OrderCard
                  order={o}
                  now={now}
                  onStart={start}
                  onGiven={given}
                  onFlush={flush}
                  visitDay={visitDay}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
      {view.timeline.length > 0 && (
        <section aria-labelledby="chair-timeline">
          <h3 id="chair-timeline">Today&apos;s timeline</h3>
          <ol>{view.timeline.map((r) => card(r, false))}</ol>
        </section>
      )}
      {nothing && <p>No infusions or orders for this visit today.</p>}
      {props.notice && <p className="chair-banner">{props.notice}</p>}
      {orphans.length > 0 && (
        <section aria-labelledby="chair-kept">
          <h3 id="chair-kept">Kept on this device</h3>
          <PendingNotes entries={orphans} actions={pending} />
        </section>
      )}
    </section>
  );
}
