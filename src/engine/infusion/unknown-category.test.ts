// contract §2.2 UNKNOWN_DRUG_CATEGORY says what is true: a drug identified by a code the reference
// data has no category for (naloxone, J2312) is named with that code and how it was identified;
// only a drug nothing identified is "not found in the reference data". Every path that raises it.
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { analyzePatient } from '../analyze.ts';
import { defaultConfig } from '../profiles.ts';
import { SC_ROUTE } from '../test-kit/inputs.ts';
import type { DrugIdentity, RouteDecision, ServiceMethod } from '../types.ts';
import { adm, at, emptyPatient } from '../test-kit/infusion.ts';
import { INFUSION_WARNINGS } from './warnings.ts';

const NALOXONE_HCPCS: DrugIdentity = { hcpcs: ['J2312'], ndc: [], rxnorm: [] };
const NALOXONE_NDC: DrugIdentity = { hcpcs: [], ndc: ['00409121501'], rxnorm: [] };
const NOTHING: DrugIdentity = { hcpcs: [], ndc: [], rxnorm: ['999999'], display: 'Mystery drug' };
const NOT_FOUND = INFUSION_WARNINGS.UNKNOWN_DRUG_CATEGORY.message;

function message(drug: DrugIdentity, route?: RouteDecision, method?: ServiceMethod): string {
  const a = adm({ id: 'a1', drug, start: at(0), end: at(600), ...(route ? { route } : {}) });
  if (method) a.serviceMethod = method;
  const config = defaultConfig('medicare');
  config.setting = 'professional';
  const [r] = analyzePatient(emptyPatient([a]), { config, reference: builtinReference() });
  const w = r?.warnings.find((x) => x.code === 'UNKNOWN_DRUG_CATEGORY');
  if (!w) throw new Error('no UNKNOWN_DRUG_CATEGORY');
  expect(w.sources).toEqual(['MedicationAdministration/a1']);
  return w.message;
}

describe('UNKNOWN_DRUG_CATEGORY message (contract §2.2)', () => {
  it.each<[string, DrugIdentity, RouteDecision | undefined, ServiceMethod | undefined, string]>([
    [
      'naloxone by HCPCS, SC injection (R21.1 path)',
      NALOXONE_HCPCS,
      SC_ROUTE,
      undefined,
      'Drug identified as J2312 from its HCPCS code, but the reference data gives no category',
    ],
    [
      'naloxone by NDC 00409-1215-01, IV infusion (Part 1 path)',
      NALOXONE_NDC,
      undefined,
      undefined,
      'Drug identified as J2312 from its NDC, but the reference data gives no category',
    ],
    [
      'naloxone by HCPCS in a pump (R23 path)',
      NALOXONE_HCPCS,
      undefined,
      'pump-initiation',
      'Drug identified as J2312 from its HCPCS code',
    ],
    ['boundary: nothing identifies the drug → not found', NOTHING, undefined, undefined, NOT_FOUND],
  ])('%s', (_name, drug, route, method, expected) => {
    const m = message(drug, route, method);
    expect(m).toContain(expected);
    if (drug !== NOTHING) expect(m).not.toContain('not found');
  });
});
