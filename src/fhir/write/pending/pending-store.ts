// The pending entries of one launch, persisted to sessionStorage so a reload keeps them.
// A tiny observable store for useSyncExternalStore.
import type { PendingEntry } from './pending-types.ts';

export const PENDING_STORAGE_KEY = 'everydose.nurse.pending.v1';

function isEntry(v: unknown): v is PendingEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    typeof e.key === 'string' &&
    typeof e.scope === 'string' &&
    typeof e.target === 'string' &&
    typeof e.label === 'string' &&
    (typeof e.change === 'object' || typeof e.create === 'object')
  );
}

export class PendingStore {
  private entries: PendingEntry[];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: Storage | undefined,
    readonly scope: string,
  ) {
    this.entries = this.load();
  }

  private readAll(): PendingEntry[] {
    try {
      const raw = this.storage?.getItem(PENDING_STORAGE_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  /** Entries of this scope; a send cut short by a reload goes back to waiting. */
  private load(): PendingEntry[] {
    return this.readAll()
      .filter((e) => e.scope === this.scope)
      .map((e) => {
        const back: PendingEntry = { ...e };
        if (back.state === 'sending' || back.state === 'conflict') back.state = 'waiting';
        delete back.conflict;
        delete back.nextAttemptAt;
        // A reload inside the undo window keeps the entry held until the window ends.
        if (back.holdUntil !== undefined && back.attempts === 0) {
          back.nextAttemptAt = back.holdUntil;
        }
        return back;
      });
  }

  private persist(): void {
    if (!this.storage) return;
    const others = this.readAll().filter((e) => e.scope !== this.scope);
    const mine = this.entries.map((e) => {
      const kept: PendingEntry = { ...e };
      delete kept.conflict;
      return kept;
    });
    const all = [...others, ...mine];
    try {
      if (all.length === 0) this.storage.removeItem(PENDING_STORAGE_KEY);
      else this.storage.setItem(PENDING_STORAGE_KEY, JSON.stringify(all));
    } catch {
      // Storage full or blocked: entries stay in memory for this page.
    }
  }

  private emit(): void {
    this.persist();
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stable snapshot for useSyncExternalStore. */
  list = (): readonly PendingEntry[] => this.entries;

  get(key: string): PendingEntry | undefined {
    return this.entries.find((e) => e.key === key);
  }

  add(entry: PendingEntry): void {
    this.entries = [...this.entries, entry];
    this.emit();
  }

  update(key: string, patch: Partial<PendingEntry>): void {
    this.entries = this.entries.map((e) => (e.key === key ? { ...e, ...patch } : e));
    this.emit();
  }

  /** Replace every entry at once (used when a confirmed create renames its target). */
  replaceAll(map: (e: PendingEntry) => PendingEntry): void {
    this.entries = this.entries.map(map);
    this.emit();
  }

  remove(key: string): void {
    this.entries = this.entries.filter((e) => e.key !== key);
    this.emit();
  }
}
