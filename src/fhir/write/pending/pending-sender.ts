// Sends one pending entry and says what happened, in plain words. Updates read the current
// version first: if someone else changed it since the nurse looked, that is a conflict for
// her to decide (never a silent overwrite); the PUT then carries If-Match, so a race ends in
// a 412 and the same choice. A create whose answer was lost is found again by its client id.
import type { MedicationAdministration, Provenance } from 'fhir/r4';
import { isFhirError, type FhirGateway, type ReadResult } from '../../gateway.ts';
import { scopeAllows } from '../../scopes.ts';
import { writeNurseFallback, type NurseFallbackResult } from '../nurse-channels.ts';
import {
  applyNurseChange,
  clientIdSearchValue,
  isChangeApplied,
  type NurseChange,
} from '../medication-administration.ts';
import { buildCorrectionProvenance, isCorrectionProvenance } from '../nurse-provenance.ts';
import { etagOf } from '../../map/chair-model.ts';
import type { PendingEntry } from './pending-types.ts';

export type SendOutcome =
  | { kind: 'sent'; result: ReadResult<MedicationAdministration> }
  | { kind: 'retry'; error: string; delayMs: number | undefined }
  | { kind: 'failed'; error: string }
  | { kind: 'conflict'; theirs: MedicationAdministration; etag: string | undefined }
  /** The EHR does not let apps change the MAR: kept as a chart note or a MAR task list. */
  | { kind: 'noted'; result: NurseFallbackResult };

const MAX_DELAY_MS = 60_000;

/** 2 s, 4 s, 8 s … up to a minute. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, 2000 * 2 ** Math.max(0, attempts - 1));
}

/** Plain words for a failed write, and whether trying again later can help. */
export function explainError(e: unknown): { error: string; retry: boolean; delayMs?: number } {
  if (!isFhirError(e)) {
    return {
      error: 'Something went wrong while saving. It is kept here; try again.',
      retry: false,
    };
  }
  switch (e.kind) {
    case 'network':
      return {
        error: 'No connection to the record system. It will be sent when back online.',
        retry: true,
      };
    case 'server':
      return { error: 'The record system had a problem. Trying again shortly.', retry: true };
    case 'rate-limited': {
      const delayMs = e.retryAfterSeconds !== undefined ? e.retryAfterSeconds * 1000 : undefined;
      return {
        error: 'The record system asked us to wait. Trying again shortly.',
        retry: true,
        ...(delayMs !== undefined ? { delayMs } : {}),
      };
    }
    case 'unauthorized':
      return {
        error: 'Your sign-in has ended. Open the app again from the EHR; this entry is kept.',
        retry: false,
      };
    case 'forbidden':
      return { error: 'You do not have permission to change this record.', retry: false };
    case 'not-found':
      return { error: 'This record is no longer on the server.', retry: false };
    case 'conflict':
      return { error: 'Someone else changed this record.', retry: false };
    case 'invalid':
      return { error: `The record system did not accept this entry. ${e.message}`, retry: false };
  }
}

function fail(e: unknown): SendOutcome {
  const x = explainError(e);
  return x.retry
    ? { kind: 'retry', error: x.error, delayMs: x.delayMs }
    : { kind: 'failed', error: x.error };
}

function idOf(target: string): string | undefined {
  const m = /^MedicationAdministration\/([^/]+)$/.exec(target);
  return m?.[1];
}

async function sendCreate(gateway: FhirGateway, entry: PendingEntry): Promise<SendOutcome> {
  if (!entry.create) return { kind: 'failed', error: 'Nothing to create.' };
  if (entry.attempts > 0 && entry.clientId) {
    const found = await gateway.search('MedicationAdministration', {
      identifier: clientIdSearchValue(entry.clientId),
    });
    const ma = found.find(
      (r): r is MedicationAdministration => r.resourceType === 'MedicationAdministration',
    );
    if (ma) return { kind: 'sent', result: { resource: ma, etag: etagOf(ma) } };
  }
  return { kind: 'sent', result: await gateway.create(entry.create) };
}

/**
 * A correction is done when the record has it AND its Provenance exists (issue 14 §1). The
 * Provenance follows the update; if its answer is lost or it fails, the retry finds the
 * record already corrected and looks for the Provenance before writing it (never two).
 */
async function withProvenance(
  gateway: FhirGateway,
  id: string,
  change: NurseChange,
  result: ReadResult<MedicationAdministration>,
): Promise<SendOutcome> {
  if (change.kind !== 'correct') return { kind: 'sent', result };
  const target = `MedicationAdministration/${id}`;
  const known = await gateway.search('Provenance', { target });
  const found = known.some(
    (r) => r.resourceType === 'Provenance' && isCorrectionProvenance(r, target, change),
  );
  if (!found) await gateway.create<Provenance>(buildCorrectionProvenance(target, change));
  return { kind: 'sent', result };
}

async function sendUpdate(gateway: FhirGateway, entry: PendingEntry): Promise<SendOutcome> {
  const id = idOf(entry.target);
  const change = entry.change;
  if (!id || !change) return { kind: 'failed', error: 'This entry has no record to change.' };
  const current = await gateway.read<MedicationAdministration>('MedicationAdministration', id);
  const etag = current.etag ?? etagOf(current.resource);
  if (isChangeApplied(current.resource, change)) {
    return withProvenance(gateway, id, change, current);
  }
  if (entry.baseEtag && etag && etag !== entry.baseEtag) {
    return { kind: 'conflict', theirs: current.resource, etag };
  }
  const next = { ...applyNurseChange(current.resource, change), id };
  let written: ReadResult<MedicationAdministration>;
  try {
    written = await gateway.update(next, etag ?? entry.baseEtag ?? '*');
  } catch (e) {
    if (marRefused(gateway, e)) {
      const result = await writeNurseFallback(gateway, 'clinical-note', {
        administration: { ...current.resource, id },
        change,
        drugName: undefined,
        author: gateway.launch.fhirUser,
        recorded: new Date().toISOString(),
      });
      return { kind: 'noted', result };
    }
    if (!isFhirError(e) || e.kind !== 'conflict') throw e;
    const fresh = await gateway.read<MedicationAdministration>('MedicationAdministration', id);
    if (isChangeApplied(fresh.resource, change)) {
      return withProvenance(gateway, id, change, fresh);
    }
    return { kind: 'conflict', theirs: fresh.resource, etag: fresh.etag ?? etagOf(fresh.resource) };
  }
  return withProvenance(gateway, id, change, written);
}

/**
 * The EHR refuses MAR changes from apps (docs/write-back.md): 405/501 (the interaction is not
 * offered), or 403 when this launch was not granted the update scope at all.
 */
function marRefused(gateway: FhirGateway, e: unknown): boolean {
  if (!isFhirError(e)) return false;
  if (e.status === 405 || e.status === 501) return true;
  return (
    e.status === 403 &&
    scopeAllows(gateway.launch.grantedScopes, 'MedicationAdministration', 'u') === false
  );
}

export async function sendEntry(gateway: FhirGateway, entry: PendingEntry): Promise<SendOutcome> {
  try {
    return entry.create ? await sendCreate(gateway, entry) : await sendUpdate(gateway, entry);
  } catch (e) {
    return fail(e);
  }
}
