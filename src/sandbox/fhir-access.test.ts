import { describe, expect, it } from 'vitest';
import { classify } from './fhir-access.ts';
import type { HttpMethod } from './fhir-store.ts';

describe('classify', () => {
  it.each<[HttpMethod, string, string, string | undefined, string | undefined]>([
    ['GET', '/Patient/p1', 'read', 'Patient', 'p1'],
    ['GET', '/Patient/p1/_history/2', 'read', 'Patient', 'p1'],
    ['GET', '/MedicationAdministration', 'search', 'MedicationAdministration', undefined],
    ['POST', '/MedicationAdministration/_search', 'search', 'MedicationAdministration', undefined],
    ['POST', '/Claim', 'create', 'Claim', undefined],
    ['PUT', '/Claim/c1', 'update', 'Claim', 'c1'],
    ['PATCH', '/Claim/c1', 'update', 'Claim', 'c1'],
    ['DELETE', '/Claim/c1', 'delete', 'Claim', 'c1'],
    ['POST', '/', 'batch', undefined, undefined],
    ['GET', '/', 'other', undefined, undefined],
    ['PUT', '/Claim', 'other', 'Claim', undefined],
    ['POST', '/$graphql', 'other', undefined, undefined],
    ['GET', '/Patient/$everything', 'other', 'Patient', undefined],
  ])('%s %s → %s', (method, path, kind, type, id) => {
    expect(classify(method, path)).toEqual({ kind, type, id });
  });
});
