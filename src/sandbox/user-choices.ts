// The launcher's and the standalone picker's user choice: the three staff roles (each signed in
// as its Practitioner) and the patient themself. One list, so both pages offer the same users.
import { PATIENT_USER_CHOICE, ROLE_USERS } from './launch-registry.ts';

/** Radio buttons named `role`, the nurse checked. */
export function userChoiceRadios(): string {
  const roles = (['nurse', 'clinician', 'coder'] as const)
    .map(
      (r, i) =>
        `<label><input type="radio" name="role" value="${r}"${i === 0 ? ' checked' : ''}> ${r} (Practitioner/${ROLE_USERS[r]})</label>`,
    )
    .join('');
  // The patient themself as the signed-in user (fhirUser Patient/<chosen patient>, read-only).
  const self = `<label><input type="radio" name="role" value="${PATIENT_USER_CHOICE}"> patient user (the chosen Patient, read-only)</label>`;
  return roles + self;
}
