// The app roles a user's PractitionerRoles give, read from the EHR (fresh on every call: the
// role provider caches it, the write guard asks again just before a write).
import type { AppRole } from '../extensions.ts';
import type { FhirGateway } from '../gateway.ts';
import { appRolesFromResources, userType } from './app-role.ts';

export async function fetchUserRoles(gateway: FhirGateway): Promise<AppRole[]> {
  const user = gateway.launch.fhirUser;
  if (!user || userType(user) !== 'Practitioner') return [];
  const id = user.split('/').pop() ?? '';
  return appRolesFromResources(
    await gateway.search('PractitionerRole', { practitioner: `Practitioner/${id}` }),
  );
}
