// Which administrations make drug lines, and how they group (drug-wastage §9: "grouped by
// patient + DOS + HCPCS"): the day's administrations of one code are one dose, one set of
// opened containers and one waste (an interrupted infusion restarted from the same vials).
import Decimal from 'decimal.js';
import type { EncounterScope } from '../stage.ts';
import type { RunMemo } from '../run-memo.ts';
import type { Administration, ContainerOpened, DecimalQuantity, Warning } from '../types.ts';
import { amountIn } from './amounts.ts';
import { ZERO } from './exact.ts';
import { warn } from './line-parts.ts';
import { resolveDrug, type ResolvedDrug } from './resolve.ts';

const BILLABLE = new Set(['completed', 'stopped']);

export interface Prepared {
  a: Administration;
  drug: ResolvedDrug;
  /** Dose in the billing unit's unit; undefined for NOC codes without a billing unit. */
  dose?: Decimal;
}

/**
 * The group's administrations as the line builders see them: the first one's start, product
 * amount and sponsor flag (the group's line date and product), the rest merged over the group.
 */
export interface GroupAdministration {
  start: Administration['start'];
  sponsorSupplied: boolean;
  medicationAmount: DecimalQuantity | undefined;
  /** Summed per NDC over the group. */
  containers: ContainerOpened[] | undefined;
  /** Summed over the group (the first one's when the units differ). */
  discarded: DecimalQuantity | undefined;
  /** Each distinct order once, summed. */
  orderedDose: DecimalQuantity | undefined;
  /** Any member's container was shared. */
  sharedContainer: boolean;
}

export interface DrugGroup {
  a: GroupAdministration;
  drug: ResolvedDrug;
  /** Summed dose in the billing unit's unit; undefined for NOC codes without a billing unit. */
  dose?: Decimal;
  sources: string[];
}

/** The administration's drug and dose when it makes a drug line; its warnings go to `warnings`. */
export function prepare(
  a: Administration,
  scope: EncounterScope,
  warnings: Warning[],
): Prepared | undefined {
  if (!BILLABLE.has(a.status) || a.flushMarked) return undefined;
  // injection-pump-rules R23.7, R26.1: the drug of a pump is billed on its initiation record; a
  // disconnect (the end of the same infusion) and a port flush's lock solution make no drug line.
  if (a.serviceMethod === 'pump-disconnect' || a.serviceMethod === 'port-flush') return undefined;
  // injection-pump-rules R20.4: drug supply for oral and other non-parenteral records is outside
  // this engine (ORAL_ROUTE_NOT_BILLABLE names the record).
  if (a.route.family === 'non-parenteral') return undefined;
  // contract §1: an end before its start makes the record an INVALID_TIME_RANGE warning
  // (raised by the infusion engine), not a billed administration.
  if (a.start && a.end && a.end.ms < a.start.ms) return undefined;
  if (a.sponsorSupplied && scope.context.config.trial.sponsorSuppliedDrugLine === 'omit') {
    return undefined; // research-billing T-37: no line, no vial or waste warnings
  }
  const drug = resolveDrug(a, scope, warnings);
  if (!drug || drug.category === 'flush') return undefined;
  const bu = drug.info.billingUnit;
  if (!bu) return { a, drug };
  const ref = scope.context.reference;
  const x = scope.context.memo.exact;
  const dose = a.dose
    ? amountIn(x, a.dose, bu.unit, drug.concentrationPerMl, drug.product, ref)
    : undefined;
  if ((!dose || x.lte(dose, ZERO)) && !a.dose && drug.category === 'hydration') {
    return undefined; // a fluid without a recorded volume: no supply line
  }
  if (!dose || x.lte(dose, ZERO)) {
    const why = a.dose
      ? `${a.dose.value} ${a.dose.unit} cannot be turned into ${bu.unit} without a concentration`
      : 'no dose is recorded';
    warnings.push(
      warn(
        'UNIT_CONVERSION_MISSING',
        'error',
        `${drug.displayName}: ${why}; no drug line was made. Record the dose in ${bu.unit} or the product's strength.`,
        [a.ref],
      ),
    );
    return undefined;
  }
  return { a, drug, dose };
}

/** Containers summed per NDC, in first-seen order (always fresh objects). */
function mergeContainers(list: Administration[]): ContainerOpened[] | undefined {
  let out: ContainerOpened[] | undefined;
  for (const a of list) {
    const cs = a.containers;
    if (!cs) continue;
    for (const c of cs) {
      out ??= [];
      let seen: ContainerOpened | undefined;
      for (const x of out) if (x.ndc11 === c.ndc11) seen ??= x;
      if (seen) seen.count += c.count;
      else out.push({ ndc11: c.ndc11, count: 0 + c.count });
    }
  }
  return out;
}

const SUM_TEXT_LIMIT = 65_536;

/**
 * A sum's exact text as decimal.js gives it (0 + value, rounded to its precision), kept by the
 * value's text in the run's memo: one quantity alone is the common case. Bounded; a text that
 * throws is not kept.
 */
