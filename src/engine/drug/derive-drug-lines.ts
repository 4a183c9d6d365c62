// HCPCS drug lines with units, JW/JZ and NDC quantity: drug-wastage R-01–R-34 (§9 algorithm).
// Pure: the reference data and settings come in the scope.
import type { EncounterScope, StageResult } from '../stage.ts';
import type { DerivedLine, Warning } from '../types.ts';
import { groupLines, type DrugFacts } from './administration.ts';
import { draftClaimWarnings, mueWarnings } from './encounter-checks.ts';
import { groupPrepared, prepare, type Prepared } from './prepare.ts';

export function deriveDrugLines(scope: EncounterScope): StageResult {
  const lines: DerivedLine[] = [];
  const warnings: Warning[] = [];
  const facts: DrugFacts[] = [];
  const prepared: Prepared[] = [];
  for (const a of scope.administrations) {
    const p = prepare(a, scope, warnings);
    if (p) prepared.push(p);
  }
  for (const g of groupPrepared(prepared, scope.context.memo)) {
    const f = groupLines(g, scope, lines, warnings);
    if (f) facts.push(f);
  }
  pushAll(warnings, mueWarnings(lines, scope));
  pushAll(warnings, draftClaimWarnings(facts, scope));
  return { lines, warnings };
}

function pushAll<T>(to: T[], from: T[]): void {
  for (const x of from) to.push(x);
}
