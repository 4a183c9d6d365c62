import { describe, expect, it } from 'vitest';
import { buildSignOffProvenance } from './provenance-builder.ts';

describe('buildSignOffProvenance', () => {
  it.each([
    [false, 'CREATE'],
    [true, 'UPDATE'],
  ])('revised=%s records activity %s', (revised, activity) => {
    const p = buildSignOffProvenance({
      claim: 'Claim/c1',
      author: 'Practitioner/coder-1',
      recorded: '2026-03-03T10:00:00.000Z',
      revised,
      sources: [
        'MedicationAdministration/a2',
        'MedicationAdministration/a1',
        'MedicationAdministration/a1',
      ],
    });
    expect(p).toMatchObject({
      resourceType: 'Provenance',
      target: [{ reference: 'Claim/c1' }],
      recorded: '2026-03-03T10:00:00.000Z',
      agent: [
        { type: { coding: [{ code: 'author' }] }, who: { reference: 'Practitioner/coder-1' } },
      ],
    });
    expect(p.activity?.coding?.[0]?.code).toBe(activity);
    expect(p.entity?.map((e) => e.what.reference)).toEqual([
      'MedicationAdministration/a1',
      'MedicationAdministration/a2',
    ]);
  });

  it('names the revised draft version as the revision entity', () => {
    const p = buildSignOffProvenance({
      claim: 'Claim/c1',
      previousVersion: 'Claim/c1/_history/3',
      author: 'Practitioner/coder-1',
      recorded: '2026-03-03T10:00:00.000Z',
      revised: true,
      sources: ['MedicationAdministration/a1'],
    });
    expect(p.entity).toEqual([
      { role: 'revision', what: { reference: 'Claim/c1/_history/3' } },
      { role: 'source', what: { reference: 'MedicationAdministration/a1' } },
    ]);
  });

  it('has no entity list when the lines were all added by hand', () => {
    const p = buildSignOffProvenance({
      claim: 'Claim/c1',
      author: 'Practitioner/coder-1',
      recorded: '2026-03-03T10:00:00.000Z',
      revised: false,
      sources: [],
    });
    expect(p.entity).toBeUndefined();
  });
});
