// Which screen a user works in: the SMART `intent`, else their PractitionerRole's
// APP_ROLE_SYSTEM coding (shared agreement).
import type { FhirResource } from 'fhir/r4';
import { APP_ROLE_SYSTEM, type AppRole } from '../extensions.ts';

export const APP_ROLES: readonly AppRole[] = ['nurse', 'clinician', 'coder'];

export function isAppRole(value: unknown): value is AppRole {
  return typeof value === 'string' && (APP_ROLES as readonly string[]).includes(value);
}

/** Every app role the user's active PractitionerRoles give (APP_ROLE_SYSTEM codings). */
export function appRolesFromResources(resources: readonly FhirResource[]): AppRole[] {
  const out = new Set<AppRole>();
  for (const r of resources) {
    if (r.resourceType !== 'PractitionerRole' || r.active === false) continue;
    for (const concept of r.code ?? [])
      for (const coding of concept.coding ?? [])
        if (coding.system === APP_ROLE_SYSTEM && isAppRole(coding.code)) out.add(coding.code);
  }
  return APP_ROLES.filter((r) => out.has(r));
}

/** 'Practitioner', 'Patient', 'RelatedPerson', … from the fhirUser reference (absolute or relative). */
export function userType(fhirUser: string | undefined): string | undefined {
  const m = fhirUser ? /([A-Za-z]+)\/[^/]+$/.exec(fhirUser) : null;
  return m?.[1];
}

/**
 * The roles the user may work in (issue "never write wrong data", part 5): for a Practitioner,
 * the launch's SMART `intent` and every role their PractitionerRoles give; for anyone else
 * (Patient, RelatedPerson, unknown user) none — a read-only view.
 */
export function allowedRoles(
  fhirUser: string | undefined,
  intent: string | undefined,
  fromPractitionerRoles: readonly AppRole[],
): AppRole[] {
  if (userType(fhirUser) !== 'Practitioner') return [];
  const out = new Set<AppRole>(fromPractitionerRoles);
  if (isAppRole(intent)) out.add(intent);
  return APP_ROLES.filter((r) => out.has(r));
}
