// Drug lines for one administration: drug-wastage §9 steps 1–5 and 7 (R-01–R-20), trial
// sponsor-supplied drug (research-billing T-35, T-37). Pure.
import type Decimal from 'decimal.js';
import type { EncounterScope, StageResult } from '../stage.ts';
import { localDate } from '../time.ts';
import type { Administration, DerivedLine, LineEvidence, Warning } from '../types.ts';
import { containerFacts, type ContainerFacts } from './containers.ts';
import { doseVersusOrder } from './dose-order.ts';
import {
  jzApplies,
  ndcFor,
  paymentAmount,
  separatelyPayable,
  show,
  warn,
  with340b,
} from './line-parts.ts';
import { dec, quantity } from './quantity.ts';
import type { DrugGroup } from './prepare.ts';
import type { ResolvedDrug } from './resolve.ts';

/** What the encounter-level checks (MUE, draft claim) need to know per line set. */
export interface DrugFacts {
  hcpcs: string;
  multiDose: boolean;
  jwUnits: number;
  sources: string[];
}

export interface AdministrationResult extends StageResult {
  facts?: DrugFacts;
}

interface Ctx {
  a: Administration;
  sources: string[];
  scope: EncounterScope;
  drug: ResolvedDrug;
  unit: string;
  dose: Decimal;
  adminUnits: number;
  date: string;
  warnings: Warning[];
}

function line(
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
    evidence,
  };
  const ndc11 =
    c.drug.ndc11 ?? (c.a.containers?.length === 1 ? c.a.containers[0]?.ndc11 : undefined);
  const product = ndc11 ? c.scope.context.reference.productByNdc(ndc11) : undefined;
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

function priced(c: Ctx, l: DerivedLine): DerivedLine {
  const amount = paymentAmount(c.scope, l.code, l.units);
  return amount === undefined ? l : { ...l, amount };
}

/** Lines for one group of administrations of a code (drug-wastage §9 steps 2–7). */
export function groupLines(g: DrugGroup, scope: EncounterScope): AdministrationResult {
  const { a, drug, sources } = g;
  const warnings: Warning[] = [];
  const date = a.start ? localDate(a.start) : scope.dateOfService;
  const bu = drug.info.billingUnit;
  const name = drug.displayName;
  if (!bu || !g.dose) {
    // NOC code (R-16): one unit; the claim carries the drug name, NDC and dose.
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
    return { lines: [l], warnings };
  }
  const dose = g.dose;
  const unitSize = dec(bu);
  const adminUnits = dose.div(unitSize).ceil().toNumber(); // R-01, R-05
  const c: Ctx = { a, sources, scope, drug, unit: bu.unit, dose, adminUnits, date, warnings };
  const administered = quantity(dose, bu.unit);
  const reasonDose = `${name}: ${show(dose, bu.unit)} given, ${adminUnits} unit(s) of ${show(unitSize, bu.unit)}`;

  if (a.sponsorSupplied) {
    // T-35 nominal profile: the drug shown at $0.01 with Q0, no JW/JZ, no vial warnings.
    const l = line(c, adminUnits, ['Q0'], {
      rules: ['R-01', 'T-35'],
      reason: `${reasonDose}; supplied free by the study sponsor.`,
      administered,
    });
    return { lines: [{ ...l, amount: 0.01 }], warnings };
  }
  warnings.push(...doseVersusOrder(a, drug, bu.unit, dose, sources, scope));
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
    return { lines: [pay.payable ? priced(c, with340bLine(scope, l)) : l], warnings };
  }
  const facts = containerFacts(a, drug, bu.unit, dose, scope.context.reference);
  return wasteLines(c, facts, reasonDose);
}

function with340bLine(scope: EncounterScope, l: DerivedLine): DerivedLine {
  return { ...l, modifiers: with340b(scope, l.modifiers) };
}

