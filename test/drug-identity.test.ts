// Contract §2.2 over the built-in reference data: the drug is identified by NDC (every NDC of the
// January 2026 crosswalk), HCPCS, RxNorm RxCUI, RxNorm name, then code text, and the category
// follows from the identified drug (infusion-rules §2; J9000–J9999 = chemotherapy).
import { describe, expect, it } from 'vitest';
import { resolveDrugCategory } from '../src/engine/category.ts';
import { analyzePatient, defaultConfig, type DrugIdentity } from '../src/engine/index.ts';
import { blankAdministration, blankPatient } from '../src/engine/test-kit/inputs.ts';
import { ndcKnownIn } from '../src/fhir/map/codes.ts';
import { builtinReference } from '../src/reference/builtin.ts';
import { normalizeNdc } from '../src/reference/ndc.ts';

const ref = builtinReference();
const id = (o: Partial<DrugIdentity>): DrugIdentity => ({ ndc: [], hcpcs: [], rxnorm: [], ...o });
const DOS = '2026-03-02';

describe('contract §2.2 identification order and category', () => {
  it.each([
    // [label, identity, identified by, code, category, unknown]
    ['catalog NDC (Keytruda)', id({ ndc: ['00006302602'] }), 'ndc', 'J9271', 'chemo', false],
    // NDCs outside the catalog, from the crosswalk only (issue #13: coded as therapeutic before).
    [
      'crosswalk-only NDC (bleomycin)',
      id({ ndc: ['00143924001'] }),
      'ndc',
      'J9040',
      'chemo',
      false,
    ],
    [
      'crosswalk-only NDC (tocilizumab)',
      id({ ndc: ['50242013501'] }),
      'ndc',
      'J3262',
      'therapeutic',
      true,
    ],
    [
      'HCPCS coding outside the catalog, J9 range',
      id({ hcpcs: ['J9042'] }),
      'hcpcs',
      'J9042',
      'chemo',
      false,
    ],
    [
      'HCPCS support code of the vocabulary (aprepitant)',
      id({ hcpcs: ['J0185'] }),
      'hcpcs',
      'J0185',
      'therapeutic',
      false,
    ],
    [
      'RxNorm ingredient (cyclophosphamide 3002)',
      id({ rxnorm: ['3002'] }),
      'rxnorm',
      'J9075',
      'chemo',
      false,
    ],
    [
      'RxNorm SCD (583214 paclitaxel 100 MG Injection)',
      id({ rxnorm: ['583214'] }),
      'rxnorm',
      'J9264',
      'chemo',
      false,
    ],
    [
      'RxNorm name only',
      id({ rxnormNames: ['10 ML Doxorubicin Hydrochloride 2 MG/ML Injection'] }),
      'rxnorm-name',
      'J9000',
      'chemo',
      false,
    ],
    ['code text only', id({ text: 'CISplatin IV infusion' }), 'text', 'J9060', 'chemo', false],
    [
      'text: ondansetron is therapeutic (R2.2)',
      id({ text: 'ondansetron' }),
      'text',
      'J2405',
      'therapeutic',
      false,
    ],
    [
      'text: a biosimilar is complex like its molecule',
      id({ text: 'rituximab-abbs' }),
      'text',
      'Q5115',
      'chemo',
      false,
    ],
    [
      'NDC decides over a name',
      id({ ndc: ['00006302602'], text: 'cisplatin' }),
      'ndc',
      'J9271',
      'chemo',
      false,
    ],
    ['nothing known', id({ text: 'Mystery drug' }), undefined, undefined, 'therapeutic', true],
  ] as const)('%s → %s %s (%s)', (_l, drug, by, code, category, unknown) => {
    const r = resolveDrugCategory(drug, ref, DOS);
    expect(r.identifiedBy).toBe(by);
    expect(r.hcpcs).toBe(code);
    expect(r.category).toBe(category);
    expect(r.unknown).toBe(unknown);
  });

  it.each([
    // R-26 boundary: codes valid only on one side of 2026-10-01 are no candidates the other side.
    ['fluorouracil', '2026-09-30', 'J9190', 'J9192'],
    ['fluorouracil', '2026-10-01', 'J9192', 'J9190'],
  ])('DRUG_CODE_AMBIGUOUS candidates for %s on %s include %s, not %s', (text, dos, yes, no) => {
    const r = resolveDrugCategory(id({ text }), ref, dos);
    expect(r.candidates).toContain(yes);
    expect(r.candidates).not.toContain(no);
  });

  it('one candidate: no ambiguity (cisplatin)', () => {
    expect(resolveDrugCategory(id({ text: 'cisplatin' }), ref, DOS).candidates).toBeUndefined();
  });
});

