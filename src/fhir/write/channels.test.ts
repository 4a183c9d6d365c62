import type { CapabilityStatement } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { chooseCoderChannel, chooseNurseChannel } from './channels.ts';
import { writeSupport } from './write-support.ts';

type Listing = Record<string, { interactions?: string[]; operations?: string[] }>;

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
        resource: Object.entries(types).map(([type, t]) => ({
          type: type as 'Claim',
          interaction: (t.interactions ?? []).map((code) => ({ code: code as 'create' })),
          ...(t.operations
            ? { operation: t.operations.map((name) => ({ name, definition: 'x' })) }
            : {}),
        })),
      },
    ],
  };
}

const READ = ['read', 'search-type'];
/** The local EHR's three profiles, as their statements list the writes. */
const FULL = statement({
  MedicationAdministration: { interactions: [...READ, 'create', 'update'] },
  Claim: { interactions: [...READ, 'create', 'update'] },
  Provenance: { interactions: [...READ, 'create'] },
  ChargeItem: { interactions: [...READ, 'create'], operations: ['modify'] },
  DocumentReference: { interactions: [...READ, 'create'] },
});
const CLAIM_LESS = statement({
  MedicationAdministration: { interactions: [...READ, 'create', 'update'] },
  Provenance: { interactions: READ },
  ChargeItem: { interactions: READ, operations: ['modify'] },
  DocumentReference: { interactions: [...READ, 'create'] },
});
const MAR_READ_ONLY = statement({
  MedicationAdministration: { interactions: READ },
  Claim: { interactions: READ },
  DocumentReference: { interactions: [...READ, 'create'] },
});
const NOTHING = statement({ MedicationAdministration: { interactions: READ } });
const ALL_SCOPES = [
  'patient/MedicationAdministration.u',
  'patient/Claim.cu',
  'patient/Provenance.c',
  'patient/ChargeItem.c',
  'patient/DocumentReference.c',
];

describe('nurse channel (issue #19 order: MAR update → clinical note → task list)', () => {
  it.each<[string, CapabilityStatement | undefined, string[], string]>([
    ['full', FULL, ALL_SCOPES, 'administration-update'],
    ['claim-less', CLAIM_LESS, ALL_SCOPES, 'administration-update'],
    ['mar-read-only', MAR_READ_ONLY, ALL_SCOPES, 'clinical-note'],
    ['full, MA update scope not granted', FULL, ['patient/DocumentReference.c'], 'clinical-note'],
    ['full, no write scope at all', FULL, ['patient/Patient.rs'], 'task-list'],
    ['nothing writable', NOTHING, ALL_SCOPES, 'task-list'],
    ['no scope list: the server decides', MAR_READ_ONLY, [], 'clinical-note'],
    ['statement unreadable: try the MAR', undefined, ALL_SCOPES, 'administration-update'],
  ])('%s → %s', (_name, cs, scopes, want) => {
    expect(chooseNurseChannel(cs, scopes).channel).toBe(want);
  });

  it('says why the MAR was passed over', () => {
    expect(chooseNurseChannel(MAR_READ_ONLY, ALL_SCOPES).passedOver).toEqual([
      'The EHR does not let apps change the MAR.',
    ]);
  });
});

describe('coder channel (draft Claim → ChargeItem → coding note → download)', () => {
  it.each<[string, CapabilityStatement | undefined, string[], boolean, string]>([
    ['full', FULL, ALL_SCOPES, false, 'draft-claim'],
    ['full, revising a draft', FULL, ALL_SCOPES, true, 'draft-claim'],
    ['claim-less ($modify only)', CLAIM_LESS, ALL_SCOPES, false, 'charge-items'],
    ['mar-read-only', MAR_READ_ONLY, ALL_SCOPES, false, 'coding-note'],
    ['nothing writable', NOTHING, ALL_SCOPES, false, 'download'],
    ['statement unreadable', undefined, ALL_SCOPES, false, 'download'],
    [
      'full without Provenance scope',
      FULL,
      ['patient/Claim.cu', 'patient/ChargeItem.c'],
      false,
      'charge-items',
    ],
    [
      'full, Claim create only, revising',
      statement({ Claim: { interactions: ['create'] }, Provenance: { interactions: ['create'] } }),
      ALL_SCOPES,
      true,
      'download',
    ],
    ['full without ChargeItem scope', FULL, ['patient/DocumentReference.c'], false, 'coding-note'],
  ])('%s → %s', (_name, cs, scopes, updating, want) => {
    expect(chooseCoderChannel(cs, scopes, updating).channel).toBe(want);
  });
});

describe('writeSupport', () => {
  it.each<[string, CapabilityStatement, string[], boolean]>([
    ['declared and granted', CLAIM_LESS, ['patient/ChargeItem.c'], true],
    ['declared, scope lacks c', CLAIM_LESS, ['patient/ChargeItem.rs'], false],
    ['declared, no scope list', CLAIM_LESS, [], true],
    ['not declared', MAR_READ_ONLY, ['patient/ChargeItem.c'], false],
    ['declared as $modify', statement({ ChargeItem: { operations: ['$modify'] } }), [], true],
  ])('ChargeItem/$modify: %s → %s', (_name, cs, scopes, want) => {
    expect(writeSupport(cs, scopes).operation('ChargeItem', 'modify')).toBe(want);
  });
  it('a type listed without declared interactions leaves the answer to the server', () => {
    expect(writeSupport(statement({ Claim: {} }), []).create('Claim')).toBe(true);
  });
});
