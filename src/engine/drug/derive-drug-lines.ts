// HCPCS drug lines with units, JW/JZ and NDC quantity: drug-wastage R-01–R-34 (§9 algorithm).
// Pure: the reference data and settings come in the scope.
import type { EncounterScope, StageResult } from '../stage.ts';
import type { DerivedLine, Warning } from '../types.ts';
import { drugLinesFor, type DrugFacts } from './administration.ts';
import { draftClaimWarnings, mueWarnings } from './encounter-checks.ts';

export function deriveDrugLines(scope: EncounterScope): StageResult {
  const lines: DerivedLine[] = [];
  const warnings: Warning[] = [];
  const facts: DrugFacts[] = [];
  for (const a of scope.administrations) {
    const r = drugLinesFor(a, scope);
    lines.push(...r.lines);
    warnings.push(...r.warnings);
    if (r.facts) facts.push(r.facts);
  }
  warnings.push(...mueWarnings(lines, scope), ...draftClaimWarnings(facts, scope));
  return { lines, warnings };
}
