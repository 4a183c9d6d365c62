// §5 step 1: status filter (R1.1), time range, sponsor-paid (research T-42), flush/KVO (R8.1),
// route gate (injection-pump-rules R20: IV records only, never assumed), category (contract §2.2).
import { resolveCategory } from '../category.ts';
import type { EncounterScope } from '../stage.ts';
import type { Administration, Warning } from '../types.ts';
import type { IvItem } from './model.ts';
import { routeGate } from './route-gate.ts';
import { unknownCategoryWarning, warn } from './warnings.ts';
import { sortSmall } from '../sort-small.ts';

export interface Normalized {
  items: IvItem[];
  warnings: Warning[];
  /** R20.3 hold_encounter: a billable record's route is unknown; no administration lines. */
  held: boolean;
}

const BILLABLE = new Set(['completed', 'stopped']);
const NOT_YET = new Set(['in-progress', 'on-hold']);

/** "Not otherwise classified" codes name no particular drug: identity comes from the record. */
const NOC_HCPCS = new Set(['J3490', 'J3590', 'J7999', 'J8499', 'J8999', 'J9999', 'C9399']);

function drugKeyOf(admin: Administration, r: { family?: string; hcpcs?: string }): string {
  const d = admin.drug;
  const noc = r.hcpcs !== undefined && NOC_HCPCS.has(r.hcpcs.toUpperCase());
  if (!noc && r.family) return `family:${r.family}`;
  if (!noc && r.hcpcs) return `hcpcs:${r.hcpcs.toUpperCase()}`;
  if (d.rxnorm[0]) return `rxnorm:${d.rxnorm[0]}`;
  if (d.ndc[0]) return `ndc:${d.ndc[0]}`;
  if (d.display) return `name:${d.display.trim().toLowerCase()}`;
  if (r.hcpcs) return `hcpcs:${r.hcpcs.toUpperCase()}`;
  return `ref:${admin.ref}`;
}

function notGivenMessage(a: Administration): string {
  return a.status === 'not-done'
    ? `${a.ref}: recorded as not given (not-done); not billed.`
    : `${a.ref}: status unknown; not billed until the record says what was given.`;
}

export function normalizeAdministrations(scope: EncounterScope): Normalized {
  const warnings: Warning[] = [];
  const items: IvItem[] = [];
  let held = false;
  const { rules } = scope.context.config;
  const ref = scope.context.reference;
  const sorted = sortSmall(
    [...scope.administrations],
    (a, b) => (a.start?.ms ?? 0) - (b.start?.ms ?? 0) || a.ref.localeCompare(b.ref),
  );
  for (const admin of sorted) {
    // Pump and port services are coded by part2/pumps.ts (injection-pump-rules R23.3, R24.3,
    // R27.2, R27.6, R27.9): no IV hours, no missing stop time, no flush filter, no midnight.
    if (admin.serviceMethod) continue;
    const void_ = admin.status === 'entered-in-error';
    if (!void_ && admin.start && admin.end && admin.end.ms < admin.start.ms) {
      warnings.push(warn('INVALID_TIME_RANGE', [admin.ref]));
      continue;
    }
    if (NOT_YET.has(admin.status)) {
      warnings.push(warn('NOT_COMPLETED_EXCLUDED', [admin.ref]));
      continue;
    }
    if (admin.status === 'not-done' || admin.status === 'unknown') {
      // contract §2.1 / R1.1: never billed, but named, so no record vanishes from the report.
      warnings.push(warn('NOT_GIVEN_NOT_BILLED', [admin.ref], notGivenMessage(admin)));
      continue;
    }
    if (!BILLABLE.has(admin.status)) continue;
    if (!admin.start) continue;
    if (admin.sponsorPaid) continue;
    const r = resolveCategory(
      admin,
      ref,
      scope.dateOfService,
      {
        electrolyteReplacement: rules.electrolyteReplacement,
      },
      scope.context.memo.category,
    );
    if (r.category === 'flush') {
      warnings.push(warn('FLUSH_KVO_NOT_BILLABLE', [admin.ref]));
      continue;
    }
    if (admin.status === 'stopped') warnings.push(warn('STOPPED_EARLY_REVIEW', [admin.ref]));
    const gate = routeGate(admin, rules);
    if (gate.warning) warnings.push(gate.warning);
    if (gate.hold) held = true;
    if (!gate.iv) continue;
    if (r.unknown) warnings.push(unknownCategoryWarning(admin.ref, r));
    items.push({
      admin,
      category: r.category,
      drugKey: drugKeyOf(admin, r),
      drugName: r.displayName ?? admin.drug.display ?? r.hcpcs ?? 'drug',
    });
  }
  return { items, warnings, held };
}
