// The claim's drug codes against the records (issue #13 part 3): a claim code not valid on its
// date → HCPCS_NOT_VALID_FOR_DOS (drug-wastage R-26); a claim code the administered NDC does not
// crosswalk to (a product-specific code, a biosimilar, the reference product) →
// NDC_HCPCS_MISMATCH naming both codes (R-25). The pair is then settled: no CLAIM_LINE_MISSING /
// CLAIM_LINE_EXTRA for it.
import type { ReferenceData } from '../../reference/types.ts';
import { describe, isAdministrationCode, type Entry } from './claim-entries.ts';
import { name, takeWhere, type Ctx } from './claim-context.ts';
import { withAmount } from './money.ts';

/** The molecule a code bills, without a biosimilar suffix ('rituximab-abbs' → 'rituximab'). */
function molecule(code: string, date: string, ref: ReferenceData): string {
  const info = ref.hcpcs(code, date);
  const text = info?.drugFamily ?? info?.displayName ?? ref.codeCategory?.(code)?.displayName ?? '';
  const first = text.toLowerCase().split(/[\s,]+/)[0] ?? '';
  return first.replace(/-[a-z]{4}$/, '');
}

function sameMolecule(a: string, b: string, date: string, ref: ReferenceData): boolean {
  const m = molecule(a, date, ref);
  return m !== '' && m === molecule(b, date, ref);
}

export function claimCodeChecks(ds: Entry[], ks: Entry[], c: Ctx, label: string): void {
  const ref = c.scope.context.reference;
  for (const k of [...ks]) {
    if (isAdministrationCode(k.code)) continue;
    const drugOf = (x: Entry): boolean =>
      x.kind === 'drug' &&
      x.date === k.date &&
      (k.ndc.some((n) => x.ndc.includes(n)) || sameMolecule(x.code, k.code, k.date, ref));
    if (ref.hcpcsKnown(k.code) && !ref.hcpcs(k.code, k.date)) {
      // R-26: the code is known but not in effect on the claim line's date.
      ks.splice(ks.indexOf(k), 1);
      const d = takeWhere(ds, drugOf);
      c.warnings.push(
        withAmount(
          {
            code: 'HCPCS_NOT_VALID_FOR_DOS',
            severity: 'error',
            message: `${label} bills ${describe(k)} on ${k.date}, a code not valid that day${d ? `; bill ${describe(d)} for ${name(d)}` : '; use the code in effect that day'}.`,
            sources: [...(d?.sources ?? []), c.claim.ref],
          },
          d?.amount,
        ),
      );
      continue;
    }
    const d = ds.find((x) => drugOf(x) && x.ndc.length > 0);
    if (!d) continue;
    const crosswalk = d.ndc.flatMap((n) => ref.hcpcsForNdc(n, k.date));
    if (crosswalk.length === 0 || crosswalk.includes(k.code)) continue;
    // R-25: the administered product bills under another code than the one the claim uses.
    ks.splice(ks.indexOf(k), 1);
    ds.splice(ds.indexOf(d), 1);
    c.warnings.push(
      withAmount(
        {
          code: 'NDC_HCPCS_MISMATCH',
          severity: 'error',
          message: `${label} bills ${k.code} for ${name(d)}, but the NDC given (${d.ndc.join(', ')}) bills under ${d.code} in the CMS crosswalk for ${k.date}: replace ${describe(k)} with ${describe(d)}.`,
          sources: [...d.sources, c.claim.ref],
        },
        d.amount,
      ),
    );
  }
}
