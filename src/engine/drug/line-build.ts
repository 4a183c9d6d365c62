// Shared pieces of drug-line building: the group context, one line with its NDC, pricing.
import type Decimal from 'decimal.js';
import type { EncounterScope } from '../stage.ts';
import type { DerivedLine, LineEvidence, Warning } from '../types.ts';
import { ndcFor, paymentAmount, with340b } from './line-parts.ts';
import type { GroupAdministration } from './prepare.ts';
import type { ResolvedDrug } from './resolve.ts';
import type { Presentation } from '../../reference/types.ts';

/** What the encounter-level checks (MUE, draft claim) need to know per line set. */
export interface DrugFacts {
  hcpcs: string;
  multiDose: boolean;
  jwUnits: number;
  sources: string[];
}

export interface Ctx {
  a: GroupAdministration;
  sources: string[];
  scope: EncounterScope;
  drug: ResolvedDrug;
  unit: string;
  dose: Decimal;
  adminUnits: number;
  date: string;
  /** The encounter's drug lines and warnings, appended to in order. */
  lines: DerivedLine[];
  warnings: Warning[];
}

export function line(
  c: Ctx,
  units: number,
  modifiers: string[],
  evidence: LineEvidence,
  ndcAmount?: Decimal,
): DerivedLine {
  const out: DerivedLine = {
    kind: 'drug',
    code: c.drug.hcpcs,
    units,
    modifiers,
    date: c.date,
    sources: c.sources,
    drugName: c.drug.displayName,
    // The drug's identification is evidence too: only when evidence is asked for (issue 18).
    evidence:
      c.drug.identity && c.scope.context.evidence !== false
        ? { ...evidence, identity: c.drug.identity }
        : evidence,
  };
  const ndc11 =
    c.drug.ndc11 ?? (c.a.containers?.length === 1 ? c.a.containers[0]?.ndc11 : undefined);
  const product = ndc11 ? productFor(ndc11, c) : undefined;
  const ndc = ndcFor(
    ndc11,
    ndcAmount ?? c.dose,
    c.unit,
    product,
    c.drug.concentrationPerMl,
    c.scope,
  );
  if (ndc) out.ndc = ndc;
  return out;
}

/** The NDC's product, else one described by the Medication itself (strength, amount). */
function productFor(ndc11: string, c: Ctx): Presentation | undefined {
  const known = c.scope.context.reference.productByNdc(ndc11);
  if (known?.amount.unit) return known;
  const amount = c.a.medicationAmount;
  const concentration = c.drug.concentrationPerMl;
  if (!amount && !concentration) return known;
  return {
    ndc11,
    hcpcs: c.drug.hcpcs,
    amount: amount ?? { value: '0', unit: '' },
    ...(concentration ? { concentrationPerMl: concentration } : {}),
    container: known?.container ?? null,
    marketed: false,
    ndcUnit: concentration ? 'ML' : 'UN',
  };
}

/** The line with its payment amount (last key), when the payment file covers it. */
export function priced(c: Ctx, l: DerivedLine): DerivedLine {
  const amount = paymentAmount(c.scope, l.code, l.units);
  if (amount !== undefined) l.amount = amount;
  return l;
}

/** The line with the 340B modifier added. */
export function with340bLine(scope: EncounterScope, l: DerivedLine): DerivedLine {
  l.modifiers = with340b(scope, l.modifiers);
  return l;
}
