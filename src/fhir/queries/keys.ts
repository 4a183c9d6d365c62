// Query-key factory (house habit 5). Every key starts with [serverUrl, patientId] so two
// launches (two servers, two patients) never share cache.
import type { LaunchContext } from '../gateway.ts';

export const fhirKeys = {
  all: (launch: LaunchContext) => [launch.serverUrl, launch.patientId ?? null] as const,
  capabilities: (launch: LaunchContext) => [...fhirKeys.all(launch), 'capabilities'] as const,
  patient: (launch: LaunchContext) => [...fhirKeys.all(launch), 'patient'] as const,
  billingPicture: (launch: LaunchContext) =>
    [...fhirKeys.all(launch), 'billing-picture', launch.encounterId ?? null] as const,
  userRoles: (launch: LaunchContext) =>
    [...fhirKeys.all(launch), 'user-roles', launch.fhirUser ?? null] as const,
  referenceData: (launch: LaunchContext) => [...fhirKeys.all(launch), 'reference-data'] as const,
  signOffs: (launch: LaunchContext, claimId: string) =>
    [...fhirKeys.all(launch), 'sign-offs', claimId] as const,
};

/** Keys that no write of ours can change (server facts, the user, built-in data). */
export const WRITE_INDEPENDENT_KEYS: readonly string[] = [
  'capabilities',
  'user-roles',
  'reference-data',
];
