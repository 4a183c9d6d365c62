// queryOptions factories, one per request (house habit 5).
import { queryOptions } from '@tanstack/react-query';
import type { Patient } from 'fhir/r4';
import type { FhirGateway } from '../gateway.ts';
import { loadBillingPicture, type LoadProgress } from '../load/load-billing-picture.ts';
import { fetchUserRoles } from '../load/user-roles.ts';
import { authorName, readSignOffs, type SignOffRecord } from '../write/sign-off-record.ts';
import { fhirKeys } from './keys.ts';

export function capabilitiesQuery(gateway: FhirGateway) {
  return queryOptions({
    queryKey: fhirKeys.capabilities(gateway.launch),
    queryFn: () => gateway.capabilities(),
    staleTime: Infinity,
  });
}

export function patientQuery(gateway: FhirGateway) {
  const id = gateway.launch.patientId;
  return queryOptions({
    queryKey: fhirKeys.patient(gateway.launch),
    queryFn: async () => (id ? (await gateway.read<Patient>('Patient', id)).resource : null),
  });
}

export function billingPictureQuery(
  gateway: FhirGateway,
  onProgress?: (progress: LoadProgress) => void,
) {
  return queryOptions({
    queryKey: fhirKeys.billingPicture(gateway.launch),
    queryFn: () => loadBillingPicture(gateway, { onProgress }),
  });
}

/** The app roles the user's PractitionerRoles give (APP_ROLE_SYSTEM codings); [] for non-practitioners. */
export function userRoleQuery(gateway: FhirGateway) {
  return queryOptions({
    queryKey: fhirKeys.userRoles(gateway.launch),
    queryFn: () => fetchUserRoles(gateway),
    staleTime: Infinity,
  });
}

/** Who signed the Claim off and when (newest first), with the authors' names. */
export function signOffsQuery(gateway: FhirGateway, claimId: string) {
  return queryOptions({
    queryKey: fhirKeys.signOffs(gateway.launch, claimId),
    queryFn: async (): Promise<(SignOffRecord & { authorName: string })[]> => {
      const records = await readSignOffs(gateway, claimId);
      const names = new Map<string, string>();
      for (const author of new Set(records.map((r) => r.author)))
        names.set(author, await authorName(gateway, author));
      return records.map((r) => ({ ...r, authorName: names.get(r.author) ?? r.author }));
    },
  });
}