function alone(memo: RunMemo, q: DecimalQuantity): DecimalQuantity {
  const sumText = memo.sums;
  const text = q.value;
  let value = typeof text === 'string' ? sumText.get(text) : undefined;
  if (value === undefined) {
    value = new Decimal(0).plus(text).toString();
    if (typeof text === 'string') {
      if (sumText.size >= SUM_TEXT_LIMIT) sumText.clear();
      sumText.set(text, value);
    }
  }
  return { value, unit: q.unit };
}

function sumQuantities(memo: RunMemo, qs: DecimalQuantity[]): DecimalQuantity | undefined {
  const first = qs[0];
  if (!first) return undefined;
  if (qs.length === 1) return alone(memo, first);
  const x = memo.exact;
  for (const q of qs) if (q.unit !== first.unit) return first;
  let sum = ZERO; // 0 + each value in turn, as decimal.js adds (shared parsed values, memoised sums)
  for (const q of qs) sum = x.plus(sum, x.dec(q.value));
  return { value: x.textOf(sum), unit: first.unit };
}

/** Ordered dose of the group: each distinct order once (a record without an order by its place). */
function ordered(memo: RunMemo, list: Administration[]): DecimalQuantity | undefined {
  const seen: string[] = []; // a handful: a list, same equality and order as a Set
  const doses: DecimalQuantity[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as Administration;
    if (!a.orderedDose) continue;
    const key = a.request ?? `#${i}`;
    if (seen.includes(key)) continue;
    seen.push(key);
    doses.push(a.orderedDose);
  }
  return sumQuantities(memo, doses);
}

/** Groups by HCPCS and sponsor supply, in first-seen order. */
export function groupPrepared(list: Prepared[], memo: RunMemo): DrugGroup[] {
  const plain = new Map<string, Prepared[]>();
  let sponsor: Map<string, Prepared[]> | undefined;
  const groups: Prepared[][] = [];
  for (const p of list) {
    const byCode = p.a.sponsorSupplied ? (sponsor ??= new Map()) : plain;
    const g = byCode.get(p.drug.hcpcs);
    if (g) g.push(p);
    else {
      const fresh = [p];
      byCode.set(p.drug.hcpcs, fresh);
      groups.push(fresh);
    }
  }
  const out: DrugGroup[] = [];
  for (const g of groups)
    out.push(g.length === 1 ? single(memo, g[0] as Prepared) : merge(memo, g));
  return out;
}

function single(memo: RunMemo, p: Prepared): DrugGroup {
  const a = p.a;
  const group: DrugGroup = {
    a: {
      start: a.start,
      sponsorSupplied: a.sponsorSupplied,
      medicationAmount: a.medicationAmount,
      containers: a.containers ? mergeContainers([a]) : undefined,
      discarded: a.discarded ? alone(memo, a.discarded) : undefined,
      orderedDose: a.orderedDose ? alone(memo, a.orderedDose) : undefined,
      sharedContainer: Boolean(a.sharedContainer),
    },
    drug: p.drug,
    sources: [a.ref],
  };
  if (p.dose) group.dose = p.dose;
  return group;
}

const startMs = (p: Prepared): number => p.a.start?.ms ?? p.a.end?.ms ?? Infinity;
const byStart = (x: Prepared, y: Prepared): number => startMs(x) - startMs(y);

/**
 * Members by start (line date = first start), stable. Two members: swapped exactly when the
 * comparison says the second is earlier (what the sort does for two), without its work array.
 */
function sortByStart(members: Prepared[]): void {
  if (members.length !== 2) {
    members.sort(byStart);
    return;
  }
  const [x, y] = members as [Prepared, Prepared];
  if (byStart(y, x) < 0) {
    members[0] = y;
    members[1] = x;
  }
}

/** Merges a group (its list is the group's own: sorted in place). */
function merge(memo: RunMemo, members: Prepared[]): DrugGroup {
  sortByStart(members);
  const first = members[0] as Prepared;
  const admins: Administration[] = [];
  const discarded: DecimalQuantity[] = [];
  const sources: string[] = []; // first-seen, without repeats (as a Set would give)
  let shared = false;
  let dose: Decimal | undefined;
  for (const m of members) {
    const a = m.a;
    admins.push(a);
    if (a.discarded) discarded.push(a.discarded);
    if (a.sharedContainer) shared = true;
    if (!sources.includes(a.ref)) sources.push(a.ref);
    if (m.dose) dose = dose ? memo.exact.plus(dose, m.dose) : m.dose;
  }
  const group: DrugGroup = {
    a: {
      start: first.a.start,
      sponsorSupplied: first.a.sponsorSupplied,
      medicationAmount: first.a.medicationAmount,
      containers: mergeContainers(admins),
      discarded: sumQuantities(memo, discarded),
      orderedDose: ordered(memo, admins),
      sharedContainer: shared,
    },
    drug: first.drug,
    sources,
  };
  if (dose) group.dose = dose;
  return group;
}
