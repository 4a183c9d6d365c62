// The user's role, only ever one the EHR gives them (issue "never write wrong data", part 5): the
// launch's SMART `intent` and the user's PractitionerRoles for a Practitioner; none for a Patient
// or RelatedPerson (read-only). The gateway below it re-checks the role before every write.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppRole } from '../fhir/extensions.ts';
import { allowedRoles, isAppRole, userType } from '../fhir/load/app-role.ts';
import { fetchUserRoles } from '../fhir/load/user-roles.ts';
import { userRoleQuery } from '../fhir/queries/options.ts';
import { roleGuardedGateway } from '../fhir/write/role-guard.ts';
import { GatewayContext, useGateway } from '../hooks/gateway-context.ts';
import { RoleContext, type RoleState } from '../hooks/role-context.ts';

export function RoleProvider({ children }: { children: ReactNode }) {
  const gateway = useGateway();
  const queryClient = useQueryClient();
  const { intent, fhirUser } = gateway.launch;
  const practitioner = userType(fhirUser) === 'Practitioner';
  const fromIntent = practitioner && isAppRole(intent) ? intent : undefined;
  const fromUser = useQuery({ ...userRoleQuery(gateway), enabled: practitioner });
  const allowed = useMemo(
    () => allowedRoles(fhirUser, intent, fromUser.data ?? []),
    [fhirUser, intent, fromUser.data],
  );
  const [chosen, setChosen] = useState<AppRole | undefined>(undefined);
  const role =
    (chosen && allowed.includes(chosen) ? chosen : undefined) ??
    fromIntent ??
    (allowed.length === 1 ? allowed[0] : undefined);
  const resolving = practitioner && role === undefined && fromUser.isPending;
  const error = role === undefined && practitioner ? fromUser.error : null;
  const readOnly = !resolving && !error && allowed.length === 0;

  const roleRef = useRef(role);
  roleRef.current = role;
  const guarded = useMemo(
    () =>
      roleGuardedGateway(
        gateway,
        () => roleRef.current,
        () => fetchUserRoles(gateway),
      ),
    [gateway],
  );
  const value = useMemo<RoleState>(
    () => ({
      role,
      setRole: (r: AppRole) => {
        if (allowed.includes(r)) setChosen(r);
      },
      resolving,
      allowed,
      readOnly,
      error,
      retry: () =>
        void queryClient.invalidateQueries({ queryKey: userRoleQuery(gateway).queryKey }),
    }),
    [role, resolving, allowed, readOnly, error, queryClient, gateway],
  );
  return (
    <GatewayContext.Provider value={guarded}>
      <RoleContext.Provider value={value}>{children}</RoleContext.Provider>
    </GatewayContext.Provider>
  );
}
