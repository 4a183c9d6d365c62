import { describe, expect, it } from 'vitest';
import { accessFor, parseResourceScope, type Permission } from './smart-scopes.ts';

describe('parseResourceScope', () => {
  it.each([
    ['patient/Claim.cu', 'patient', 'Claim', 'cu'],
    ['user/Medication.rs', 'user', 'Medication', 'rs'],
    ['patient/*.read', 'patient', '*', 'rs'],
    ['user/Claim.write', 'user', 'Claim', 'cud'],
    ['system/*.*', 'system', '*', 'cruds'],
    ['patient/Observation.rs?category=laboratory', 'patient', 'Observation', 'rs'],
  ])('%s', (scope, level, type, perms) => {
    const parsed = parseResourceScope(scope);
    expect(parsed?.level).toBe(level);
    expect(parsed?.type).toBe(type);
    expect([...(parsed?.permissions ?? [])].sort().join('')).toBe(perms.split('').sort().join(''));
  });

  it.each([
    'launch',
    'openid',
    'patient/Claim.',
    'patient/Claim.sr',
    'patient/Claim.x',
    'group/Claim.rs',
  ])('rejects %s', (scope) => expect(parseResourceScope(scope)).toBeUndefined());
});

describe('accessFor', () => {
  const granted = [
    'patient/MedicationAdministration.rs',
    'patient/Claim.cu',
    'user/Medication.rs',
    'user/Claim.r',
  ];
  it.each<[string, Permission, ReturnType<typeof accessFor>]>([
    ['MedicationAdministration', 's', { allowed: true, compartment: true }],
    ['MedicationAdministration', 'u', { allowed: false }],
    ['Claim', 'c', { allowed: true, compartment: true }],
    ['Claim', 'r', { allowed: true, compartment: false }],
    ['Medication', 'r', { allowed: true, compartment: false }],
    ['Medication', 'c', { allowed: false }],
    ['Patient', 'r', { allowed: false }],
  ])('%s.%s', (type, perm, expected) => {
    expect(accessFor(granted, type, perm)).toEqual(expected);
  });
});
