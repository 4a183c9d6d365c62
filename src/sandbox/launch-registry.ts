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

export interface LaunchContext {
  /** Practitioner id of the user (e.g. `nurse-1`). */
  userId: string;
  patientId: string | undefined;
  encounterId: string | undefined;
  /** SMART `intent` for the token response (role hint). */
  intent: string | undefined;
  needPatientBanner: boolean;
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
