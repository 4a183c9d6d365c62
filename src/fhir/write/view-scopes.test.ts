// Least privilege of the clinic-wide screens (issue 17): user-level reads, no patient context,
// the board only the nurse's writes, the dashboard none.
import { describe, expect, it } from 'vitest';
import { viewScopeStringFor } from './view-scopes.ts';

describe('clinic-wide screen scopes', () => {
  it.each([
    // Issue 14 §1: every nurse write has its Provenance, so the board creates Provenance too.
    [
      'board',
      ['user/MedicationAdministration.cu', 'user/Provenance.c'],
      ['user/Claim.cu', 'user/Provenance.cu'],
    ],
    ['dashboard', [], ['user/MedicationAdministration.cu', 'user/Claim.cu', 'user/Provenance.c']],
  ] as const)('%s: writes %j and never %j', (view, writes, never) => {
    const scopes = viewScopeStringFor(view, undefined).split(' ');
    expect(scopes).toEqual(expect.arrayContaining(['launch', 'openid', 'fhirUser']));
    expect(scopes).not.toContain('launch/patient');
    expect(scopes.filter((s) => s.startsWith('patient/'))).toEqual([]);
    expect(scopes.filter((s) => !s.endsWith('.rs') && s.includes('/') && s !== 'launch')).toEqual(
      writes,
    );
    for (const s of never) expect(scopes).not.toContain(s);
    for (const t of ['Encounter', 'MedicationAdministration', 'Patient', 'Location'])
      expect(scopes).toContain(`user/${t}.rs`);
  });

  it('the dashboard reads payers’ answers (ClaimResponse, ExplanationOfBenefit)', () => {
    const scopes = viewScopeStringFor('dashboard', undefined).split(' ');
    expect(scopes).toEqual(
      expect.arrayContaining(['user/ClaimResponse.rs', 'user/ExplanationOfBenefit.rs']),
    );
  });
});
