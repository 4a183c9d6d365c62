import { describe, expect, it } from 'vitest';
import { parseAddendumB } from './addendum-b.ts';
import { parseCrosswalk } from './crosswalk.ts';
import { decimalCell, decodeCmsBytes } from './csv.ts';
import { fixture, HAS_SHARED, shared } from '../test-kit/cms-files.ts';
import { parseMue } from './mue.ts';
import { parsePaymentLimits } from './payment-limits.ts';

describe('decodeCmsBytes (Windows-1252 and UTF-8)', () => {
  it.each([
    ['Windows-1252 registered sign', Uint8Array.from([0x43, 0x50, 0x54, 0xae]), 'CPT®'],
    ['Windows-1252 non-breaking space', Uint8Array.from([0x41, 0xa0, 0x42]), 'A\u00a0B'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xc2, 0xae]), 'A®'],
  ])('%s', (_name, bytes, text) => {
    expect(decodeCmsBytes(bytes)).toBe(text);
  });
});

describe('decimalCell', () => {
  it.each([
    ['$331.690', '331.690'],
    ['20.000', '20.000'],
    ['N/A', undefined],
    ['', undefined],
    [' 1,234.5 ', '1234.5'],
    ['.', undefined],
    ['.5', '0.5'],
  ])('%j → %j', (raw, value) => {
    expect(decimalCell(raw)).toBe(value);
  });
});

describe('parseCrosswalk (8 banner rows, _YYYY_CODE, NDC2, padded rows)', () => {
  const file = parseCrosswalk(fixture('asp-crosswalk-jan-2026-excerpt.csv'));
  it('reads the year, the effective range and skips non-NDC identifiers', () => {
    expect(file.year).toBe(2026);
    expect(file.effectiveFrom).toBe('2026-01-01');
    expect(file.effectiveTo).toBe('2026-03-31');
    expect(file.skipped).toBe(1);
  });
  it.each([
    ['00006302602', 'J9271', '1 MG', '100'],
    ['00409250410', 'J2469', '25 MCG', '10'],
    ['13533063601', '90371', '1 ML', '1'],
  ])('NDC %s → %s (%s, %s units per item)', (ndc11, hcpcs, dosage, billUnits) => {
    const row = file.rows.find((r) => r.ndc11 === ndc11);
    expect(row).toMatchObject({ hcpcs, dosage, billUnits });
  });
  it('decodes Windows-1252 bytes (0xA0 after a brand name) and trims them', () => {
    expect(fixture('asp-crosswalk-jan-2026-excerpt.csv')).toContain('Amvuttra\u00a0,');
    expect(file.rows.find((r) => r.hcpcs === 'J0225')?.drugName).toBe('Amvuttra');
  });
  it('accepts the later NDC column name', () => {
    const text =
      'banner\n_2027_CODE,Short Description,NDC,HCPCS dosage\nJ9271,Inj pembrolizumab,00006-3026-02,1 MG\n';
    expect(parseCrosswalk(text)).toMatchObject({ year: 2027, rows: [{ ndc11: '00006302602' }] });
  });
  it('rejects a file that is not a crosswalk', () => {
    expect(() => parseCrosswalk('a,b\n1,2\n')).toThrow(/crosswalk/);
  });
});

describe('parsePaymentLimits (banner rows, N/A, embedded newline)', () => {
  it.each([
    ['payment-limits-jan-2026-excerpt.csv', '2026-01-01', '2026-03-31', '59.726'],
    ['payment-limits-jul-2026-excerpt.csv', '2026-07-01', '2026-09-30', '60.645'],
  ])('%s', (name, from, to, j9271) => {
    const file = parsePaymentLimits(fixture(name));
    expect(file.effectiveFrom).toBe(from);
    expect(file.effectiveTo).toBe(to);
    expect(file.rows.find((r) => r.hcpcs === 'J9271')?.paymentLimit).toBe(j9271);
    const radium = file.rows.find((r) => r.hcpcs === 'A9606');
    expect(radium?.paymentLimit).toBeUndefined();
    expect(radium?.notes).toMatch(/AWP = \$\d+\.\d+ microCurie 100% WAC/);
    expect(file.rows.every((r) => /^[A-Z0-9]{5}$/.test(r.hcpcs))).toBe(true);
  });
});

describe('parseMue', () => {
  it('practitioner: multi-line copyright cell and "HCPCS/\\nCPT Code" header', () => {
    const file = parseMue(fixture('MCR_MUE_PractitionerServices_Eff_04-01-2026-excerpt.csv'));
    expect(file.table).toBe('practitioner');
    expect(file.rows.find((r) => r.code === 'J9271')).toEqual({
      code: 'J9271',
      value: 400,
      mai: 3,
      rationale: 'Prescribing Information',
    });
    expect(file.rows.find((r) => r.code === '96360')?.value).toBe(1);
  });
  it('outpatient hospital: no banner', () => {
    const file = parseMue(fixture('MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026-excerpt.csv'));
    expect(file.table).toBe('outpatient-hospital');
    expect(file.rows.find((r) => r.code === '96360')?.value).toBe(2);
  });
});

describe('parseAddendumB (4 banner rows, $ money, trailing spaces)', () => {
  const file = parseAddendumB(fixture('opps-addendum-b-oct-2025-excerpt.csv'));
  it.each([
    ['J9271', 'K', '60.291'],
    ['96413', 'S', '331.690'],
    ['J1453', 'N', undefined],
    ['C9399', 'A', undefined],
    ['0553U', 'A', undefined],
  ])('%s → SI %s, rate %s', (code, si, rate) => {
    const row = file.rows.find((r) => r.hcpcs === code);
    expect(row?.si).toBe(si);
    expect(row?.paymentRate).toBe(rate);
  });
  it('reads the year from the banner', () => {
    expect(file.year).toBe(2025);
  });
});

describe.skipIf(!HAS_SHARED)('the full CMS files in ../shared/data/cms', () => {
  it.each([
    [
      'crosswalk',
      () =>
        parseCrosswalk(
          shared('section 508 version of January 2026 ASP NDC-HCPCS Crosswalk 121725.csv'),
        ).rows.length + 1,
      7125,
    ],
    [
      'payment limits January 2026',
      () =>
        parsePaymentLimits(
          shared(
            'section 508 version of January 2026 Medicare Part B Payment Limit File 121725.csv',
          ),
        ).rows.length,
      877,
    ],
    [
      'payment limits July 2026',
      () => parsePaymentLimits(shared('cms-july-2026-part-b-payment-limits.csv')).rows.length,
      890,
    ],
    [
      'MUE practitioner',
      () => parseMue(shared('MCR_MUE_PractitionerServices_Eff_04-01-2026.csv')).rows.length,
      15095,
    ],
    [
      'MUE outpatient hospital',
      () =>
        parseMue(shared('MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026_subset.csv')).rows
          .length,
      1300,
    ],
    [
      'Addendum B',
      () =>
        parseAddendumB(shared('508 version of October 2025 Web Addendum B.10.31.25.csv')).rows
          .length,
      18798,
    ],
  ])('%s: row count as documented in the README', (_name, count, expected) => {
    expect(count()).toBe(expected);
  });
});
