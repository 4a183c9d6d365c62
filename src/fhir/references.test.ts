import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flattenResources, ResourceIndex, typeIdOf } from './references.ts';

const med = {
  resourceType: 'Medication',
  id: 'm1',
  code: { text: 'pembrolizumab' },
};
const ma = {
  resourceType: 'MedicationAdministration',
  id: 'a1',
  contained: [{ resourceType: 'Medication', id: 'inline', code: { text: 'contained drug' } }],
};

describe('typeIdOf', () => {
  it.each([
    ['relative', 'Medication/m1', 'Medication/m1'],
    ['absolute http', 'http://ehr.example/fhir/Medication/m1', 'Medication/m1'],
    [
      'absolute https with history',
      'https://ehr.example/fhir/Medication/m1/_history/3',
      'Medication/m1',
    ],
    ['relative with history', 'Patient/p1/_history/2', 'Patient/p1'],
    ['urn:uuid is not Type/id', 'urn:uuid:0c3a9a2e-1111-4222-8333-444455556666', undefined],
    ['contained', '#inline', undefined],
    ['lower-case type is not a resource type', 'fhir/medication/m1', undefined],
  ])('%s', (_n, ref, expected) => expect(typeIdOf(ref)).toBe(expected));
});

describe('ResourceIndex.resolve (contract §1: references across all inputs)', () => {
  const index = new ResourceIndex();
  index.add(med);
  index.add(ma);
  index.add(
    { resourceType: 'Location', code: 'no id' },
    'urn:uuid:0c3a9a2e-1111-4222-8333-444455556666',
  );
  index.add({ resourceType: 'Patient', id: 'p1' }, 'urn:uuid:9d3c1a40-0000-4000-8000-000000000001');
  const from = { key: 'MedicationAdministration/a1', resource: ma };

  it.each([
    ['relative Type/id', 'Medication/m1', 'Medication/m1'],
    ['absolute URL ending in Type/id', 'https://other.example/fhir/Medication/m1', 'Medication/m1'],
    [
      'urn:uuid fullUrl of a resource without id',
      'urn:uuid:0c3a9a2e-1111-4222-8333-444455556666',
      'urn:uuid:0c3a9a2e-1111-4222-8333-444455556666',
    ],
    [
      'urn:uuid fullUrl of a resource with id',
      'urn:uuid:9d3c1a40-0000-4000-8000-000000000001',
      'Patient/p1',
    ],
    ['#contained', '#inline', 'MedicationAdministration/a1#inline'],
  ])('%s', (_n, ref, key) => {
    expect(index.resolve(ref, from)?.key).toBe(key);
  });

  it.each([
    ['unknown id', 'Medication/nope'],
    ['unknown urn', 'urn:uuid:ffffffff-ffff-4fff-8fff-ffffffffffff'],
    ['contained without a container', '#inline'],
    ['contained id not there', '#other'],
  ])('%s resolves to nothing', (_n, ref) => {
    const f = ref === '#other' ? from : undefined;
    expect(index.resolve(ref, f)).toBeUndefined();
  });

  it('a contained resource resolves its own #references in the same container', () => {
    const container = {
      resourceType: 'MedicationAdministration',
      id: 'a9',
      contained: [
        {
          resourceType: 'Medication',
          id: 'bag',
          ingredient: [{ itemReference: { reference: '#drug' } }],
        },
        { resourceType: 'Medication', id: 'drug', code: { text: 'drug' } },
      ],
    };
    const bag = index.resolve('#bag', { key: 'MedicationAdministration/a9', resource: container });
    expect(bag?.key).toBe('MedicationAdministration/a9#bag');
    const drug = bag ? index.resolve('#drug', bag) : undefined;
    expect(drug?.key).toBe('MedicationAdministration/a9#drug');
    expect(drug?.resource.code).toEqual({ text: 'drug' });
  });

  it('canonical maps urn aliases to Type/id', () => {
    expect(index.canonical('urn:uuid:9d3c1a40-0000-4000-8000-000000000001')).toBe('Patient/p1');
    expect(index.canonical('http://x/fhir/Encounter/e1')).toBe('Encounter/e1');
  });

  it('a child index falls back to its parent (shared resources)', () => {
    const child = new ResourceIndex(index);
    child.add({ resourceType: 'Encounter', id: 'e1' });
    expect(child.resolve('Medication/m1')?.resource).toBe(med);
    expect(child.resolve('Encounter/e1')?.key).toBe('Encounter/e1');
    expect(index.resolve('Encounter/e1')).toBeUndefined();
    expect(child.canonical('urn:uuid:9d3c1a40-0000-4000-8000-000000000001')).toBe('Patient/p1');
  });
});

describe('flattenResources', () => {
  it('flattens Bundles of any type, nested too, keeping fullUrls', () => {
    const flat = flattenResources([
      {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          { fullUrl: 'urn:uuid:1', resource: med },
          { resource: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: ma }] } },
          { request: { method: 'DELETE', url: 'Patient/x' } },
        ],
      },
      { resourceType: 'Location', id: 'l1' },
      'not a resource',
    ]);
    expect(flat.map((f) => [f.resource.resourceType, f.fullUrl])).toEqual([
      ['Medication', 'urn:uuid:1'],
      ['MedicationAdministration', undefined],
      ['Location', undefined],
    ]);
  });
});

describe('typeIdOf scans as the former expression matched (issue 18: no memo, no regex)', () => {
  // The expression typeIdOf used before its hand-written scan: the oracle of this property.
  const TYPE_ID_RE = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;
  const byExpression = (ref: string): string | undefined => {
    if (ref.startsWith('#') || ref.startsWith('urn:')) return undefined;
    const m = TYPE_ID_RE.exec(ref);
    return m ? `${m[1]}/${m[2]}` : undefined;
  };
  const pieces = [
    '/',
    '/',
    '_history',
    '/_history/',
    'Patient',
    'Medication',
    'P',
    'p',
    'a1',
    '-',
    '.',
    '_',
    '3',
    'Ab',
    'ÄB',
    ' ',
    ':',
    '#',
    'urn:',
    'x'.repeat(63),
    'http://ehr.example/fhir/',
  ];

  it.each([
    ['id of 64 characters', `Patient/${'a'.repeat(64)}`],
    ['id of 65 characters', `Patient/${'a'.repeat(65)}`],
    ['one-letter type', 'P/1'],
    ['two-letter type', 'Pa/1'],
    ['empty version', 'Patient/1/_history/'],
    ['history only', '/_history/1'],
    ['history without Type/id before it', 'Patient/_history/1'],
    ['history twice', 'Patient/1/_history/2/_history/3'],
    ['leading slash', '/Patient/1'],
    ['trailing slash', 'Patient/1/'],
    ['type after a colon is not a whole segment', 'x:Patient/1'],
    ['nothing', ''],
    ['a lone slash', '/'],
    ['id with dots and dashes', 'Patient/a.b-c'],
    ['id with underscore', 'Patient/a_b'],
  ])('boundary: %s', (_n, ref) => expect(typeIdOf(ref)).toBe(byExpression(ref)));

  it('equals the expression on generated references', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 9 }), (parts) => {
        const ref = parts.join('');
        expect(typeIdOf(ref)).toBe(byExpression(ref));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('/', 'P', 'a', '_', '1', '.', 'h') }),
        (ref) => {
          expect(typeIdOf(ref)).toBe(byExpression(ref));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