function wasteLines(c: Ctx, f: ContainerFacts, reasonDose: string): AdministrationResult {
  const { a, scope, drug, unit, dose, adminUnits, warnings } = c;
  const rules = scope.context.config.rules;
  const name = drug.displayName;
  const u = dec(drug.info.billingUnit ?? '1');
  const administered = quantity(dose, unit);
  const facts: DrugFacts = {
    hcpcs: drug.hcpcs,
    multiDose: f.type === 'multi-dose',
    jwUnits: 0,
    sources: c.sources,
  };
  const evidenceBase = {
    administered,
    containers: f.containers,
    ...(f.documented ? {} : { provisional: true }),
  };

  if (f.labeled && dose.gt(f.labeled) && (f.documented || f.type !== 'multi-dose')) {
    warnings.push(
      warn(
        'DOSE_EXCEEDS_OPENED_VIALS',
        'error',
        `${name}: ${show(dose, unit)} given but the opened containers hold ${show(f.labeled, unit)}. Complete the container record; the drug line is held.`,
        c.sources,
      ),
    );
    return { lines: [], warnings, facts };
  }
  if (f.type === 'multi-dose') {
    const left = f.labeled && f.documented ? f.labeled.minus(dose) : undefined;
    const discarded = a.discarded ? dec(a.discarded) : undefined;
    if ((discarded && discarded.gt(0)) || (left && left.gte(u))) {
      warnings.push(
        warn(
          'MULTI_DOSE_NO_WASTE_BILLING',
          'info',
          `${name} comes from a multiple-dose container: the unused amount is not billable (no JW or JZ).`,
          c.sources,
        ),
      );
    }
    const l = line(c, adminUnits, [], {
      rules: ['R-01', 'R-12'],
      reason: `${reasonDose}; multiple-dose container, no JW/JZ.`,
      administered,
      containers: f.containers,
    });
    return { lines: [priced(c, with340bLine(scope, l))], warnings, facts };
  }
  if (f.type === null) {
    warnings.push(
      warn(
        'CONTAINER_TYPE_UNKNOWN',
        'warning',
        `${name}: single- or multiple-dose container is not known for this product; treated as single-dose. Check the label (JW/JZ depend on it).`,
        c.sources,
      ),
    );
  }
  if (!f.documented) {
    warnings.push(
      warn(
        'VIALS_NOT_DOCUMENTED',
        'warning',
        f.labeled
          ? `${name}: containers opened are not recorded; assumed ${describeContainers(f)}. Record the vials opened.`
          : `${name}: containers opened are not recorded and no package size is known. Record the vials opened.`,
        c.sources,
      ),
    );
  }
  if (!f.labeled) {
    const l = line(c, adminUnits, [], {
      rules: ['R-01', 'R-18'],
      reason: `${reasonDose}; waste unknown.`,
      ...evidenceBase,
    });
    return { lines: [priced(c, with340bLine(scope, l))], warnings, facts };
  }
  const waste = f.labeled.minus(dose);
  const labeledUnits = f.labeled.div(u).floor().toNumber();
  const jwUnits = Math.max(0, labeledUnits - adminUnits); // R-06
  const jz = jzApplies(scope.dateOfService, rules);

  if (a.sharedContainer) {
    warnings.push(
      warn(
        'VIAL_SHARED_CONFIRM',
        'warning',
        `${name}: the container was shared with another patient. Confirm the remainder was used under USP <797>; only the last patient's line reports waste.`,
        c.sources,
      ),
    );
    const mods = jz && rules.sharedVialModifier === 'JZ' ? ['JZ'] : [];
    const l = line(c, adminUnits, with340b(scope, mods), {
      rules: ['R-01', 'R-20'],
      reason: `${reasonDose}; shared container, no waste reported here.`,
      ...evidenceBase,
    });
    return { lines: [priced(c, l)], warnings, facts };
  }
  bestChecks(c, f, waste, u);
  if (jwUnits >= 1 && rules.acceptsJW) {
    facts.jwUnits = jwUnits;
    if (!a.discarded) {
      warnings.push(
        warn(
          'WASTE_NOT_DOCUMENTED',
          'warning',
          `${name}: ${show(waste, unit)} discarded is billed with JW but the record has no waste statement. Document the amount discarded.`,
          c.sources,
        ),
      );
    }
    const adminLine = line(c, adminUnits, with340b(scope, []), {
      rules: ['R-01', 'R-06', 'R-09'],
      reason: `${reasonDose}.`,
      ...evidenceBase,
    });
    const jwLine = line(
      c,
      jwUnits,
      with340b(scope, ['JW']),
      {
        rules: ['R-06', 'R-07', 'R-09'],
        reason: `${name}: ${show(waste, unit)} of the opened single-dose container(s) discarded, ${jwUnits} unit(s) with JW.`,
        ...evidenceBase,
        discarded: quantity(waste, unit),
      },
      waste,
    );
    return { lines: [priced(c, adminLine), priced(c, jwLine)], warnings, facts };
  }
  if (waste.gt(0) && jwUnits < 1) {
    warnings.push(
      warn(
        'DISCARD_LESS_THAN_ONE_UNIT',
        'info',
        `${name}: ${show(waste, unit)} discarded is less than one billing unit, so no JW line; the line carries JZ.`,
        c.sources,
      ),
    );
  }
  const mods = jz ? ['JZ'] : [];
  const l = line(c, adminUnits, with340b(scope, mods), {
    rules: ['R-01', 'R-08', 'R-10'],
    reason: `${reasonDose}; no billable waste.`,
    ...evidenceBase,
    ...(waste.gt(0) ? { discarded: quantity(waste, unit) } : {}),
  });
  return { lines: [priced(c, l)], warnings, facts };
}

function describeContainers(f: ContainerFacts): string {
  return f.containers.map((x) => `${x.count} × ${x.ndc11 || 'container'}`).join(' + ');
}

/** R-17 / R-24: compare with the least-waste combination. */
function bestChecks(c: Ctx, f: ContainerFacts, waste: Decimal, u: Decimal): void {
  const best = f.best;
  if (!best) return;
  const name = c.drug.displayName;
  if (f.documented && waste.gt(best.waste)) {
    c.warnings.push(
      warn(
        'SUBOPTIMAL_VIAL_SELECTION',
        'warning',
        `${name}: the vials opened leave ${show(waste, c.unit)} of waste; ${best.containers.map((x) => `${x.count} × ${x.ndc11}`).join(' + ')} would leave ${show(best.waste, c.unit)}. The JW line may be denied or reduced.`,
        c.sources,
      ),
    );
  }
  if (best.total.div(u).floor().toNumber() - c.adminUnits >= 1) {
    c.warnings.push(
      warn(
        'NO_ZERO_WASTE_COMBINATION',
        'info',
        `${name}: no combination of marketed vial sizes matches ${show(c.dose, c.unit)}, so some waste (JW) is expected.`,
        c.sources,
      ),
    );
  }
}
