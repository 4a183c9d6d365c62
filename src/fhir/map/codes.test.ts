import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conceptIdentity,
  decimalQuantity,
  drugIdentity,
  normalizeIcd10,
  perMl,
  serviceCodeOf,
} from './codes.ts';

describe('drugIdentity', () => {
  it('reads NDC, both HCPCS system URIs and RxNorm', () => {
    const id = drugIdentity([
      {
        coding: [
          { system: 'http://hl7.org/fhir/sid/ndc', code: '0006-3026-02' },
          { system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'j9271' },
          { system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'J9271' },
          { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1547545' },
        ],
        text: 'pembrolizumab',
      },
    ]);
    expect(id).toEqual({
      ndc: ['00006302602'],
      hcpcs: ['J9271'],
      rxnorm: ['1547545'],
      display: 'pembrolizumab',
      text: 'pembrolizumab',
    });
  });

  it('contract §2.2 steps 4–5: keeps RxNorm displays and the text for the name match', () => {
    const id = drugIdentity([
      {
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            display: 'cisplatin 1 MG/ML Injectable Solution',
          },
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '309311',
            display: 'cisplatin 1 MG/ML Injectable Solution',
          },
        ],
        text: 'CISplatin IV infusion',
      },
    ]);
    expect(id.rxnormNames).toEqual(['cisplatin 1 MG/ML Injectable Solution']);
    expect(id.text).toBe('CISplatin IV infusion');
    expect(drugIdentity([{ coding: [{ code: 'x' }] }]).text).toBeUndefined();
  });

  it('service code prefers CPT/HCPCS codings', () => {
    expect(
      serviceCodeOf({
        coding: [
          { system: 'urn:local', code: 'X1' },
          { system: 'http://www.ama-assn.org/go/cpt', code: '96413' },
        ],
      }),
    ).toBe('96413');
  });
});

describe('perMl: Medication.ingredient.strength as amount per 1 mL', () => {
  it.each([
    ['100 mg / 4 mL', 100, 'mg', 4, 'mL', { value: '25', unit: 'mg' }],
    ['1 g / 1 L', 1, 'g', 1, 'L', { value: '0.001', unit: 'g' }],
    ['10 mg / 1 mL', 10, 'mg', 1, 'mL', { value: '10', unit: 'mg' }],
    ['denominator not a volume', 100, 'mg', 1, 'mg', undefined],
    ['zero volume', 100, 'mg', 0, 'mL', undefined],
  ])('%s', (_n, nv, nu, dv, du, expected) => {
    expect(
      perMl({ numerator: { value: nv, code: nu }, denominator: { value: dv, code: du } }),
    ).toEqual(expected);
  });
});

describe('normalizeIcd10', () => {
  it.each([
    ['Z006', 'Z00.6'],
    ['Z00.6', 'Z00.6'],
    ['c259', 'C25.9'],
    ['C50', 'C50'],
  ])('%s → %s', (raw, expected) => expect(normalizeIcd10(raw)).toBe(expected));
});

describe('conceptIdentity', () => {
  it.each([
    [{ coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '0069-0100-01', display: 'A' }] }],
    [{ coding: [{ code: 'J9271' }], text: 'pembrolizumab' }],
    [{ text: 'only text' }],
    [{}],
  ])('is drugIdentity of the one concept: %j', (cc) => {
    expect(conceptIdentity(cc)).toStrictEqual(drugIdentity([cc]));
  });
});

describe("decimalQuantity: a JSON number's exact text is String(v), as decimal.js writes it (issue 18)", () => {
  const text = (v: number): string | undefined => decimalQuantity({ value: v, unit: 'mg' })?.value;

  it.each([
    ['exponent threshold: 1e-7 is written with an exponent', 1e-7],
    ['just above it: 9.99e-8 (below 1e-7 in size: exponent)', 9.99e-8],
    ['just inside: 1.01e-7', 1.01e-7],
    ['0.000001 (no exponent)', 0.000001],
    ['exponent threshold: 1e21', 1e21],
    ['just below it: 9.99e20', 9.99e20],
    ['negative threshold: -1e-7', -1e-7],
    ['zero', 0],
    ['negative zero', -0],
    ['smallest subnormal', Number.MIN_VALUE],
    ['largest double', Number.MAX_VALUE],
    ['2^53 + 2 (beyond exact integers)', 2 ** 53 + 2],
    ['2^60', 2 ** 60],
    ['0.1', 0.1],
    ['one third', 1 / 3],
    ['a dose: 2.5', 2.5],
    ['a weight-based dose: 137.6', 137.6],
  ])('boundary: %s', (_n, v) => {
    expect(text(v)).toBe(new Decimal(v).toString());
    expect(text(v)).toBe(String(v));
  });

  it('equals new Decimal(v).toString() for every finite double', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.double({ min: 1e-9, max: 1e-6, noNaN: true }),
          fc.double({ min: 1e19, max: 1e23, noNaN: true }),
          fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 100),
          fc.bigInt({ min: 2n ** 53n, max: 2n ** 80n }).map(Number),
        ),
        (v) => {
          expect(text(v)).toBe(new Decimal(v).toString());
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
