// Launch contexts: the launcher (or the standalone picker) decides who the user is and which
// patient and encounter the app opens on; the authorization server carries it into the token.
import { randomUUID } from 'node:crypto';

export type SandboxRole = 'nurse' | 'clinician' | 'coder';

export const ROLE_USERS: Record<SandboxRole, string> = {
  nurse: 'nurse-1',
  clinician: 'clinician-1',
  coder: 'coder-1',
};

export function isSandboxRole(value: unknown): value is SandboxRole {
  return value === 'nurse' || value === 'clinician' || value === 'coder';
}

/** The launcher's and picker's "user" choice for the patient themself (a Patient fhirUser). */
export const PATIENT_USER_CHOICE = 'patient';

/**
 * The sign-in account: a Practitioner's id (`nurse-1`) as before, or `Patient/<id>` for a
 * patient user, so the fhirUser in the id token and the access token names the right type.
 */
export function accountIdOf(launch: Pick<LaunchContext, 'userId' | 'userType'>): string {
  return launch.userType === 'Patient' ? `Patient/${launch.userId}` : launch.userId;
}

/** `Practitioner/nurse-1` or `Patient/pt-1` from an account id. */
export function fhirUserPathOf(accountId: string): string {
  return accountId.startsWith('Patient/') ? accountId : `Practitioner/${accountId}`;
}

export interface LaunchContext {
  /** Id of the user: a Practitioner (e.g. `nurse-1`), or a Patient when `userType` says so. */
  userId: string;
  /** Who signs in: a Practitioner (default) or the patient themself (read-only scopes). */
  userType?: 'Practitioner' | 'Patient';
  patientId: string | undefined;
  encounterId: string | undefined;
  /** SMART `intent` for the token response (role hint). */
  intent: string | undefined;
  needPatientBanner: boolean;
  /** 'List/<id>': a work queue of Encounters, sent as the token's fhirContext (SMART 2.x). */
  workQueue?: string;
  /** Resource types whose scopes the EHR withholds even when the app asks (tests of "not available"). */
  withholdTypes: string[];
}

export class LaunchRegistry {
  private readonly launches = new Map<string, LaunchContext>();

  create(context: LaunchContext): string {
    const id = randomUUID();
    this.launches.set(id, context);
    return id;
  }

  get(id: string): LaunchContext | undefined {
    return this.launches.get(id);
  }

  clear(): void {
    this.launches.clear();
  }
}
