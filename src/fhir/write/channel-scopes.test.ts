// Issue 14 §1: every nurse write has its Provenance naming the nurse, so the nurse's MAR channel
// asks for Provenance create where the EHR offers it, at the chair and on the board alike.
import type { CapabilityStatement } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { nurseScopesFor, scopeStringFor } from './channel-scopes.ts';
import { viewScopeStringFor } from './view-scopes.ts';

type Listing = Record<string, string[]>;

function statement(types: Listing): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        resource: Object.entries(types).map(([type, codes]) => ({
          type: type as 'Claim',
          interaction: codes.map((code) => ({ code: code as 'create' })),
        })),
      },
    ],
  };
}

const READ = ['read', 'search-type'];
const MAR = { MedicationAdministration: [...READ, 'create', 'update'] };

describe('nurse write scopes: the MAR channel with its Provenance (issue 14 §1)', () => {
  it.each<[string, CapabilityStatement | undefined, string[]]>([
    [
      'MAR update and Provenance create offered',
      statement({ ...MAR, Provenance: [...READ, 'create'] }),
      ['patient/MedicationAdministration.cu', 'patient/Provenance.c'],
    ],
    [
      'boundary: Provenance read only → not asked',
      statement({ ...MAR, Provenance: READ }),
      ['patient/MedicationAdministration.cu'],
    ],
    [
      'no statement read → asked, the server decides',
      undefined,
      ['patient/MedicationAdministration.cu', 'patient/Provenance.c'],
    ],
    [
      'boundary: MAR read only → a chart note, no Provenance',
      statement({
        MedicationAdministration: READ,
        Provenance: [...READ, 'create'],
        DocumentReference: [...READ, 'create'],
      }),
      ['patient/DocumentReference.c'],
    ],
  ])('%s', (_name, cs, scopes) => {
    expect(nurseScopesFor(cs)).toEqual(scopes);
  });

  it('the board asks the same at user level and never for a Claim', () => {
    const cs = statement({ ...MAR, Provenance: [...READ, 'create'], Claim: [...READ, 'create'] });
    const board = viewScopeStringFor('board', cs).split(' ');
    expect(board).toEqual(
      expect.arrayContaining(['user/MedicationAdministration.cu', 'user/Provenance.c']),
    );
    expect(board.filter((s) => s.includes('Claim.c'))).toEqual([]);
    expect(board.filter((s) => s.startsWith('patient/'))).toEqual([]);
  });

  it('the single-patient launch asks for Provenance create once', () => {
    const cs = statement({ ...MAR, Provenance: [...READ, 'create'], Claim: [...READ, 'create'] });
    const scopes = scopeStringFor(cs).split(' ');
    expect(scopes.filter((s) => s === 'patient/Provenance.c')).toHaveLength(1);
  });
});