describe('medication-vocabulary §4 step 4: the plain product first; liposome, protein-bound and biosimilar never stripped', () => {
  it.each([
    // [label, identity, first code, also a candidate (or undefined)]
    ['RxNorm ingredient 56946 paclitaxel', id({ rxnorm: ['56946'] }), 'J9267', 'J9264'],
    ['RxNorm SCD 583214 paclitaxel powder', id({ rxnorm: ['583214'] }), 'J9264', undefined],
    ['text paclitaxel', id({ text: 'PACLitaxel' }), 'J9267', 'J9264'],
    ['text paclitaxel protein-bound', id({ text: 'paclitaxel protein-bound' }), 'J9264', undefined],
    ['text Abraxane', id({ text: 'Abraxane' }), 'J9264', undefined],
    ['RxNorm ingredient 3639 doxorubicin', id({ rxnorm: ['3639'] }), 'J9000', undefined],
    ['text doxorubicin', id({ text: 'DOXOrubicin' }), 'J9000', undefined],
    ['text doxorubicin liposomal', id({ text: 'doxorubicin liposomal' }), 'Q2050', undefined],
    ['text irinotecan', id({ text: 'irinotecan' }), 'J9206', undefined],
    ['text irinotecan liposome', id({ text: 'irinotecan liposome' }), 'J9205', undefined],
    ['RxNorm ingredient 224905 trastuzumab', id({ rxnorm: ['224905'] }), 'J9355', 'J9356'],
    ['text trastuzumab', id({ text: 'trastuzumab' }), 'J9355', undefined],
    ['text trastuzumab-anns', id({ text: 'trastuzumab-anns' }), 'Q5117', undefined],
    ['RxNorm ingredient 253337 bevacizumab', id({ rxnorm: ['253337'] }), 'J9035', undefined],
    ['text bevacizumab', id({ text: 'bevacizumab' }), 'J9035', undefined],
    ['text bevacizumab-awwb', id({ text: 'bevacizumab-awwb' }), 'Q5107', undefined],
  ] as const)('%s → %s first (%s also offered)', (_l, drug, first, other) => {
    const r = resolveDrugCategory(drug, ref, DOS);
    expect(r.hcpcs).toBe(first);
    expect(r.category).toBe('chemo');
    if (other) expect(r.candidates?.[0]).toBe(first);
    if (other) expect(r.candidates).toContain(other);
    else expect(r.candidates).toBeUndefined();
  });
});

describe('drug-wastage R-29, contract §2.2 step 1: a bare 10-digit NDC read against every NDC of the crosswalk', () => {
  it.each([
    // [label, 10 digits as sent, 11-digit reading, HCPCS]
    ['4-4-2, crosswalk only (J9017)', '0781349894', '00781349894', 'J9017'],
    ['5-3-2, crosswalk only (J9011)', '6559780101', '65597080101', 'J9011'],
    ['5-4-1, crosswalk only (J9017)', '2502102276', '25021022706', 'J9017'],
    ['4-4-2, catalog product (Keytruda J9271)', '0006302602', '00006302602', 'J9271'],
    ['two readings known (J9273, J9177): not guessed', '5114400301', undefined, undefined],
    ['no reading known', '9999999999', undefined, undefined],
  ])('%s: %s → %s (%s)', (_l, raw, ndc11, code) => {
    const read = normalizeNdc(raw, ndcKnownIn(ref));
    expect(read).toBe(ndc11);
    if (read) expect(resolveDrugCategory(id({ ndc: [read] }), ref, DOS).hcpcs).toBe(code);
  });
});

