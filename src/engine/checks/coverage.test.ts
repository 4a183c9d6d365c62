import { describe, expect, it } from 'vitest';
import { checkCoverage, primaryCoverage } from './coverage.ts';
import { DOS, P, codes, line, patient, scope } from '../test-kit/checks.ts';
import type { CoverageInfo } from '../types.ts';

const cov = (over: Partial<CoverageInfo>): CoverageInfo => ({
  ref: 'Coverage/c1',
  beneficiary: P,
  status: 'active',
  order: 1,
  ...over,
});

describe('contract §2.4 coverage active on the date of service', () => {
  it.each([
    ['period starts on the DOS (boundary)', [cov({ periodStart: DOS })], []],
    ['period ends on the DOS (boundary)', [cov({ periodEnd: DOS })], []],
    ['period ended the day before', [cov({ periodEnd: '2026-08-03' })], ['COVERAGE_NOT_ACTIVE']],
    ['period starts the day after', [cov({ periodStart: '2026-08-05' })], ['COVERAGE_NOT_ACTIVE']],
    ['dateTime bounds compared as dates', [cov({ periodEnd: '2026-08-04T23:59:00-04:00' })], []],
    ['status cancelled', [cov({ status: 'cancelled' })], ['COVERAGE_NOT_ACTIVE']],
    ['open period', [cov({})], []],
    ['no coverage at all', [], ['NO_COVERAGE']],
    ['coverage of another patient only', [cov({ beneficiary: 'Patient/other' })], ['NO_COVERAGE']],
    [
      'one ended, one active',
      [cov({ periodEnd: '2026-07-31' }), cov({ ref: 'Coverage/c2', order: 2 })],
      [],
    ],
  ])('%s', (_name, coverages, expected) => {
    const s = scope(patient({ coverages }));
    expect(codes(checkCoverage(s, [line('J9271', 200, ['MedicationAdministration/a1'])]))).toEqual(
      expected,
    );
  });

  it('COVERAGE_NOT_ACTIVE names the end date and puts the drug amount at stake', () => {
    const s = scope(
      patient({ coverages: [cov({ periodEnd: '2026-07-28', display: 'Acme PPO' })] }),
    );
    const [w] = checkCoverage(s, [line('J9271', 200, ['MedicationAdministration/a1'])]);
    expect(w?.severity).toBe('error');
    expect(w?.message).toContain('Acme PPO ended 2026-07-28');
    expect(w?.amountAtStake).toBe(11024.6);
  });

  it('unreadable coverage is unknown: no warning', () => {
    const p = patient({ coverages: [] });
    p.readable.coverage = false;
    expect(checkCoverage(scope(p), [])).toEqual([]);
  });

  it('primary = lowest order among the active coverages', () => {
    const s = scope(
      patient({
        coverages: [
          cov({ ref: 'Coverage/secondary', order: 2 }),
          cov({ ref: 'Coverage/old-primary', order: 1, periodEnd: '2026-01-01' }),
          cov({ ref: 'Coverage/primary', order: 1 }),
        ],
      }),
    );
    expect(primaryCoverage(s)?.ref).toBe('Coverage/primary');
  });
});
