// React binding of the pending queue: entries as state, sends on mount, on the browser's
// `online` event and on a backoff timer; remembers the versions the server confirmed so the
// screen never flickers back to an older one while the picture reloads.
import type { MedicationAdministration } from 'fhir/r4';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { FhirGateway } from '../fhir/gateway.ts';
import type { NurseChange } from '../fhir/write/medication-administration.ts';
import type { NurseFallbackResult } from '../fhir/write/nurse-channels.ts';
import {
  PendingQueue,
  type QueueClock,
  type QueueReport,
} from '../fhir/write/pending/pending-queue.ts';
import { PendingStore } from '../fhir/write/pending/pending-store.ts';
import type { PendingEntry } from '../fhir/write/pending/pending-types.ts';

export interface PendingQueueOptions {
  gateway: FhirGateway;
  onSent: (resource: MedicationAdministration) => void;
  storage?: Storage | undefined;
  clock?: QueueClock;
  newKey?: () => string;
  /** How long a new entry waits on the device before it is sent, so it can be undone. */
  undoMs?: number;
  /** Each send's outcome, for the chair's confirmation ("Saved: …", issue 17 §5). */
  onReport?: (report: QueueReport) => void;
}

/** An entry the EHR took as a chart note, or that became a MAR task list (docs/write-back.md). */
export interface NotedEntry {
  key: string;
  label: string;
  result: NurseFallbackResult;
}

export interface PendingApi {
  entries: readonly PendingEntry[];
  /** Entries saved outside the MAR this session, newest last. */
  noted: readonly NotedEntry[];
  /** Server-confirmed versions by 'MedicationAdministration/<id>'. */
  confirmed: ReadonlyMap<string, MedicationAdministration>;
  addChange(target: string, baseEtag: string | undefined, change: NurseChange, label: string): void;
  addCreate(resource: MedicationAdministration, clientId: string, label: string): void;
  keepMine(key: string): void;
  keepTheirs(key: string): void;
  retry(key: string): void;
  discard(key: string): void;
  /** Take back an entry not yet sent (and, for a new administration, what was entered on it). */
  undo(key: string): void;
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** A v4 UUID; randomUUID needs a secure context, getRandomValues does not. */
export function newUuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function usePendingQueue(opts: PendingQueueOptions): PendingApi {
  const { gateway } = opts;
  const storage = opts.storage ?? defaultStorage();
  const scope = `${gateway.launch.serverUrl}|${gateway.launch.patientId ?? ''}`;
  const store = useMemo(() => new PendingStore(storage, scope), [storage, scope]);
  const [confirmed, setConfirmed] = useState<ReadonlyMap<string, MedicationAdministration>>(
    () => new Map(),
  );
  const [noted, setNoted] = useState<readonly NotedEntry[]>([]);
  const onSentRef = useRef(opts.onSent);
  const onReportRef = useRef(opts.onReport);
  useEffect(() => {
    onSentRef.current = opts.onSent;
    onReportRef.current = opts.onReport;
  });
  const clock = opts.clock;
  const queue = useMemo(
    () =>
      new PendingQueue({
        store,
        gateway,
        ...(clock ? { clock } : {}),
        isOnline: () => globalThis.navigator?.onLine !== false,
        onSent: (resource) => {
          if (resource.id) {
            setConfirmed((m) =>
              new Map(m).set(`MedicationAdministration/${resource.id}`, resource),
            );
          }
          onSentRef.current(resource);
        },
        onReport: (report) => onReportRef.current?.(report),
        onNoted: (result, entry) => {
          setNoted((list) => [...list, { key: entry.key, label: entry.label, result }]);
        },
      }),
    [store, gateway, clock],
  );
  useEffect(() => {
    queue.start();
    const online = () => queue.kick();
    globalThis.addEventListener?.('online', online);
    return () => {
      globalThis.removeEventListener?.('online', online);
      queue.stop();
    };
  }, [queue]);

  const entries = useSyncExternalStore(store.subscribe, store.list, store.list);
  const newKey = opts.newKey ?? newUuid;
  const undoMs = opts.undoMs ?? 0;
  // Held entries go after the undo window (issue 14 §1: the write is delayed, never reverted).
  const hold = useCallback((): Partial<PendingEntry> => {
    if (undoMs <= 0) return {};
    const until = (clock?.now() ?? Date.now()) + undoMs;
    return { holdUntil: until, nextAttemptAt: until };
  }, [undoMs, clock]);
  // Who made the entry and when: every nurse write's Provenance names her (pending-sender.ts).
  const madeBy = useCallback((): Partial<PendingEntry> => {
    const author = gateway.launch.fhirUser;
    return {
      ...(author ? { author } : {}),
      recorded: new Date(clock?.now() ?? Date.now()).toISOString(),
    };
  }, [gateway, clock]);

  const addChange = useCallback(
    (target: string, baseEtag: string | undefined, change: NurseChange, label: string) => {
      store.add({
        key: newKey(),
        scope,
        target,
        ...(baseEtag ? { baseEtag } : {}),
        change,
        label,
        state: 'waiting',
        attempts: 0,
        ...madeBy(),
        ...hold(),
      });
      queue.kick();
    },
    [store, queue, scope, newKey, hold, madeBy],
  );
  const addCreate = useCallback(
    (resource: MedicationAdministration, clientId: string, label: string) => {
      store.add({
        key: newKey(),
        scope,
        target: `local:${clientId}`,
        create: resource,
        clientId,
        label,
        state: 'waiting',
        attempts: 0,
        ...madeBy(),
        ...hold(),
      });
      queue.kick();
    },
    [store, queue, scope, newKey, hold, madeBy],
  );

  return {
    entries,
    noted,
    confirmed,
    addChange,
    addCreate,
    keepMine: (key) => queue.keepMine(key),
    keepTheirs: (key) => queue.drop(key),
    retry: (key) => queue.retry(key),
    discard: (key) => queue.drop(key),
    undo: (key) => queue.undo(key),
  };
}
