// Shared pieces of the claim comparison: its context, prices, drug names and container facts.
import type { EncounterScope } from '../stage.ts';
import type { ClaimInfo, Warning } from '../types.ts';
import type { Entry } from './claim-entries.ts';
import { amountFor, capitalise } from './money.ts';
import type { TrialStatus } from './trial-status.ts';

export interface Ctx {
  scope: EncounterScope;
  claim: ClaimInfo;
  status: TrialStatus;
  warnings: Warning[];
}

export function priced(e: Entry, units: number, c: Ctx): number | undefined {
  return amountFor(
    { code: e.code, units: e.units, amount: e.amount, date: e.date },
    units,
    c.scope.context,
  );
}

export function name(e: Entry): string {
  return e.drugName ? `${capitalise(e.drugName)} (${e.code})` : e.code;
}

export function isMultiDose(code: string, claimNdc: string[], c: Ctx): boolean {
  const ref = c.scope.context.reference;
  const ndcs = new Set(claimNdc);
  for (const a of c.scope.administrations) {
    if (
      !a.drug.hcpcs.includes(code) &&
      !a.drug.ndc.some((n) => ref.hcpcsForNdc(n, c.scope.dateOfService).includes(code))
    )
      continue;
    for (const n of a.drug.ndc) ndcs.add(n);
    for (const k of a.containers ?? []) ndcs.add(k.ndc11);
  }
  const types = [...ndcs].map((n) => ref.productByNdc(n)?.container);
  return types.includes('multi-dose') && !types.includes('single-dose');
}

/** Administrations of this drug code that produced no line (not finished, no units…). */
export function pendingDrug(code: string, c: Ctx): string[] {
  const ref = c.scope.context.reference;
  const dos = c.scope.dateOfService;
  return c.scope.administrations
    .filter(
      (a) =>
        !a.sponsorSupplied &&
        (a.drug.hcpcs.includes(code) ||
          a.drug.ndc.some((n) => ref.hcpcsForNdc(n, dos).includes(code))),
    )
    .map((a) => a.ref);
}

/** Remove and return the first element matching `pred`. */
export function takeWhere<T>(list: T[], pred: (x: T) => boolean): T | undefined {
  const i = list.findIndex(pred);
  return i < 0 ? undefined : list.splice(i, 1)[0];
}
