// Which administrations make drug lines, and how they group (drug-wastage §9: "grouped by
// patient + DOS + HCPCS"): the day's administrations of one code are one dose, one set of
// opened containers and one waste (an interrupted infusion restarted from the same vials).
import Decimal from 'decimal.js';
import type { EncounterScope } from '../stage.ts';
import type { Administration, ContainerOpened, DecimalQuantity, Warning } from '../types.ts';
import { amountIn } from './amounts.ts';
import { warn } from './line-parts.ts';
import { resolveDrug, type ResolvedDrug } from './resolve.ts';

const BILLABLE = new Set(['completed', 'stopped']);

export interface Prepared {
  a: Administration;
  drug: ResolvedDrug;
  /** Dose in the billing unit's unit; undefined for NOC codes without a billing unit. */
  dose?: Decimal;
}

export interface DrugGroup extends Prepared {
  /** The group's administrations merged: containers, waste and order summed over them. */
  a: Administration;
  sources: string[];
}

export function prepare(
  a: Administration,
  scope: EncounterScope,
): { prepared?: Prepared; warnings: Warning[] } {
  if (!BILLABLE.has(a.status) || a.flushMarked) return { warnings: [] };
  // contract §1: an end before its start makes the record an INVALID_TIME_RANGE warning
  // (raised by the infusion engine), not a billed administration.
  if (a.start && a.end && a.end.ms < a.start.ms) return { warnings: [] };
  if (a.sponsorSupplied && scope.context.config.trial.sponsorSuppliedDrugLine === 'omit') {
    return { warnings: [] }; // research-billing T-37: no line, no vial or waste warnings
  }
  const resolved = resolveDrug(a, scope);
  const drug = resolved.drug;
  if (!drug || drug.category === 'flush') return { warnings: resolved.warnings };
  const bu = drug.info.billingUnit;
  if (!bu) return { prepared: { a, drug }, warnings: resolved.warnings };
  const ref = scope.context.reference;
  const dose = a.dose
    ? amountIn(a.dose, bu.unit, drug.concentrationPerMl, drug.product, ref)
    : undefined;
  if ((!dose || dose.lte(0)) && !a.dose && drug.category === 'hydration') {
    return { warnings: resolved.warnings }; // a fluid without a recorded volume: no supply line
  }
  if (!dose || dose.lte(0)) {
    const why = a.dose
      ? `${a.dose.value} ${a.dose.unit} cannot be turned into ${bu.unit} without a concentration`
      : 'no dose is recorded';
    const w = warn(
      'UNIT_CONVERSION_MISSING',
      'error',
      `${drug.displayName}: ${why}; no drug line was made. Record the dose in ${bu.unit} or the product's strength.`,
      [a.ref],
    );
    return { warnings: [...resolved.warnings, w] };
  }
  return { prepared: { a, drug, dose }, warnings: resolved.warnings };
}

function mergeContainers(list: Administration[]): ContainerOpened[] | undefined {
  const out = new Map<string, number>();
  for (const a of list)
    for (const c of a.containers ?? []) out.set(c.ndc11, (out.get(c.ndc11) ?? 0) + c.count);
  return out.size > 0 ? [...out].map(([ndc11, count]) => ({ ndc11, count })) : undefined;
}

function sumQuantities(qs: DecimalQuantity[]): DecimalQuantity | undefined {
  const first = qs[0];
  if (!first) return undefined;
  if (qs.some((q) => q.unit !== first.unit)) return first;
  return {
    value: qs.reduce((s, q) => s.plus(q.value), new Decimal(0)).toString(),
    unit: first.unit,
  };
}

/** Ordered dose of the group: each distinct order once. */
function ordered(list: Administration[]): DecimalQuantity | undefined {
  const seen = new Set<string>();
  const doses: DecimalQuantity[] = [];
  list.forEach((a, i) => {
    const key = a.request ?? `#${i}`;
    if (!a.orderedDose || seen.has(key)) return;
    seen.add(key);
    doses.push(a.orderedDose);
  });
  return sumQuantities(doses);
}

export function groupPrepared(list: Prepared[]): DrugGroup[] {
  const groups = new Map<string, Prepared[]>();
  for (const p of list) {
    const key = `${p.drug.hcpcs}|${p.a.sponsorSupplied ? 'sponsor' : ''}`;
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  const startMs = (p: Prepared): number => p.a.start?.ms ?? p.a.end?.ms ?? Infinity;
  return [...groups.values()].map((unsorted) => {
    const members = [...unsorted].sort((x, y) => startMs(x) - startMs(y)); // line date = first start
    const first = members[0] as Prepared;
    const admins = members.map((m) => m.a);
    const containers = mergeContainers(admins);
    const discarded = sumQuantities(admins.flatMap((a) => (a.discarded ? [a.discarded] : [])));
    const order = ordered(admins);
    const { containers: _c, discarded: _d, orderedDose: _o, ...rest } = first.a;
    const merged: Administration = {
      ...rest,
      sharedContainer: admins.some((a) => a.sharedContainer),
      ...(containers ? { containers } : {}),
      ...(discarded ? { discarded } : {}),
      ...(order ? { orderedDose: order } : {}),
    };
    let dose: Decimal | undefined;
    for (const m of members) if (m.dose) dose = dose ? dose.plus(m.dose) : m.dose;
    return {
      a: merged,
      drug: first.drug,
      ...(dose ? { dose } : {}),
      sources: [...new Set(admins.map((a) => a.ref))],
    };
  });
}
