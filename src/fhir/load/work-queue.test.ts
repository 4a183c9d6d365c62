import type { List } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { opensWorklist, workQueueOf } from '../work-queue-context.ts';
import { queueEntries } from './work-queue.ts';

describe('workQueueOf (SMART App Launch 2.x fhirContext)', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a List reference', [{ reference: 'List/q1' }], 'List/q1'],
    ['an absolute List reference', [{ reference: 'https://ehr/fhir/List/q1' }], 'List/q1'],
    ['type and id', [{ type: 'List', id: 'q2' }], 'List/q2'],
    ['an Encounter only', [{ reference: 'Encounter/e1' }], undefined],
    [
      'the List after an Encounter',
      [{ reference: 'Encounter/e1' }, { reference: 'List/q3' }],
      'List/q3',
    ],
    ['no fhirContext', undefined, undefined],
    ['not an array', { reference: 'List/q1' }, undefined],
  ])('%s', (_n, context, want) => expect(workQueueOf(context)).toBe(want));
});

describe('opensWorklist', () => {
  it.each<[string, { workQueue?: string; patientId?: string; grantedScopes: string[] }, boolean]>([
    ['a work queue', { workQueue: 'List/q', grantedScopes: [] }, true],
    ['no patient, user/Encounter.rs', { grantedScopes: ['user/Encounter.rs'] }, true],
    ['no patient, user/*.read (v1)', { grantedScopes: ['user/*.read'] }, true],
    ['no patient, patient/Encounter.rs only', { grantedScopes: ['patient/Encounter.rs'] }, false],
    [
      'no patient, user/Encounter.r (read, no search)',
      { grantedScopes: ['user/Encounter.r'] },
      false,
    ],
    ['a patient in context', { patientId: 'p1', grantedScopes: ['user/Encounter.rs'] }, false],
    ['no patient, scopes not said', { grantedScopes: [] }, false],
  ])('%s → %s', (_n, launch, want) =>
    expect(opensWorklist({ patientId: undefined, ...launch })).toBe(want),
  );
});

describe('queueEntries', () => {
  it('keeps Encounters in order, once each, and names every entry it cannot use', () => {
    const list: List = {
      resourceType: 'List',
      status: 'current',
      mode: 'working',
      entry: [
        { item: { reference: 'Encounter/e2' } },
        { item: { reference: 'Encounter/e1' } },
        { item: { reference: 'Patient/p1' } },
        { item: { reference: 'Encounter/e2' } },
        { item: { reference: 'Encounter/e3' }, deleted: true },
      ],
    };
    expect(queueEntries(list)).toEqual({
      encounterIds: ['e2', 'e1'],
      skipped: [
        'Entry 3 of the work queue is not a visit (Encounter) and is not listed.',
        'Entry 5 was removed from the work queue.',
      ],
    });
  });
});
