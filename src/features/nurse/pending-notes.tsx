// What is not yet confirmed by the server, on the row it belongs to: waiting, sending, not
// sent (with why, try again, discard), or changed by someone else (both versions, choose).
import {
  applyNurseChange,
  type AdministrationRecord,
} from '../../fhir/write/medication-administration.ts';
import { describeRecord } from './chair-text.ts';
import type { PendingEntry } from '../../fhir/write/pending/pending-types.ts';

export interface PendingActions {
  keepMine(key: string): void;
  keepTheirs(key: string): void;
  retry(key: string): void;
  discard(key: string): void;
  undo(key: string): void;
}

/** Held on the device and never tried yet: the nurse can still take it back (issue 14 §1). */
export function canUndo(e: PendingEntry, nowMs: number): boolean {
  return (
    e.state === 'waiting' && e.attempts === 0 && e.holdUntil !== undefined && nowMs < e.holdUntil
  );
}

function Compare({ entry, theirs }: { entry: PendingEntry; theirs: AdministrationRecord }) {
  const mine = entry.change ? applyNurseChange(theirs, entry.change) : theirs;
  return (
    <div className="chair-compare">
      <section aria-label="Your entry">
        <h5>Your entry</h5>
        <p>{entry.label}</p>
        <ul>
          {describeRecord(mine).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </section>
      <section aria-label="Their version">
        <h5>Their version (now on the server)</h5>
        <ul>
          {describeRecord(theirs).map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function PendingNotes({
  entries,
  actions,
}: {
  entries: readonly PendingEntry[];
  actions: PendingActions;
}) {
  if (entries.length === 0) return null;
  // Re-rendered when a hold ends (the chair screen's timer), so Undo goes away in time.
  const nowMs = Date.now();
  return (
    <ul aria-label="Entries not yet saved">
      {entries.map((e) => (
        <li key={e.key} className={`chair-pending ${e.state}`}>
          {canUndo(e, nowMs) && (
            <div className="chair-actions">
              <p>Saving in a few seconds: {e.label}.</p>
              <button type="button" onClick={() => actions.undo(e.key)}>
                Undo
              </button>
            </div>
          )}
          {e.state === 'waiting' && !canUndo(e, nowMs) && (
            <p>
              Waiting to send: {e.label}.{e.error ? ` ${e.error}` : ''}
            </p>
          )}
          {e.state === 'sending' && <p>Sending: {e.label}…</p>}
          {e.state === 'failed' && (
            <>
              <p role="alert">
                Not saved: {e.label}. {e.error}
              </p>
              <div className="chair-actions">
                <button type="button" className="primary" onClick={() => actions.retry(e.key)}>
                  Try again
                </button>
                <button type="button" onClick={() => actions.discard(e.key)}>
                  Discard this entry
                </button>
              </div>
            </>
          )}
          {e.state === 'conflict' && e.conflict && (
            <>
              <p role="alert">
                Someone else changed this record since you opened it. Choose which to keep.
              </p>
              <Compare entry={e} theirs={e.conflict.theirs} />
              <div className="chair-actions">
                <button type="button" className="primary" onClick={() => actions.keepMine(e.key)}>
                  Keep mine
                </button>
                <button type="button" onClick={() => actions.keepTheirs(e.key)}>
                  Keep theirs
                </button>
              </div>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
