// The drafted claim side by side with the suggested lines; every difference with its dollar effect.
import type { ClaimInfo } from '../../engine/index.ts';
import type { SignedLine } from '../../fhir/write/claim-builder.ts';
import { compareWithClaim, type DifferenceKind } from './compare-claim.ts';
import { modifiersText, money, signedMoney } from './format.ts';

const DIFFERENCE: Record<DifferenceKind, string> = {
  same: 'Same',
  missing: 'Missing from the claim',
  extra: 'On the claim, not suggested',
  units: 'Units differ',
  modifiers: 'Modifiers differ',
  'units-modifiers': 'Units and modifiers differ',
};

function side(line: { code: string; units: number; modifiers: string[] } | undefined) {
  return line ? `${line.code} × ${line.units} (${modifiersText(line.modifiers)})` : '—';
}

export function ClaimComparison({
  claim,
  suggested,
}: {
  claim: ClaimInfo;
  suggested: SignedLine[];
}) {
  const cmp = compareWithClaim(suggested, claim.lines);
  const differences = cmp.rows.filter((r) => r.kind !== 'same').length;
  return (
    <>
      <p>
        Drafted claim {claim.ref} ({claim.status}).{' '}
        {differences === 0 ? 'It matches the suggested lines.' : `${differences} difference(s).`}
      </p>
      <table className="claim-comparison">
        <caption>Drafted claim compared with the suggested lines</caption>
        <thead>
          <tr>
            <th scope="col">Drafted</th>
            <th scope="col">Suggested</th>
            <th scope="col">Difference</th>
            <th scope="col">Dollar effect</th>
          </tr>
        </thead>
        <tbody>
          {cmp.rows.map((r, i) => (
            <tr key={`${r.code}-${i}`} className={`diff-${r.kind}`}>
              <td>{side(r.drafted)}</td>
              <td>{side(r.suggested)}</td>
              <td>{DIFFERENCE[r.kind]}</td>
              <td>{signedMoney(r.dollarEffect)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Billed as drafted (charges on the claim)</th>
            <td colSpan={3}>
              {money(cmp.draftedTotal)}
              {cmp.unpricedDrafted > 0 && ` (${cmp.unpricedDrafted} line(s) without a charge)`}
            </td>
          </tr>
          <tr>
            <th scope="row">Suggested (payment limit where known)</th>
            <td colSpan={3}>
              {money(cmp.suggestedTotal)}
              {cmp.unpricedSuggested > 0 &&
                ` (${cmp.unpricedSuggested} line(s) without a known price)`}
            </td>
          </tr>
        </tfoot>
      </table>
    </>
  );
}
