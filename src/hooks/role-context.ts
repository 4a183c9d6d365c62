// Which screen the user works in (nurse, clinician, coder), among the roles the EHR gives them.
import { createContext, useContext } from 'react';
import type { AppRole } from '../fhir/extensions.ts';

export interface RoleState {
  role: AppRole | undefined;
  setRole: (role: AppRole) => void;
  /** true while the role is still being looked up (PractitionerRole). */
  resolving?: boolean;
  /** The roles this user may choose ("Working as" lists only these). */
  allowed?: AppRole[];
  /** A Patient, RelatedPerson or a user without any app role: look, never change. */
  readOnly?: boolean;
  /** The user's roles could not be read (the error, in plain words). */
  error?: Error | null;
  /** Ask the EHR for the user's roles again. */
  retry?: () => void;
}

export const RoleContext = createContext<RoleState>({
  role: undefined,
  setRole: () => undefined,
});

export function useRole(): RoleState {
  return useContext(RoleContext);
}
