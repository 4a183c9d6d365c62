import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinReference } from './builtin.ts';
import { isReferenceFileError, loadReferenceFromFiles } from './load-files.ts';
import { FIXTURES } from './test-kit/cms-files.ts';

const f = (name: string) => join(FIXTURES, name);

describe('loadReferenceFromFiles: CMS files take precedence over the built-in data', () => {
  it('answers from the files and falls back to the built-in data', async () => {
    const ref = await loadReferenceFromFiles(
      {
        ndcHcpcsCrosswalk: f('asp-crosswalk-jan-2026-excerpt.csv'),
        paymentLimits: f('payment-limits-jul-2026-excerpt.csv'),
        mue: f('MCR_MUE_OutpatientHospitalServices_Eff_10-01-2026-excerpt.csv'),
        oppsAddendumB: f('opps-addendum-b-oct-2025-excerpt.csv'),
      },
      builtinReference(),
    );
    expect(ref.hcpcsForNdc('00006302602', '2026-02-02')).toEqual(['J9271']);
    expect(ref.paymentLimit('J9271', '2026-07-02')).toBe('60.645');
    expect(ref.paymentLimit('J9271', '2026-02-02')).toBe('59.726'); // built-in January file
    expect(ref.mue('96360', 'outpatient-hospital', '2026-10-02')?.value).toBe(2);
    expect(ref.mue('96360', 'practitioner', '2026-10-02')?.value).toBe(1); // built-in
    expect(ref.oppsStatusIndicator('J9271', '2026-02-02')).toBe('K');
    expect(ref.hcpcs('J9271', '2026-02-02')?.billingUnit?.value).toBe('1'); // built-in catalog
  });
  it('file rows win over the built-in rows', async () => {
    const ref = await loadReferenceFromFiles(
      { paymentLimits: f('payment-limits-jan-2026-excerpt.csv') },
      {
        ...builtinReference(),
        paymentLimit: () => '1.000',
      },
    );
    expect(ref.paymentLimit('J9271', '2026-02-02')).toBe('59.726');
    expect(ref.paymentLimit('J0000', '2026-02-02')).toBe('1.000');
  });
  it('R25.1: a hospital PTP file answers for the hospital and, with no practitioner file, the office', async () => {
    const ref = await loadReferenceFromFiles({
      ptpHospital: f('ccioph-v323r0-subset-excerpt.csv'),
    });
    expect(ref.ptp?.('96416', '96521', 'outpatient-hospital', '2026-11-02')?.indicator).toBe(0);
    expect(ref.ptp?.('96413', '96372', 'practitioner', '2026-11-02')?.indicator).toBe(1);
    expect(ref.ptp?.('96413', '96365', 'outpatient-hospital', '2026-11-02')).toBeUndefined();
  });
  it.each([
    ['missing file', { mue: f('no-such-file.csv') }, /no-such-file/],
    ['PTP wrong layout', { ptpHospital: f('payment-limits-jan-2026-excerpt.csv') }, /PTP/],
    ['wrong layout', { mue: f('payment-limits-jan-2026-excerpt.csv') }, /MUE/],
  ])('%s → ReferenceFileError naming the file', async (_name, paths, message) => {
    const err: unknown = await loadReferenceFromFiles(paths).catch((e: unknown) => e);
    expect(isReferenceFileError(err)).toBe(true);
    expect(String(err)).toMatch(message);
  });
});
