import { describe, expect, it } from 'vitest';
import { conceptIdentity, drugIdentity, normalizeIcd10, perMl, serviceCodeOf } from './codes.ts';

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
