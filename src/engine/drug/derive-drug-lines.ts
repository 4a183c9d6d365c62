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
    const r = prepare(a, scope);
    warnings.push(...r.warnings);
    if (r.prepared) prepared.push(r.prepared);
  }
  for (const g of groupPrepared(prepared)) {
    const r = groupLines(g, scope);
    lines.push(...r.lines);
    warnings.push(...r.warnings);
    if (r.facts) facts.push(r.facts);
  }
  warnings.push(...mueWarnings(lines, scope), ...draftClaimWarnings(facts, scope));
  return { lines, warnings };
}
