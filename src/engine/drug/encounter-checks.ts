// Encounter-level drug checks: MUE (drug-wastage R-23) on the day's units per code, and the
// drafted claim's JW/JZ (R-12 JW_ON_MULTIDOSE, R-22 JZ_WITH_WASTE).
import { existingClaim } from '../checks/claim-header.ts';
import type { EncounterScope } from '../stage.ts';
import type { MueTable } from '../../reference/types.ts';
import type { DerivedLine, Warning } from '../types.ts';
import type { DrugFacts } from './administration.ts';
import { warn } from './line-parts.ts';

export function mueWarnings(lines: DerivedLine[], scope: EncounterScope): Warning[] {
  const table: MueTable = scope.setting === 'facility' ? 'outpatient-hospital' : 'practitioner';
  const totals = new Map<string, { admin: number; waste: number; name: string }>();
  for (const l of lines) {
    let t = totals.get(l.code);
    if (!t) {
      t = { admin: 0, waste: 0, name: l.drugName ?? l.code };
      totals.set(l.code, t);
    }
    if (l.modifiers.includes('JW')) t.waste += l.units;
    else t.admin += l.units;
  }
  const out: Warning[] = [];
  for (const [code, t] of totals) {
    const e = scope.context.reference.mue(code, table, scope.dateOfService);
    if (!e) continue;
    const where = table === 'practitioner' ? 'practitioner' : 'outpatient hospital';
    if (t.admin > e.value) {
      out.push(
        warn(
          'MUE_EXCEEDED',
          'error',
          `${t.name} (${code}): ${t.admin} units given exceed the ${where} MUE of ${e.value} per day; expect a denial unless documentation supports it.`,
          sourcesOf(lines, code),
        ),
      );
    } else if (t.admin + t.waste > e.value) {
      out.push(
        warn(
          'MUE_EXCEEDED_WITH_WASTE',
          'warning',
          `${t.name} (${code}): ${t.admin} given + ${t.waste} discarded units exceed the ${where} MUE of ${e.value}; whether JW units count is unsettled.`,
          sourcesOf(lines, code),
        ),
      );
    }
  }
  return out;
}

/** Lines of the encounter's existing claim (any status) that misuse JW/JZ. */
export function draftClaimWarnings(facts: DrugFacts[], scope: EncounterScope): Warning[] {
  // The same claim the comparison uses: type matching the setting, never a pharmacy claim.
  const chosen = scope.encounter !== null ? existingClaim(scope) : undefined;
  const claims = chosen ? [chosen] : [];
  const out: Warning[] = [];
  for (const claim of claims) {
    for (const cl of claim.lines) {
      const mine = facts.filter((f) => f.hcpcs === cl.code);
      if (mine.length === 0) continue;
      const sources = [claim.ref, ...new Set(mine.flatMap((f) => f.sources))];
      const jwjz = cl.modifiers.some((m) => m === 'JW' || m === 'JZ');
      if (jwjz && mine.every((f) => f.multiDose)) {
        out.push(
          warn(
            'JW_ON_MULTIDOSE',
            'error',
            `Claim line ${cl.sequence} (${cl.code}) carries JW/JZ but the drug came from a multiple-dose container: remove the modifier or the JW line.`,
            sources,
          ),
        );
      } else if (cl.modifiers.includes('JZ') && mine.some((f) => f.jwUnits >= 1)) {
        out.push(
          warn(
            'JZ_WITH_WASTE',
            'error',
            `Claim line ${cl.sequence} (${cl.code}) says JZ (nothing discarded) but at least one billing unit was discarded: bill the dose line and a JW line.`,
            sources,
          ),
        );
      }
    }
  }
  return out;
}

/** The code's lines' sources, first-seen, without repeats (only for a warning). */
function sourcesOf(lines: DerivedLine[], code: string): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.code !== code) continue;
    for (const s of l.sources) if (!out.includes(s)) out.push(s);
  }
  return out;
}
