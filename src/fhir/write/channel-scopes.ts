// The write scopes to ask for: only what the best channel of each action needs (issue #19,
// docs/write-back.md). The CapabilityStatement is public, so the launch page reads it before
// authorizing; without it the app asks for the writes of the full channel set, as before.
import type { CapabilityStatement } from 'fhir/r4';
import {
  REQUESTED_SCOPES,
  USER_READ_TYPES,
  WORKLIST_LAUNCH_SCOPES,
  WORKLIST_READ_TYPES,
  WRITE_SCOPES,
} from '../scopes.ts';
import {
  coderChannelFrom,
  nurseChannelFrom,
  type CoderChannel,
  type NurseChannel,
} from './channels.ts';
import { writeSupport } from './write-support.ts';

const NURSE_SCOPES: Record<NurseChannel, readonly string[]> = {
  'administration-update': ['patient/MedicationAdministration.cu'],
  'clinical-note': ['patient/DocumentReference.c'],
  'task-list': [],
};

const CODER_SCOPES: Record<CoderChannel, readonly string[]> = {
  'draft-claim': ['patient/Claim.cu', 'patient/Provenance.c'],
  // rs: the charges entered at an earlier sign-off are found again and modified.
  'charge-items': ['patient/ChargeItem.crs'],
  'coding-note': ['patient/DocumentReference.c'],
  download: [],
};

/**
 * The nurse's writes on this EHR. Every MAR write has its Provenance naming the nurse (issue 14
 * §1), so the MAR channel asks for Provenance create too where the EHR offers it (unknown
 * statement: asked, the server decides): a launch without the coder's writes (the charge nurse
 * board) still records who wrote each entry.
 */
export function nurseScopesFor(cs: CapabilityStatement | undefined): string[] {
  const support = writeSupport(cs, []);
  const nurse = cs ? nurseChannelFrom(support).channel : 'administration-update';
  const provenance =
    nurse === 'administration-update' && (!cs || support.create('Provenance'))
      ? ['patient/Provenance.c']
      : [];
  return [...NURSE_SCOPES[nurse], ...provenance];
}

export function writeScopesFor(cs: CapabilityStatement | undefined): string[] {
  if (!cs) return [...WRITE_SCOPES];
  const coder = coderChannelFrom(writeSupport(cs, []), false).channel;
  return [...new Set([...nurseScopesFor(cs), ...CODER_SCOPES[coder]])];
}

/** The whole scope string for this EHR: launch, identity and reads as always, writes by channel. */
export function scopeStringFor(cs: CapabilityStatement | undefined): string {
  const reads = REQUESTED_SCOPES.filter((s) => !(WRITE_SCOPES as readonly string[]).includes(s));
  return [...reads, ...writeScopesFor(cs)].join(' ');
}

/**
 * The coder's worklist launch: user-level reads of what the worklist reads, and only the coder's
 * writes (at user level: no patient is in context), by the coder channel this EHR offers.
 */
export function worklistScopeStringFor(cs: CapabilityStatement | undefined): string {
  const coder = cs ? coderChannelFrom(writeSupport(cs, []), false).channel : 'draft-claim';
  return [
    ...WORKLIST_LAUNCH_SCOPES,
    ...WORKLIST_READ_TYPES.map((t) => `user/${t}.rs`),
    ...USER_READ_TYPES.map((t) => `user/${t}.rs`),
    ...CODER_SCOPES[coder].map((s) => s.replace(/^patient\//, 'user/')),
  ].join(' ');
}
