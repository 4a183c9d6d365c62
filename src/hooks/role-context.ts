// Which screen the user works in (nurse, clinician, coder); switchable.
import { createContext, useContext } from 'react';
import type { AppRole } from '../fhir/extensions.ts';

export interface RoleState {
  role: AppRole | undefined;
  setRole: (role: AppRole) => void;
  /** true while the role is still being looked up (PractitionerRole). */
  resolving?: boolean;
}

export const RoleContext = createContext<RoleState>({
  role: undefined,
  setRole: () => undefined,
});

export function useRole(): RoleState {
  return useContext(RoleContext);
}
