import type { Claim } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { findExistingClaim } from './claim-existing.ts';

function claim(id: string, over: Partial<Claim> = {}): Claim {
  return {
    resourceType: 'Claim',
    id,
    status: 'active',
    use: 'claim',
    type: { coding: [{ code: 'institutional' }] },
    patient: { reference: 'Patient/p1' },
    created: '2026-03-02',
    provider: { reference: 'Organization/clinic' },
    priority: { coding: [{ code: 'normal' }] },
    insurance: [
      { sequence: 1, focal: true, coverage: { reference: 'Coverage/c1' }, preAuthRef: ['PA-1'] },
    ],
    item: [
      {
        sequence: 1,
        productOrService: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '96413' }] },
        modifier: [{ coding: [{ code: 'Q1' }] }],
        quantity: { value: 1 },
        servicedPeriod: { start: '2026-03-02T09:00:00-05:00' },
        encounter: [{ reference: 'Encounter/e1' }],
      },
      {
        sequence: 2,
        productOrService: { coding: [{ code: 'J9271' }] },
        quantity: { value: 200 },
        net: { value: 10000 },
        detail: [
          {
            sequence: 1,
            productOrService: {
              coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00006302602' }],
            },
          },
        ],
      },
    ],
    supportingInfo: [
      { sequence: 1, category: { coding: [{ code: 'info' }] }, valueString: 'CT09900001' },
      {
        sequence: 2,
        category: { coding: [{ code: 'info' }] },
        code: {
          coding: [{ system: 'https://www.nubc.org/CodeSystem/ConditionCodes', code: '30' }],
        },
      },
      {
        sequence: 3,
        category: { coding: [{ code: 'info' }] },
        code: { coding: [{ system: 'https://www.nubc.org/CodeSystem/ValueCodes', code: 'D4' }] },
        valueString: '09900001',
      },
    ],
    ...over,
  };
}

describe('findExistingClaim (contract §2.4 existing claim)', () => {
  it.each<[string, Claim[], string | undefined]>([
    ['names the encounter in item.encounter', [claim('c1')], 'Claim/c1'],
    [
      'names the encounter in supportingInfo',
      [
        claim('c2', {
          item: [],
          supportingInfo: [
            {
              sequence: 1,
              category: { coding: [{ code: 'info' }] },
              valueReference: { reference: 'Encounter/e1' },
            },
          ],
        }),
      ],
      'Claim/c2',
    ],
    [
      'another encounter',
      [
        claim('c1', {
          item: [{ sequence: 1, productOrService: {}, encounter: [{ reference: 'Encounter/e2' }] }],
        }),
      ],
      undefined,
    ],
    [
      'a preauthorization is not the billing claim',
      [claim('c1', { use: 'preauthorization' })],
      undefined,
    ],
    ['entered in error is ignored', [claim('c1', { status: 'entered-in-error' })], undefined],
    [
      'a draft wins over an active claim',
      [claim('c1'), claim('c9', { status: 'draft' })],
      'Claim/c9',
    ],
    ['newest wins among equals', [claim('c1'), claim('c2', { created: '2026-03-05' })], 'Claim/c2'],
  ])('%s', (_name, claims, ref) => {
    expect(findExistingClaim(claims, 'Encounter/e1')?.info.ref).toBe(ref);
  });

  it('reads lines, trial numbers, condition and value codes, and the version for If-Match', () => {
    const found = findExistingClaim([claim('c1', { meta: { versionId: '5' } })], 'Encounter/e1');
    expect(found?.etag).toBe('W/"5"');
    expect(found?.info).toMatchObject({
      type: 'institutional',
      versionId: '5',
      focalCoverage: 'Coverage/c1',
      preAuthRefs: ['PA-1'],
      trialNumbers: ['CT09900001'],
      conditionCodes: ['30'],
      valueCodeD4: ['09900001'],
      lines: [
        { sequence: 1, code: '96413', modifiers: ['Q1'], units: 1, date: '2026-03-02' },
        { sequence: 2, code: 'J9271', modifiers: [], units: 200, ndc: '00006302602', net: 10000 },
      ],
    });
  });

  it('finds nothing without an encounter', () => {
    expect(findExistingClaim([claim('c1')], null)).toBeUndefined();
  });
});
