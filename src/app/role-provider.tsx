// The user's role: the launch's SMART `intent`, else their PractitionerRole, else they pick.
// Switchable at any time.
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import type { AppRole } from '../fhir/extensions.ts';
import { isAppRole } from '../fhir/load/app-role.ts';
import { userRoleQuery } from '../fhir/queries/options.ts';
import { useGateway } from '../hooks/gateway-context.ts';
import { RoleContext, type RoleState } from '../hooks/role-context.ts';

export function RoleProvider({ children }: { children: ReactNode }) {
  const gateway = useGateway();
  const intent = gateway.launch.intent;
  const fromIntent = isAppRole(intent) ? intent : undefined;
  const fromUser = useQuery({ ...userRoleQuery(gateway), enabled: fromIntent === undefined });
  const [chosen, setChosen] = useState<AppRole | undefined>(undefined);
  const role = chosen ?? fromIntent ?? fromUser.data ?? undefined;
  const resolving = role === undefined && fromIntent === undefined && fromUser.isPending;
  const value = useMemo<RoleState>(
    () => ({ role, setRole: setChosen, resolving }),
    [role, resolving],
  );
  return <RoleContext.Provider value={value}>{children}</RoleContext.Provider>;
}
