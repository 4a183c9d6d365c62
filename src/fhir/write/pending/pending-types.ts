// An entry the nurse made that the server has not confirmed yet. Kept in sessionStorage
// (never localStorage: it names a patient's record) with only what a retry needs.
import type { MedicationAdministration } from 'fhir/r4';
import type { NurseChange } from '../medication-administration.ts';

export type PendingState = 'waiting' | 'sending' | 'failed' | 'conflict';

export interface PendingConflict {
  /** The server's current version, changed by someone else since the nurse saw it. */
  theirs: MedicationAdministration;
  etag: string | undefined;
}

export interface PendingEntry {
  /** Local id of the entry. */
  key: string;
  /** serverUrl + patient: entries of another launch are never shown or sent. */
  scope: string;
  /** 'MedicationAdministration/<id>', or 'local:<clientId>' until the create is confirmed. */
  target: string;
  /** ETag of the version the nurse saw when she made the entry. */
  baseEtag?: string;
  /** What to change (update entries). */
  change?: NurseChange;
  /** What to create (create entries; target is 'local:<clientId>'). */
  create?: MedicationAdministration;
  clientId?: string;
  /** 'Practitioner/<id>' of the nurse who made the entry: her write's Provenance names her. */
  author?: string;
  /** When she made it, ISO: the Provenance's instant, the same on every retry. */
  recorded?: string;
  /** Plain words for the nurse: "Stop time 10:42". */
  label: string;
  state: PendingState;
  attempts: number;
  /** Epoch ms before which no retry is made. */
  nextAttemptAt?: number;
  /**
   * Epoch ms until which a new entry is held on the device so the nurse can take it back
   * ("Undo", issue 14 §1); it is sent after that (nextAttemptAt is the same instant).
   */
  holdUntil?: number;
  /** Why the last try failed, in plain words. */
  error?: string;
  /** Set while a 412 waits for the nurse's choice (not persisted). */
  conflict?: PendingConflict;
}
