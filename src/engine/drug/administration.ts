// Drug lines for one group of administrations: drug-wastage §9 steps 2–7, trial
// sponsor-supplied drug (research-billing T-35, T-37). Pure.
import type { EncounterScope } from '../stage.ts';
import { localDate } from '../time.ts';
import type { DerivedLine, Warning } from '../types.ts';
import { containerFacts } from './containers.ts';
import { doseVersusOrder } from './dose-order.ts';
import { type Ctx, type DrugFacts, line, priced, with340bLine } from './line-build.ts';
import { separatelyPayable, show, warn } from './line-parts.ts';
import type { DrugGroup } from './prepare.ts';
import { quantity } from './quantity.ts';
import { wasteLines } from './waste-lines.ts';

export type { DrugFacts } from './line-build.ts';

/**
 * Lines for one group of administrations of a code (drug-wastage §9 steps 2–7), appended to
 * `lines` and `warnings`; the facts the encounter-level checks need, when a waste line was built.
 */
export function groupLines(
  g: DrugGroup,
  scope: EncounterScope,
  lines: DerivedLine[],
  warnings: Warning[],
): DrugFacts | undefined {
  const { a, drug, sources } = g;
  const date = a.start ? localDate(a.start) : scope.dateOfService;
  const bu = drug.info.billingUnit;
  const name = drug.displayName;
  if (!bu || !g.dose) {
    // NOC code: one unit; the claim carries the drug name, NDC and dose.
    const evidence = {
      rules: ['R-16'],
      reason: `${name}: not otherwise classified code, one unit.`,
    };
    const l: DerivedLine = {
      kind: 'drug',
      code: drug.hcpcs,
      units: 1,
      modifiers: [],
      date,
      sources,
      drugName: name,
      evidence,
    };
    lines.push(l);
    return undefined;
  }
  const dose = g.dose;
  const ex = scope.context.memo.exact;
  const unitSize = ex.dec(bu);
  const adminUnits = ex.ceilDiv(dose, unitSize); // billing units per dose, rounded up
  if (!Number.isSafeInteger(adminUnits)) {
    // A dose beyond any claim (1e308 mg): no line rather than Infinity units.
    warnings.push(
      warn(
        'INVALID_RESOURCE',
        'error',
        `${name}: the recorded dose (${show(ex, dose, bu.unit)}) is too large to bill; no drug line was made. Check the dose.`,
        sources,
      ),
    );
    return undefined;
  }
  const c: Ctx = {
    a,
    sources,
    scope,
    drug,
    unit: bu.unit,
    dose,
    adminUnits,
    date,
    lines,
    warnings,
  };
  const administered = quantity(ex, dose, bu.unit);
  const reasonDose = `${name}: ${show(ex, dose, bu.unit)} given, ${adminUnits} unit(s) of ${show(ex, unitSize, bu.unit)}`;

  if (a.sponsorSupplied) {
    // T-35 nominal profile: the drug shown at $0.01 with Q0, no JW/JZ, no vial warnings.
    const l = line(c, adminUnits, ['Q0'], {
      rules: ['R-01', 'T-35'],
      reason: `${reasonDose}; supplied free by the study sponsor.`,
      administered,
    });
    l.amount = 0.01;
    lines.push(l);
    return undefined;
  }
  doseVersusOrder(a, drug, bu.unit, dose, sources, scope, warnings);
  const pay = separatelyPayable(scope, drug.hcpcs);
  if (drug.category === 'hydration' || !pay.payable) {
    if (!pay.payable) {
      warnings.push(
        warn(
          'NOT_SEPARATELY_PAYABLE',
          'info',
          `${name} (${drug.hcpcs}) is packaged under the outpatient payment system (status ${pay.si ?? '?'}): coded without JW/JZ.`,
          sources,
        ),
      );
    }
    const l = line(c, adminUnits, [], {
      rules: pay.payable ? ['R-01'] : ['R-01', 'R-13'],
      reason: `${reasonDose}.`,
      administered,
    });
    lines.push(pay.payable ? priced(c, with340bLine(scope, l)) : l);
    return undefined;
  }
  const facts = containerFacts(a, drug, bu.unit, dose, scope.context);
  return wasteLines(c, facts, reasonDose);
}
