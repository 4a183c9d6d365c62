import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../profiles.ts';
import type { PreAuthorization } from '../types.ts';
import { checkAuthorizations, recordUse, type AuthLedger } from './authorization.ts';
import { DOS, codes, line, patient, scope } from '../test-kit/checks.ts';

const A1 = 'MedicationAdministration/a1';
const pa = (over: Partial<PreAuthorization> = {}): PreAuthorization => ({
  ref: 'ClaimResponse/pa1',
  requestClaim: 'Claim/pa-req',
  outcome: 'complete',
  preAuthRef: 'AB123',
  periodStart: '2026-06-01',
  periodEnd: '2026-11-30',
  hcpcs: ['J9271'],
  unitsByHcpcs: { J9271: 800 },
  ...over,
});
const pembro = (units = 200) => [line('J9271', units, [A1], { drugName: 'Pembrolizumab' })];
const empty = (): AuthLedger => ({ entries: [] });

describe('contract §2.4 prior authorization per drug line', () => {
  it.each([
    ['not required, none on file', {}, []],
    [
      'required by CoverageEligibilityResponse, none on file',
      {
        authRequirements: [
          {
            ref: 'CoverageEligibilityResponse/r1',
            coverage: 'Coverage/c1',
            hcpcs: 'J9271',
            required: true,
          },
        ],
      },
      ['AUTH_MISSING'],
    ],
    [
      'eligibility says not required',
      {
        authRequirements: [
          { ref: 'CoverageEligibilityResponse/r1', hcpcs: 'J9271', required: false },
        ],
      },
      [],
    ],
    [
      'eligibility for another HCPCS',
      {
        authRequirements: [
          { ref: 'CoverageEligibilityResponse/r1', hcpcs: 'J9299', required: true },
        ],
      },
      [],
    ],
    ['auth ends on the DOS (boundary)', { preAuthorizations: [pa({ periodEnd: DOS })] }, []],
    ['auth starts on the DOS (boundary)', { preAuthorizations: [pa({ periodStart: DOS })] }, []],
    [
      'auth ended the day before → expired',
      { preAuthorizations: [pa({ periodEnd: '2026-08-03' })] },
      ['AUTH_EXPIRED'],
    ],
    [
      'auth starts the day after → missing',
      { preAuthorizations: [pa({ periodStart: '2026-08-05' })] },
      ['AUTH_MISSING'],
    ],
    [
      'auth denied (outcome error) → missing',
      { preAuthorizations: [pa({ outcome: 'error' })] },
      ['AUTH_MISSING'],
    ],
    ['partial outcome counts', { preAuthorizations: [pa({ outcome: 'partial' })] }, []],
    [
      'auth for another drug only',
      { preAuthorizations: [pa({ hcpcs: ['J9299'], unitsByHcpcs: {} })] },
      [],
    ],
  ])('%s', (_n, over, expected) => {
    const s = scope(patient(over));
    expect(codes(checkAuthorizations(s, pembro(), empty()))).toEqual(expected);
  });

  it('required by the payer profile list (config.rules.authRequiredHcpcs)', () => {
    const config = defaultConfig('commercial', { rules: { authRequiredHcpcs: ['J9271'] } });
    expect(codes(checkAuthorizations(scope(patient(), { config }), pembro(), empty()))).toEqual([
      'AUTH_MISSING',
    ]);
  });

  it('AUTH_EXPIRED message names drug, auth number and end date; amount at stake', () => {
    const s = scope(patient({ preAuthorizations: [pa({ periodEnd: '2026-07-28' })] }));
    const [w] = checkAuthorizations(s, pembro(), empty());
    expect(w?.message).toBe(
      "Pembrolizumab: authorization AB123 ended 2026-07-28 — today's dose is not covered. Renew the authorization before billing.",
    );
    expect(w?.severity).toBe('error');
    expect(w?.amountAtStake).toBe(11024.6);
    expect(w?.sources).toEqual([A1, 'ClaimResponse/pa1']);
  });

  it.each([
    ['earlier use 600 + 200 = 800 authorised (boundary)', 600, []],
    ['earlier use 601 + 200 = 801 > 800', 601, ['AUTH_UNITS_EXCEEDED']],
    ['earlier use 0, this line 200', 0, []],
  ])('AUTH_UNITS_EXCEEDED: %s', (_n, earlier, expected) => {
    const ledger: AuthLedger = {
      entries: [{ hcpcs: 'J9271', date: '2026-07-14', units: earlier }],
    };
    const s = scope(patient({ preAuthorizations: [pa()] }));
    expect(codes(checkAuthorizations(s, pembro(), ledger))).toEqual(expected);
  });

  it('AUTH_UNITS_EXCEEDED ignores use outside the auth period and JW units', () => {
    const ledger: AuthLedger = { entries: [{ hcpcs: 'J9271', date: '2026-05-30', units: 700 }] };
    const lines = [...pembro(), line('J9271', 56, [A1], { modifiers: ['JW'] })];
    const s = scope(patient({ preAuthorizations: [pa({ unitsByHcpcs: { J9271: 200 } })] }));
    expect(checkAuthorizations(s, lines, ledger)).toEqual([]);
  });

  it('AUTH_UNITS_EXCEEDED prices the units over the authorisation', () => {
    const ledger: AuthLedger = { entries: [{ hcpcs: 'J9271', date: '2026-07-14', units: 700 }] };
    const s = scope(patient({ preAuthorizations: [pa()] }));
    const [w] = checkAuthorizations(s, pembro(), ledger);
    expect(w?.amountAtStake).toBe(5512.3);
    expect(w?.message).toContain('allows 800 units');
  });

  it.each([
    [
      'required drug → warning',
      {
        authRequirements: [
          { ref: 'CoverageEligibilityResponse/r1', hcpcs: 'J9271', required: true },
        ],
      },
      'warning',
    ],
    ['nothing known to require one → info', {}, 'info'],
  ])('AUTH_UNKNOWN once when Claim/ClaimResponse are unreadable: %s', (_n, over, severity) => {
    const p = patient(over);
    p.readable.claims = false;
    const lines = [...pembro(), line('J2405', 8, ['MedicationAdministration/a2'])];
    const ws = checkAuthorizations(scope(p), lines, empty());
    expect(codes(ws)).toEqual(['AUTH_UNKNOWN']);
    expect(ws[0]?.severity).toBe(severity);
  });

  it('no drug lines → nothing, even when unreadable', () => {
    const p = patient();
    p.readable.claims = false;
    expect(checkAuthorizations(scope(p), [line('96413', 1, [A1])], empty())).toEqual([]);
  });

  it('recordUse adds administered units per HCPCS', () => {
    const ledger = empty();
    recordUse(ledger, [...pembro(), line('J9271', 56, [A1], { modifiers: ['JW'] })], DOS);
    expect(ledger.entries).toEqual([{ hcpcs: 'J9271', date: DOS, units: 200 }]);
  });
});
