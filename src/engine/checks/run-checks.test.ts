import { describe, expect, it } from 'vitest';
import type { ClaimLineInfo } from '../types.ts';
import { runEncounterChecks, type AuthLedger } from './run-checks.ts';
import { admin, claim, codes, DOS, line, patient, scope } from '../test-kit/checks.ts';

const A1 = 'MedicationAdministration/a1';
const cl = (code: string, units: number, modifiers: string[] = []): ClaimLineInfo => ({
  sequence: 1,
  code,
  units,
  modifiers,
  date: DOS,
});

describe('runEncounterChecks: order, ledger and one warning per code (research-billing §11)', () => {
  it('contract §2.4 AUTH_UNITS_EXCEEDED counts earlier encounters through the ledger', () => {
    const p = patient({
      preAuthorizations: [
        {
          ref: 'ClaimResponse/pa1',
          outcome: 'complete',
          preAuthRef: 'AB123',
          periodStart: '2026-07-01',
          periodEnd: '2026-09-30',
          hcpcs: ['J9271'],
          unitsByHcpcs: { J9271: 400 },
        },
      ],
    });
    const ledger: AuthLedger = { entries: [] };
    const week = (date: string) =>
      runEncounterChecks(
        scope(p, { dateOfService: date }),
        [line('J9271', 200, [A1], { date, drugName: 'Pembrolizumab' })],
        ledger,
      );
    expect(codes(week('2026-07-07').warnings)).toEqual([]);
    expect(codes(week('2026-07-28').warnings)).toEqual([]);
    expect(codes(week('2026-08-18').warnings)).toEqual(['AUTH_UNITS_EXCEEDED']);
    expect(ledger.entries.map((e) => e.units)).toEqual([200, 200, 200]);
  });

  it('two missing lines → one CLAIM_LINE_MISSING with both sources and summed amount', () => {
    const p = patient({
      administrations: [admin('a1'), admin('a2')],
      claims: [claim({ lines: [cl('96413', 1)] })],
    });
    const r = runEncounterChecks(
      scope(p),
      [
        line('96413', 1, [A1]),
        line('J9271', 200, [A1]),
        line('J2405', 8, ['MedicationAdministration/a2']),
      ],
      { entries: [] },
    );
    expect(codes(r.warnings)).toEqual(['CLAIM_LINE_MISSING']);
    expect(r.warnings[0]?.sources).toEqual([A1, 'Claim/cl1', 'MedicationAdministration/a2']);
    expect(r.warnings[0]?.amountAtStake).toBe(11025.4);
  });

  it('a claim for another encounter is not compared; cancelled-in-error claims ignored', () => {
    const p = patient({
      claims: [
        claim({ encounter: 'Encounter/other', lines: [cl('96413', 1)] }),
        claim({ ref: 'Claim/err', status: 'entered-in-error', lines: [] }),
      ],
    });
    expect(
      runEncounterChecks(scope(p), [line('96413', 1, [A1])], { entries: [] }).warnings,
    ).toEqual([]);
  });

  it('contract §2.4 administrations without an encounter: the claim without one for that date', () => {
    const p = patient({
      claims: [
        claim({ encounter: undefined, lines: [cl('96413', 1)] }),
        claim({
          ref: 'Claim/other-day',
          encounter: undefined,
          lines: [{ ...cl('96365', 1), date: '2026-08-05' }],
        }),
      ],
    });
    const r = runEncounterChecks(
      scope(p, { encounter: null }),
      [line('96413', 1, [A1]), line('96415', 1, [A1])],
      { entries: [] },
    );
    expect(codes(r.warnings)).toEqual(['CLAIM_LINE_MISSING']);
    expect(r.warnings[0]?.sources).toContain('Claim/cl1');
  });

  it('coverage terminated and a claim drafted: both reported', () => {
    const p = patient({
      coverages: [
        {
          ref: 'Coverage/c1',
          beneficiary: 'Patient/p1',
          status: 'active',
          periodEnd: '2026-07-31',
        },
      ],
      claims: [claim({ lines: [cl('96413', 1)] })],
    });
    const r = runEncounterChecks(scope(p), [line('96413', 1, [A1]), line('96415', 1, [A1])], {
      entries: [],
    });
    expect(codes(r.warnings)).toEqual(['CLAIM_LINE_MISSING', 'COVERAGE_NOT_ACTIVE']);
  });
});
