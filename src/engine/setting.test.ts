// Contract §2.6: config, else place of service, else the existing claim's type, else
// professional — the one setting derivation, row by row, each step's boundary against the next.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from './profiles.ts';
import { deriveSetting } from './setting.ts';
import { blankPatient } from './test-kit/inputs.ts';
import type { ClaimInfo, EncounterInfo, Setting } from './types.ts';

const E1 = 'Encounter/e1';

const enc = (settingFromLocation?: Setting): EncounterInfo => ({
  ref: E1,
  patient: 'Patient/p1',
  sponsorPaidVisit: false,
  ...(settingFromLocation ? { settingFromLocation } : {}),
});

const claim = (over: Partial<ClaimInfo>): ClaimInfo => ({
  ref: 'Claim/c1',
  use: 'claim',
  status: 'active',
  patient: 'Patient/p1',
  encounter: E1,
  lines: [],
  diagnoses: [],
  trialNumbers: [],
  valueCodeD4: [],
  conditionCodes: [],
  preAuthRefs: [],
  ...over,
});

const unlinked = (over: Partial<ClaimInfo>): ClaimInfo => {
  const { encounter: _none, ...rest } = claim(over);
  return rest;
};

interface Row {
  forced?: Setting;
  encounters?: EncounterInfo[];
  claims?: ClaimInfo[];
  encounter?: string | null;
}

describe('contract §2.6: the setting of an encounter', () => {
  it.each<[string, Row, Setting]>([
    ['nothing known: professional', {}, 'professional'],
    [
      'config forces facility over everything',
      {
        forced: 'facility',
        encounters: [enc('professional')],
        claims: [claim({ type: 'professional' })],
      },
      'facility',
    ],
    [
      'config forces professional over a hospital place',
      { forced: 'professional', encounters: [enc('facility')] },
      'professional',
    ],
    ['place of service facility', { encounters: [enc('facility')] }, 'facility'],
    [
      'place of service professional beats an institutional claim',
      { encounters: [enc('professional')], claims: [claim({ type: 'institutional' })] },
      'professional',
    ],
    [
      'place of service facility beats a professional claim',
      { encounters: [enc('facility')], claims: [claim({ type: 'professional' })] },
      'facility',
    ],
    [
      'encounter without a place: the institutional claim decides',
      { encounters: [enc()], claims: [claim({ type: 'institutional' })] },
      'facility',
    ],
    ['professional claim', { claims: [claim({ type: 'professional' })] }, 'professional'],
    [
      'claim of another type (no type): professional',
      { claims: [claim({ otherType: 'pharmacy' })] },
      'professional',
    ],
    [
      'institutional claim of another encounter does not count',
      { claims: [claim({ type: 'institutional', encounter: 'Encounter/e2' })] },
      'professional',
    ],
    [
      'institutional preauthorization (use ≠ claim) does not count',
      { claims: [claim({ type: 'institutional', use: 'preauthorization' })] },
      'professional',
    ],
    [
      'first typed claim decides: untyped before institutional',
      { claims: [claim({}), claim({ ref: 'Claim/c2', type: 'institutional' })] },
      'facility',
    ],
    [
      'place of another encounter does not count',
      { encounters: [{ ...enc('facility'), ref: 'Encounter/e2' }] },
      'professional',
    ],
    [
      'no encounter: a claim naming no encounter is not taken for it',
      { encounter: null, claims: [unlinked({ type: 'institutional' })] },
      'professional',
    ],
    [
      'no encounter: an encounter place is never used',
      { encounter: null, encounters: [enc('facility')] },
      'professional',
    ],
  ])('§2.6 %s', (_name, row, setting) => {
    const config = defaultConfig();
    if (row.forced) config.setting = row.forced;
    const patient = blankPatient({
      patient: 'Patient/p1',
      encounters: row.encounters ?? [],
      claims: row.claims ?? [],
    });
    expect(
      deriveSetting(patient, row.encounter === undefined ? E1 : row.encounter, { config }),
    ).toBe(setting);
  });
});
