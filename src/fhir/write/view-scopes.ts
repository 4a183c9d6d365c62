// Scopes of the clinic-wide screens (issue 17), opened without a patient in context, so their
// reads are user-level. Least privilege per screen:
//   board     — what a nurse's launch reads, for every chair of the day, and only the nurse's
//               writes (the chair view opened from the board records stop times and waste,
//               each with its Provenance naming the nurse, issue 14 §1; never a Claim);
//   dashboard — reads only: the visits, their records and claims over a date range; no writes.
import type { CapabilityStatement } from 'fhir/r4';
import { PATIENT_READ_TYPES, USER_READ_TYPES } from '../scopes.ts';
import { nurseScopesFor } from './channel-scopes.ts';

export type ClinicView = 'board' | 'dashboard';

export function isClinicView(value: unknown): value is ClinicView {
  return value === 'board' || value === 'dashboard';
}

const VIEW_LAUNCH_SCOPES = ['launch', 'openid', 'fhirUser', 'online_access'] as const;

/** The dashboard reads payers' answers to past claims (denial reasons); ExplanationOfBenefit is
 * one of the patient read types since the coder's visit reads it too (issue 17 §4). */
const DASHBOARD_EXTRA_TYPES = ['ExplanationOfBenefit'] as const;

const user = (types: readonly string[]) => types.map((t) => `user/${t}.rs`);

export function viewScopeStringFor(view: ClinicView, cs: CapabilityStatement | undefined): string {
  const reads = [...user(PATIENT_READ_TYPES), ...user(USER_READ_TYPES)];
  if (view === 'dashboard')
    return [...new Set([...VIEW_LAUNCH_SCOPES, ...reads, ...user(DASHBOARD_EXTRA_TYPES)])].join(
      ' ',
    );
  const writes = nurseScopesFor(cs).map((s) => s.replace(/^patient\//, 'user/'));
  return [...VIEW_LAUNCH_SCOPES, ...reads, ...writes].join(' ');
}
