// Single- and multiple-dose container lines: drug-wastage R-06–R-09, R-12, R-14, R-17–R-20, R-24.
import type Decimal from 'decimal.js';
import type { DecimalQuantity, LineEvidence } from '../types.ts';
import type { ContainerFacts } from './containers.ts';
import { type Ctx, type DrugFacts, line, priced, with340bLine } from './line-build.ts';
import { jzApplies, show, warn, with340b } from './line-parts.ts';
import { ZERO } from './exact.ts';
import { quantity } from './quantity.ts';

/**
 * Evidence of a single-dose line: rules, reason, administered, containers, provisional, discarded.
 * Without evidence asked for (issue 18), the rules alone.
 */
function evidence(
  c: Ctx,
  rules: string[],
  reason: string,
  administered: DecimalQuantity,
  f: ContainerFacts,
  discarded?: DecimalQuantity,
): LineEvidence {
  if (c.scope.context.evidence === false) return { rules, reason: '' };
  const e: LineEvidence = { rules, reason, administered, containers: f.containers };
  if (!f.documented) e.provisional = true;
  if (discarded) e.discarded = discarded;
  return e;
}

/** The group's lines (appended to `c.lines`) and the facts for the encounter-level checks. */
export function wasteLines(c: Ctx, f: ContainerFacts, reasonDose: string): DrugFacts {
  const { a, scope, drug, unit, dose, adminUnits, warnings, lines } = c;
  const ex = scope.context.memo.exact;
  const rules = scope.context.config.rules;
  const name = drug.displayName;
  const u = ex.dec(drug.info.billingUnit ?? '1');
  const administered = quantity(ex, dose, unit);
  const facts: DrugFacts = {
    hcpcs: drug.hcpcs,
    multiDose: f.type === 'multi-dose',
    jwUnits: 0,
    sources: c.sources,
  };

  if (f.labeled && ex.gt(dose, f.labeled) && (f.documented || f.type !== 'multi-dose')) {
    warnings.push(
      warn(
        'DOSE_EXCEEDS_OPENED_VIALS',
        'error',
        `${name}: ${show(ex, dose, unit)} given but the opened containers hold ${show(ex, f.labeled, unit)}. Complete the container record; the drug line is held.`,
        c.sources,
      ),
    );
    return facts;
  }
  if (f.type === 'multi-dose') {
    const left = f.labeled && f.documented ? ex.minus(f.labeled, dose) : undefined;
    const discarded = a.discarded ? ex.dec(a.discarded) : undefined;
    if ((discarded && ex.gt(discarded, ZERO)) || (left && ex.gte(left, u))) {
      warnings.push(
        warn(
          'MULTI_DOSE_NO_WASTE_BILLING',
          'info',
          `${name} comes from a multiple-dose container: the unused amount is not billable (no JW or JZ).`,
          c.sources,
        ),
      );
    }
    const e: LineEvidence = {
      rules: ['R-01', 'R-12'],
      reason: `${reasonDose}; multiple-dose container, no JW/JZ.`,
      administered,
    };
    if (f.documented) e.containers = f.containers;
    lines.push(priced(c, with340bLine(scope, line(c, adminUnits, [], e))));
    return facts;
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
    const e = evidence(c, ['R-01', 'R-18'], `${reasonDose}; waste unknown.`, administered, f);
    lines.push(priced(c, with340bLine(scope, line(c, adminUnits, [], e))));
    return facts;
  }
  const waste = ex.minus(f.labeled, dose);
  const labeledUnits = ex.floorDiv(f.labeled, u);
  if (!Number.isSafeInteger(labeledUnits)) {
    // Containers beyond any claim (a count of 1e15): bill what was given, leave the waste out.
    warnings.push(
      warn(
        'INVALID_RESOURCE',
        'error',
        `${name}: the containers recorded hold more than any claim can bill; the waste was left out. Check the containers opened.`,
        c.sources,
      ),
    );
    const e = evidence(
      c,
      ['R-01'],
      `${reasonDose}; containers recorded are not plausible.`,
      administered,
      f,
    );
    lines.push(priced(c, with340bLine(scope, line(c, adminUnits, [], e))));
    return facts;
  }
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
    const e = evidence(
      c,
      ['R-01', 'R-20'],
      `${reasonDose}; shared container, no waste reported here.`,
      administered,
      f,
    );
    lines.push(priced(c, line(c, adminUnits, with340b(scope, mods), e)));
    return facts;
  }
  bestChecks(c, f, waste, u);
  if (jwUnits >= 1 && rules.acceptsJW) {
    facts.jwUnits = jwUnits;
    if (!a.discarded) {
      warnings.push(
        warn(
          'WASTE_NOT_DOCUMENTED',
          'warning',
          `${name}: ${show(ex, waste, unit)} discarded is billed with JW but the record has no waste statement. Document the amount discarded.`,
          c.sources,
        ),
      );
    }
    const adminEvidence = evidence(c, ['R-01', 'R-06', 'R-09'], `${reasonDose}.`, administered, f);
    const adminLine = line(c, adminUnits, with340b(scope, []), adminEvidence);
    const jwEvidence = evidence(
      c,
      ['R-06', 'R-07', 'R-09'],
      `${name}: ${show(ex, waste, unit)} of the opened single-dose container(s) discarded, ${jwUnits} unit(s) with JW.`,
      administered,
      f,
      quantity(ex, waste, unit),
    );
    const jwLine = line(c, jwUnits, with340b(scope, ['JW']), jwEvidence, waste);
    lines.push(priced(c, adminLine), priced(c, jwLine));
    return facts;
  }
  if (ex.gt(waste, ZERO) && jwUnits < 1) {
    warnings.push(
      warn(
        'DISCARD_LESS_THAN_ONE_UNIT',
        'info',
        `${name}: ${show(ex, waste, unit)} discarded is less than one billing unit, so no JW line; the line carries JZ.`,
        c.sources,
      ),
    );
  }
  // JZ says nothing was discarded: never when billable waste exists but the payer takes no JW.
  const mods = jz && jwUnits < 1 ? ['JZ'] : [];
  const e = evidence(
    c,
    ['R-01', 'R-08', 'R-10'],
    `${reasonDose}; no billable waste.`,
    administered,
    f,
    ex.gt(waste, ZERO) ? quantity(ex, waste, unit) : undefined,
  );
  lines.push(priced(c, line(c, adminUnits, with340b(scope, mods), e)));
  return facts;
}

