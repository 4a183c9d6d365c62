// Issue #13 part 3 over the built-in reference data: the claim compared is the one whose type
// matches the setting, never a pharmacy claim (contract §2.4); a claim code the administered NDC
// does not crosswalk to → NDC_HCPCS_MISMATCH naming both (drug-wastage R-25); a claim code not
// valid on its date → HCPCS_NOT_VALID_FOR_DOS; merged messages keep every day's count.
import { describe, expect, it } from 'vitest';
import { existingClaim } from '../src/engine/checks/claim-header.ts';
import { compareClaimLines } from '../src/engine/checks/claim-lines.ts';
import { admin, claim, line, patient, scope } from '../src/engine/test-kit/checks.ts';
import { trialStatus } from '../src/engine/checks/trial-status.ts';
import { defaultConfig, mergeWarnings, type ClaimInfo, type Setting } from '../src/engine/index.ts';
import { runContext } from '../src/engine/run-memo.ts';
import { builtinReference } from '../src/reference/builtin.ts';

const reference = builtinReference();
const A1 = 'MedicationAdministration/a1';

describe('contract §2.4: which existing claim is compared', () => {
  const pharmacy = claim({ ref: 'Claim/rx', type: undefined, otherType: 'pharmacy' });
  const prof = claim({ ref: 'Claim/prof', type: 'professional' });
  const inst = claim({ ref: 'Claim/inst', type: 'institutional' });
  const untyped = claim({ ref: 'Claim/none', type: undefined });
  it.each([
    ['pharmacy first, professional office', [pharmacy, prof, inst], 'professional', 'Claim/prof'],
    ['pharmacy first, facility', [pharmacy, prof, inst], 'facility', 'Claim/inst'],
    ['only pharmacy', [pharmacy], 'professional', undefined],
    ['pharmacy and untyped', [pharmacy, untyped], 'professional', 'Claim/none'],
    ['typed match before untyped', [untyped, prof], 'professional', 'Claim/prof'],
    ['only the other type', [inst], 'professional', undefined],
  ] as [string, ClaimInfo[], Setting, string | undefined][])(
    '%s → %s',
    (_l, claims, setting, expected) => {
      const p = patient({ claims });
      expect(existingClaim(scope(p, { setting }))?.ref).toBe(expected);
    },
  );

  it('the warning says which claim was compared', () => {
    const p = patient({ administrations: [admin('a1')] });
    const s = scope(p);
    const ws = compareClaimLines(s, [line('96413', 1, [A1])], claim({ lines: [] }), trialStatus(s));
    expect(ws[0]?.message).toContain('Compared with the professional claim Claim/cl1.');
  });
});

function compareWith(
  ndc: string,
  derivedCode: string,
  claimCode: string,
  date: string,
): { code: string; message: string }[] {
  const a = admin('a1', { drug: { ndc: [ndc], hcpcs: [], rxnorm: [] } });
  const p = patient({ administrations: [a] });
  const s = scope(p, {
    dateOfService: date,
    context: runContext({ config: defaultConfig(), reference }),
  });
  const derived = [
    line(derivedCode, 10, [A1], {
      date,
      drugName: 'drug',
      ndc: { code: ndc, unit: 'ML', quantity: 10 },
    }),
  ];
  const lines = [{ sequence: 1, code: claimCode, units: 10, modifiers: [], date }];
  return compareClaimLines(s, derived, claim({ lines }), trialStatus(s));
}

describe('R-25 / R-26 on the claim lines', () => {
  it.each([
    // [NDC administered, derived code, claim code, date, warnings]
    ['50242005121', 'J9312', 'Q5115', '2026-03-02', ['NDC_HCPCS_MISMATCH']],
    ['50242005121', 'J9312', 'J9312', '2026-03-02', []],
    ['63323011710', 'J9192', 'J9190', '2026-10-01', ['HCPCS_NOT_VALID_FOR_DOS']],
    ['63323011710', 'J9190', 'J9190', '2026-09-30', []],
  ])('NDC %s, derived %s, claim %s on %s → %j', (ndc, derived, claimed, date, expected) => {
    const ws = compareWith(ndc, derived, claimed, date);
    expect(ws.map((w) => w.code)).toEqual(expected);
    for (const w of ws) {
      expect(w.message).toContain(derived);
      expect(w.message).toContain(claimed);
    }
  });
});

describe('merged messages keep every day', () => {
  it('five days missing 96376 × 2 say five dates', () => {
    const p = patient({ administrations: [admin('a1')] });
    const s = scope(p);
    const dates = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
    const derived = dates.map((date) => line('96376', 2, [A1], { date }));
    const ws = mergeWarnings(compareClaimLines(s, derived, claim({ lines: [] }), trialStatus(s)));
    expect(ws).toHaveLength(1);
    for (const d of dates.slice(1)) expect(ws[0]?.message).toContain(`96376 × 2 on ${d}`);
    expect(ws[0]?.message.match(/96376 × 2/g)).toHaveLength(5);
  });
});