const ts = (iso: string) => ({ ms: Date.parse(iso), offsetMin: -300, iso });

function run(drug: DrugIdentity, dose?: { value: string; unit: string }) {
  const a = blankAdministration({
    ref: 'MedicationAdministration/a1',
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    drug,
    start: ts('2026-03-02T09:00:00-05:00'),
    end: ts('2026-03-02T10:00:00-05:00'),
    ...(dose ? { dose } : {}),
  });
  const patient = blankPatient({ patient: 'Patient/p1', administrations: [a] });
  const [result] = analyzePatient(patient, { config: defaultConfig('medicare'), reference: ref });
  return result;
}

describe('identified drugs through the engine (contract §2.2, §2.3)', () => {
  it.each([
    // [identity, administration code, drug line code, identified by]
    [id({ text: 'CISplatin IV infusion' }), { value: '100', unit: 'mg' }, '96413', 'J9060', 'text'],
    [
      id({ rxnormNames: ['10 ML Doxorubicin Hydrochloride 2 MG/ML Injection'] }),
      { value: '50', unit: 'mg' },
      '96413',
      'J9000',
      'rxnorm-name',
    ],
    [id({ ndc: ['00143924001'] }), { value: '15', unit: '[iU]' }, '96413', 'J9040', 'ndc'],
  ])('%j → %s + %s, evidence says %s', (drug, dose, admin, code, by) => {
    const r = run(drug, dose);
    const codes = r?.lines.map((l) => l.code) ?? [];
    expect(codes).toContain(admin);
    const drugLine = r?.lines.find((l) => l.kind === 'drug');
    expect(drugLine?.code).toBe(code);
    expect(drugLine?.evidence.identity?.by).toBe(by);
    expect(r?.warnings.map((w) => w.code)).not.toContain('UNKNOWN_DRUG_CATEGORY');
  });

  it.each([
    // [identity, by, value read, display, dose unit]
    [id({ ndc: ['00143924001'] }), 'ndc', '00143924001', undefined, '[iU]'],
    [id({ rxnorm: ['56946'], display: 'paclitaxel' }), 'rxnorm', '56946', 'paclitaxel', 'mg'],
    [id({ text: 'CISplatin IV infusion' }), 'text', 'CISplatin IV infusion', undefined, 'mg'],
  ] as const)(
    'contract §2.2 evidence: %j identified by %s from %s',
    (drug, by, value, display, unit) => {
      const line = run(drug, { value: '10', unit })?.lines.find((l) => l.kind === 'drug');
      expect(line?.evidence.identity?.by).toBe(by);
      expect(line?.evidence.identity?.value).toBe(value);
      expect(line?.evidence.identity?.display).toBe(display);
    },
  );

  it('R-04: a dose in mL, no concentration, drug named only by text → UNIT_CONVERSION_MISSING, not UNKNOWN_DRUG_CATEGORY', () => {
    const r = run(id({ text: 'cisplatin' }), { value: '50', unit: 'mL' });
    const codes = r?.warnings.map((w) => w.code) ?? [];
    expect(codes).toContain('UNIT_CONVERSION_MISSING');
    expect(codes).not.toContain('UNKNOWN_DRUG_CATEGORY');
    expect(r?.lines.map((l) => l.code)).toContain('96413');
  });

  it('several products and no NDC → DRUG_CODE_AMBIGUOUS with the candidates in the evidence', () => {
    const r = run(id({ text: 'Cyclophosphamide 1000 MG Injection' }), {
      value: '1000',
      unit: 'mg',
    });
    const w = r?.warnings.find((x) => x.code === 'DRUG_CODE_AMBIGUOUS');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toContain('J9075');
    const drugLine = r?.lines.find((l) => l.kind === 'drug');
    expect(drugLine?.code).toBe('J9075');
    expect(drugLine?.evidence.identity?.candidates).toContain('J9071');
  });
});