function describeContainers(f: ContainerFacts): string {
  return f.containers.map((x) => `${x.count} × ${x.ndc11 || 'container'}`).join(' + ');
}

/** R-17 / R-24: compare with the least-waste combination. */
function bestChecks(c: Ctx, f: ContainerFacts, waste: Decimal, u: Decimal): void {
  const ex = c.scope.context.memo.exact;
  const best = f.best;
  if (!best) return;
  const name = c.drug.displayName;
  if (f.documented && ex.gt(waste, best.waste)) {
    c.warnings.push(
      warn(
        'SUBOPTIMAL_VIAL_SELECTION',
        'warning',
        `${name}: the vials opened leave ${show(ex, waste, c.unit)} of waste; ${best.containers.map((x) => `${x.count} × ${x.ndc11}`).join(' + ')} would leave ${show(ex, best.waste, c.unit)}. The JW line may be denied or reduced.`,
        c.sources,
      ),
    );
  }
  if (ex.floorDiv(best.total, u) - c.adminUnits >= 1) {
    c.warnings.push(
      warn(
        'NO_ZERO_WASTE_COMBINATION',
        'info',
        `${name}: no combination of marketed vial sizes matches ${show(ex, c.dose, c.unit)}, so some waste (JW) is expected.`,
        c.sources,
      ),
    );
  }
}
