// queryOptions factories, one per request (house habit 5).
import { queryOptions } from '@tanstack/react-query';
import type { Patient } from 'fhir/r4';
import type { FhirGateway } from '../gateway.ts';
import { loadBillingPicture, type LoadProgress } from '../load/load-billing-picture.ts';
import { appRoleFromResources } from '../load/app-role.ts';
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

/** The user's app role from their PractitionerRole (APP_ROLE_SYSTEM coding), or null. */
export function userRoleQuery(gateway: FhirGateway) {
  const user = gateway.launch.fhirUser;
  return queryOptions({
    queryKey: fhirKeys.userRoles(gateway.launch),
    queryFn: async () =>
      user?.startsWith('Practitioner/')
        ? appRoleFromResources(await gateway.search('PractitionerRole', { practitioner: user }))
        : null,
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
