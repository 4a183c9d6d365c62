// Sends one pending entry and says what happened, in plain words. Updates read the current
// version first: if someone else changed it since the nurse looked, that is a conflict for
// her to decide (never a silent overwrite); the PUT then carries If-Match, so a race ends in
// a 412 and the same choice. A create whose answer was lost is found again by its client id.
import type { MedicationAdministration, Provenance } from 'fhir/r4';
import { isChannelRefused, isFhirError, type FhirGateway, type ReadResult } from '../../gateway.ts';
import { scopeAllows } from '../../scopes.ts';
import { writeNurseFallback, type NurseFallbackResult } from '../nurse-channels.ts';
import {
  applyNurseChange,
  clientIdSearchValue,
  isChangeApplied,
  type NurseChange,
} from '../medication-administration.ts';
import {
  buildNurseProvenance,
  isNurseProvenanceFor,
  nurseProvenanceInput,
  type NurseProvenanceInput,
} from '../nurse-provenance.ts';
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

/**
 * Every nurse write is done when the record has it AND its Provenance naming the nurse exists
 * (issue 14 §1; start, stop, waste, correction, injection, port flush, pump refill, pump
 * disconnect). The Provenance follows the write; if its answer is lost or it fails, the retry
 * finds the record already written and looks for the Provenance before writing it (never two).
 * A correction's Provenance is required (its failure is the entry's). For the other writes an
 * EHR that does not take Provenance from this launch (scope not granted, or 403/404/405/501)
 * leaves the record saved without one: the record itself names the nurse as performer.
 */
async function ensureProvenance(
  gateway: FhirGateway,
  target: string,
  input: NurseProvenanceInput | undefined,
  required: boolean,
): Promise<void> {
  if (!input) return;
  if (!required && scopeAllows(gateway.launch.grantedScopes, 'Provenance', 'c') === false) return;
  try {
    const known = await gateway.search('Provenance', { target }).catch((e: unknown) => {
      if (!required && isChannelRefused(e)) return [];
      throw e;
    });
    const found = known.some(
      (r) => r.resourceType === 'Provenance' && isNurseProvenanceFor(r, target, input),
    );
    if (!found) await gateway.create<Provenance>(buildNurseProvenance(target, input));
  } catch (e) {
    if (required || !isChannelRefused(e)) throw e;
  }
}

/** The nurse and the instant of an entry (entries kept from before these fields: the launch's user, the write's own time). */
function whoOf(gateway: FhirGateway, entry: PendingEntry, fallback: string | undefined) {
  return {
    author: entry.author ?? gateway.launch.fhirUser,
    recorded: entry.recorded ?? fallback ?? new Date().toISOString(),
  };
}

async function createdWithProvenance(
  gateway: FhirGateway,
  entry: PendingEntry & { create: MedicationAdministration },
  result: ReadResult<MedicationAdministration>,
): Promise<SendOutcome> {
  const id = result.resource.id;
  if (id) {
    const created = entry.create;
    const at = created.effectiveDateTime ?? created.effectivePeriod?.start;
    const input = nurseProvenanceInput({ created }, whoOf(gateway, entry, at));
    await ensureProvenance(gateway, `MedicationAdministration/${id}`, input, false);
  }
  return { kind: 'sent', result };
}

async function sendCreate(gateway: FhirGateway, entry: PendingEntry): Promise<SendOutcome> {
  const create = entry.create;
  if (!create) return { kind: 'failed', error: 'Nothing to create.' };
  const withCreate = { ...entry, create };
  if (entry.attempts > 0 && entry.clientId) {
    const found = await gateway.search('MedicationAdministration', {
      identifier: clientIdSearchValue(entry.clientId),
    });
    const ma = found.find(
      (r): r is MedicationAdministration => r.resourceType === 'MedicationAdministration',
    );
    if (ma) return createdWithProvenance(gateway, withCreate, { resource: ma, etag: etagOf(ma) });
  }
  return createdWithProvenance(gateway, withCreate, await gateway.create(create));
}

async function withProvenance(
  gateway: FhirGateway,
  entry: PendingEntry,
  id: string,
  change: NurseChange,
  result: ReadResult<MedicationAdministration>,
): Promise<SendOutcome> {
  const at = change.kind === 'start' || change.kind === 'stop' ? change.at : undefined;
  const input = nurseProvenanceInput({ change }, whoOf(gateway, entry, at));
  await ensureProvenance(
    gateway,
    `MedicationAdministration/${id}`,
    input,
    change.kind === 'correct',
  );
  return { kind: 'sent', result };
}

async function sendUpdate(gateway: FhirGateway, entry: PendingEntry): Promise<SendOutcome> {
  const id = idOf(entry.target);
  const change = entry.change;
  if (!id || !change) return { kind: 'failed', error: 'This entry has no record to change.' };
  const current = await gateway.read<MedicationAdministration>('MedicationAdministration', id);
  const etag = current.etag ?? etagOf(current.resource);
  if (isChangeApplied(current.resource, change)) {
    return withProvenance(gateway, entry, id, change, current);
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
      return withProvenance(gateway, entry, id, change, fresh);
    }
    return { kind: 'conflict', theirs: fresh.resource, etag: fresh.etag ?? etagOf(fresh.resource) };
  }
  return withProvenance(gateway, entry, id, change, written);
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
