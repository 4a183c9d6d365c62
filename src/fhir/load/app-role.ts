// Which screen a user works in: the SMART `intent`, else their PractitionerRole's
// APP_ROLE_SYSTEM coding (shared agreement).
import type { FhirResource } from 'fhir/r4';
import { APP_ROLE_SYSTEM, type AppRole } from '../extensions.ts';

export const APP_ROLES: readonly AppRole[] = ['nurse', 'clinician', 'coder'];

export function isAppRole(value: unknown): value is AppRole {
  return typeof value === 'string' && (APP_ROLES as readonly string[]).includes(value);
}

export function appRoleFromResources(resources: readonly FhirResource[]): AppRole | null {
  for (const r of resources) {
    if (r.resourceType !== 'PractitionerRole' || r.active === false) continue;
    for (const concept of r.code ?? [])
      for (const coding of concept.coding ?? [])
        if (coding.system === APP_ROLE_SYSTEM && isAppRole(coding.code)) return coding.code;
  }
  return null;
}
