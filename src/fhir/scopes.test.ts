import { describe, expect, it } from 'vitest';
import { canSearch, REQUESTED_SCOPES, scopeAllows, scopeString } from './scopes.ts';

describe('requested scopes', () => {
  it('asks for launch context, identity, reads and the three writes only', () => {
    const s = scopeString().split(' ');
    expect(s).toEqual(expect.arrayContaining(['launch', 'openid', 'fhirUser', 'online_access']));
    expect(s).toContain('patient/MedicationAdministration.rs');
    expect(s).toContain('user/MedicationKnowledge.rs');
    expect(s.filter((x) => /\.(c|cu|u|d)$/.test(x))).toEqual([
      'patient/MedicationAdministration.cu',
      'patient/Claim.cu',
      'patient/Provenance.c',
    ]);
    expect(s.some((x) => x.includes('*'))).toBe(false);
  });
});

describe('reading the granted scopes', () => {
  it.each([
    [['patient/Claim.rs'], 'Claim', true],
    [['patient/Claim.r'], 'Claim', false],
    [['patient/Claim.read'], 'Claim', true],
    [['user/Claim.cruds'], 'Claim', true],
    [['patient/*.rs'], 'Claim', true],
    [['patient/*.read'], 'Coverage', true],
    [['system/Claim.s'], 'Claim', true],
    [['patient/Claim.rs?use=claim'], 'Claim', true],
    [['patient/Claim.write'], 'Claim', false],
    [['patient/Coverage.rs'], 'Claim', false],
    [['launch', 'openid'], 'Claim', false],
  ])('%j allows searching %s: %s', (granted, type, expected) => {
    expect(canSearch(granted, type)).toBe(expected);
  });

  it('answers "unknown" when the EHR sent no scope list', () => {
    expect(canSearch([], 'Claim')).toBeUndefined();
  });

  it('reads write permissions too', () => {
    expect(scopeAllows(REQUESTED_SCOPES, 'Claim', 'u')).toBe(true);
    expect(scopeAllows(REQUESTED_SCOPES, 'Provenance', 'u')).toBe(false);
  });
});
