// Runs the pending entries: one at a time, in the order the nurse made them for any one
// record; retried with backoff and whenever the device comes back online. Nothing is dropped
// unless the nurse says so (keep theirs, discard) or the server confirmed it.
import type { MedicationAdministration } from 'fhir/r4';
import type { FhirGateway } from '../../gateway.ts';
import type { NurseFallbackResult } from '../nurse-channels.ts';
import { etagOf } from '../../map/chair-model.ts';
import { backoffMs, sendEntry } from './pending-sender.ts';
import type { PendingStore } from './pending-store.ts';
import type { PendingEntry } from './pending-types.ts';

export interface QueueClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: QueueClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface QueueOptions {
  store: PendingStore;
  gateway: FhirGateway;
  /** After the server confirmed an entry (invalidate queries here). */
  onSent: (resource: MedicationAdministration) => void;
  /** The change went to a chart note or a MAR task list instead (docs/write-back.md). */
  onNoted?: (result: NurseFallbackResult, entry: PendingEntry) => void;
  /**
   * What became of an entry the queue tried to send (issue 17 §5, every tap confirms what was
   * saved): the server accepted it, it is kept on the device for a later try, or it failed.
   */
  onReport?: (report: QueueReport) => void;
  clock?: QueueClock;
  /** navigator.onLine; when false no send is tried until the online event. */
  isOnline?: () => boolean;
}

export type QueueReport =
  | { kind: 'sent'; entry: PendingEntry; resource: MedicationAdministration }
  | { kind: 'held'; entry: PendingEntry }
  | { kind: 'noted'; entry: PendingEntry; result: NurseFallbackResult }
  | { kind: 'failed'; entry: PendingEntry };

/** An entry may go when no earlier entry for the same record is still unconfirmed. */
function blocked(entry: PendingEntry, earlier: readonly PendingEntry[]): boolean {
  return earlier.some((e) => e.target === entry.target);
}

export class PendingQueue {
  private readonly clock: QueueClock;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: unknown;
  private stopped = false;

  constructor(private readonly opts: QueueOptions) {
    this.clock = opts.clock ?? realClock;
  }

  private online(): boolean {
    return this.opts.isOnline ? this.opts.isOnline() : true;
  }

  /** (Re)start after stop(): React may mount the same queue twice. */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Try now: after a new entry, the online event, a timer, or the nurse's "try again". */
  kick = (): void => {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run();
  };

  /** Resolves when the current round of sending is over (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private next(): PendingEntry | undefined {
    const entries = this.opts.store.list();
    const now = this.clock.now();
    return entries.find(
      (e, i) =>
        e.state === 'waiting' && (e.nextAttemptAt ?? 0) <= now && !blocked(e, entries.slice(0, i)),
    );
  }

  private schedule(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    const waits = this.opts.store
      .list()
      .filter((e) => e.state === 'waiting' && e.nextAttemptAt !== undefined)
      .map((e) => e.nextAttemptAt ?? 0);
    if (waits.length === 0 || this.stopped) return;
    const delay = Math.max(0, Math.min(...waits) - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.kick();
    }, delay);
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    try {
      do {
        this.again = false;
        for (let e = this.next(); e && this.online() && !this.stopped; e = this.next()) {
          await this.sendOne(e);
        }
      } while (this.again && !this.stopped);
    } finally {
      this.running = undefined;
      this.schedule();
    }
  }

  private async sendOne(entry: PendingEntry): Promise<void> {
    const { store } = this.opts;
    store.update(entry.key, { state: 'sending' });
    const outcome = await sendEntry(this.opts.gateway, entry);
    if (this.stopped) {
      store.update(entry.key, { state: 'waiting' });
      return;
    }
    const attempts = entry.attempts + 1;
    switch (outcome.kind) {
      case 'sent': {
        const { resource } = outcome.result;
        const etag = outcome.result.etag ?? etagOf(resource);
        const confirmed = resource.id ? `MedicationAdministration/${resource.id}` : entry.target;
        store.remove(entry.key);
        store.replaceAll((e) =>
          e.target === entry.target
            ? { ...e, target: confirmed, ...(etag ? { baseEtag: etag } : {}) }
            : e,
        );
        this.opts.onSent(resource);
        this.opts.onReport?.({ kind: 'sent', entry, resource });
        return;
      }
      case 'noted':
        store.remove(entry.key);
        this.opts.onNoted?.(outcome.result, entry);
        this.opts.onReport?.({ kind: 'noted', entry, result: outcome.result });
        return;
      case 'retry':
        store.update(entry.key, {
          state: 'waiting',
          attempts,
          error: outcome.error,
          nextAttemptAt: this.clock.now() + (outcome.delayMs ?? backoffMs(attempts)),
        });
        this.opts.onReport?.({ kind: 'held', entry });
        return;
      case 'failed':
        store.update(entry.key, { state: 'failed', attempts, error: outcome.error });
        this.opts.onReport?.({ kind: 'failed', entry });
        return;
      case 'conflict':
        store.update(entry.key, {
          state: 'conflict',
          attempts,
          error: 'Someone else changed this record since you opened it.',
          conflict: { theirs: outcome.theirs, etag: outcome.etag },
        });
        this.opts.onReport?.({ kind: 'failed', entry });
        return;
    }
  }

  /** Keep mine: re-apply the nurse's entry on the fresh version (its new ETag). */
  keepMine(key: string): void {
    const e = this.opts.store.get(key);
    if (!e?.conflict) return;
    this.opts.store.update(key, {
      state: 'waiting',
      attempts: 0,
      conflict: undefined,
      error: undefined,
      nextAttemptAt: undefined,
      ...(e.conflict.etag ? { baseEtag: e.conflict.etag } : {}),
    });
    this.kick();
  }

  /** Keep theirs, or discard a failed entry: the nurse's entry is dropped. */
  drop(key: string): void {
    this.opts.store.remove(key);
    this.kick();
  }

  /**
   * Undo: an entry not sent yet is dropped; dropping a new administration drops the entries
   * made on it too (they have no record to go to). Once sending began it is too late: the
   * nurse corrects the record instead ("Correct time").
   */
  undo(key: string): boolean {
    const e = this.opts.store.get(key);
    if (!e || e.state !== 'waiting' || e.attempts > 0) return false;
    this.opts.store.remove(key);
    if (e.create) {
      for (const other of this.opts.store.list()) {
        if (other.target === e.target) this.opts.store.remove(other.key);
      }
    }
    this.kick();
    return true;
  }

  retry(key: string): void {
    this.opts.store.update(key, { state: 'waiting', nextAttemptAt: undefined });
    this.kick();
  }
}
