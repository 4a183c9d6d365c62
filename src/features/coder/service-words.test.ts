// Issue 15 §5: the coder reads pumps, injections and NCCI PTP edits in words, from the engine's
// own lines and warnings over FHIR records (injection-pump-rules R21, R23.1, R25.3).
import type { FhirResource, MedicationAdministration } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Warning, type WarningCode } from '../../engine/index.ts';
import { ADMINISTRATION_METHOD_SYSTEM, SYSTEMS } from '../../fhir/extensions.ts';
import { analyzeResources } from '../../fhir/map/analyze-resources.ts';
import { builtinReference } from '../../reference/builtin.ts';
import { lineKey } from './decisions.ts';
import { clockDay, ptpWords, serviceWordsFor } from './service-words.ts';

const IV = { coding: [{ system: SYSTEMS.snomed, code: '47625008' }] };
const SC = { coding: [{ system: SYSTEMS.snomed, code: '34206005' }] };
const hcpcs = (code: string, text: string) => ({
  coding: [{ system: SYSTEMS.hcpcs, code }],
  text,
});

function ma(id: string, extra: Partial<MedicationAdministration>): MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id,
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: hcpcs('J9190', 'Fluorouracil'),
    ...extra,
  };
}

const pump = (end: string | undefined) =>
  ma('pump', {
    status: end ? 'completed' : 'in-progress',
    effectivePeriod: { start: '2026-08-03T09:40:00-04:00', ...(end ? { end } : {}) },
    dosage: {
      route: IV,
      method: { coding: [{ system: ADMINISTRATION_METHOD_SYSTEM, code: 'pump-initiation' }] },
    },
  });
const oxaliplatin = ma('oxali', {
  medicationCodeableConcept: hcpcs('J9263', 'Oxaliplatin'),
  effectivePeriod: { start: '2026-08-03T09:00:00-04:00', end: '2026-08-03T11:00:00-04:00' },
  dosage: { route: IV, site: { text: 'Right chest port' } },
});
const denosumab = (site: string | undefined) =>
  ma('deno', {
    medicationCodeableConcept: hcpcs('J0897', 'Denosumab'),
    effectiveDateTime: '2026-08-03T11:30:00-04:00',
    dosage: { route: SC, ...(site ? { site: { text: site } } : {}) },
  });

function words(resources: FhirResource[]) {
  const [result] = analyzeResources(resources, {
    config: defaultConfig(),
    reference: builtinReference(),
  });
  if (!result) throw new Error('no result');
  const map = serviceWordsFor(result, resources, lineKey);
  return { result, all: [...map.values()].flat() };
}

describe('issue 15 §5 line evidence in words', () => {
  it.each<[string, FhirResource[], string]>([
    [
      'R23.1 pump 46 h 0 min > 8 h → 96416',
      [pump('2026-08-05T07:40:00-04:00')],
      'pump started 09:40 Mon, disconnected 07:40 Wed: 46 h 0 min > 8 h → 96416',
    ],
    [
      'R23.1 pump 481 minutes > 8 h',
      [pump('2026-08-03T17:41:00-04:00')],
      'pump started 09:40 Mon, disconnected 17:41 Mon: 8 h 1 min > 8 h → 96416',
    ],
    [
      'R23.1 running pump: billed at start, more than 8 h not verified',
      [pump(undefined)],
      'pump started 09:40 Mon, no disconnect recorded: more than 8 h not verified → 96416',
    ],
    [
      'R21.1 SC injection with its site',
      [denosumab('Left abdomen')],
      'injection, subcutaneous, left abdomen → 96372',
    ],
    [
      'R21.1 SC injection without a site says so',
      [denosumab(undefined)],
      'injection, subcutaneous, site not recorded → 96372',
    ],
  ])('%s', (_name, resources, expected) => {
    expect(words(resources).all).toContain(expected);
  });

  it('R23.1 pump of 480 minutes: no pump line, so no pump words (PUMP_DURATION_NOT_OVER_8H)', () => {
    const { result, all } = words([pump('2026-08-03T17:40:00-04:00')]);
    expect(result.warnings.map((w) => w.code)).toContain('PUMP_DURATION_NOT_OVER_8H');
    expect(all).toEqual([]);
  });

  it('R25.3 indicator 1 without a documented second site: the PTP edit in words on the 96372 line', () => {
    const { result } = words([oxaliplatin, denosumab(undefined)]);
    expect(result.warnings.map((w) => w.code)).toContain('PTP_MODIFIER_NEEDED');
    const map = serviceWordsFor(result, [oxaliplatin, denosumab(undefined)], lineKey);
    const line = result.lines.find((l) => l.code === '96372');
    expect(line && map.get(lineKey(line))).toContain(
      '96372 with 96413 on the same day (NCCI edit): needs modifier 59 (or XS/XU/XE) only if a separate site or visit is documented; none is, so 96372 will deny as is.',
    );
  });

  it('R25.4 sites documented and different: the engine adds the modifier, no PTP warning words', () => {
    const { result, all } = words([oxaliplatin, denosumab('Left abdomen')]);
    expect(result.warnings.map((w) => w.code)).not.toContain('PTP_MODIFIER_NEEDED');
    expect(all.some((w) => w.includes('NCCI'))).toBe(false);
  });
});

describe('ptpWords (R25.3) and clockDay', () => {
  const w = (code: WarningCode, message: string): Warning => ({
    code,
    severity: 'warning',
    message,
    sources: [],
  });
  it.each<[string, Warning, string | undefined]>([
    [
      'indicator 0',
      w(
        'PTP_NOT_ALLOWED',
        '96523 is never paid with 96413 on 2026-08-03 (NCCI edit, no modifier bypasses it); coder review.',
      ),
      '96523 is not billed with 96413 on the same day (NCCI edit, modifier not allowed).',
    ],
    ['another warning', w('MUE_EXCEEDED', '96372 × 6 exceeds 5'), undefined],
  ])('%s', (_name, warning, expected) => {
    expect(ptpWords(warning)?.words).toBe(expected);
  });

  it.each<[string | undefined, string | undefined]>([
    ['2026-08-03T09:40:00-04:00', '09:40 Mon'],
    ['2026-08-05T23:59:00+09:00', '23:59 Wed'],
    ['2026-08-05', undefined],
    [undefined, undefined],
  ])('clockDay(%s) = %s (the clock as written)', (iso, expected) => {
    expect(clockDay(iso)).toBe(expected);
  });
});
