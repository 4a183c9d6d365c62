// Prior authorization per drug (contract §2.4): required by a CoverageEligibilityResponse, by the
// payer profile's list, or because one was sought; AUTH_MISSING / AUTH_EXPIRED / AUTH_UNITS_EXCEEDED;
// one AUTH_UNKNOWN per encounter when Claim/ClaimResponse cannot be read.
import type { EncounterScope } from '../stage.ts';
import type { DerivedLine, PreAuthorization, Warning } from '../types.ts';
import { dateOnly, endedBefore, periodCovers } from './dates.ts';
import { amountFor, capitalise, sumAmounts, withAmount } from './money.ts';
import { unique } from '../unique.ts';

/** Units already used per HCPCS by earlier encounters of the patient, for AUTH_UNITS_EXCEEDED. */
export interface AuthLedger {
  entries: { hcpcs: string; date: string; units: number }[];
}

const GRANTED = new Set(['complete', 'partial']);

interface DrugUse {
  hcpcs: string;
  /** The line's drug name or code as it came; capitalised only for a message. */
  name: string;
  units: number;
  lines: DerivedLine[];
}

/** Administered units per HCPCS (JW discarded units are not "given"). */
function drugUses(lines: DerivedLine[]): DrugUse[] {
  const byCode = new Map<string, DrugUse>();
  for (const l of lines) {
    if (l.kind !== 'drug') continue;
    let u = byCode.get(l.code);
    if (!u) {
      u = { hcpcs: l.code, name: l.drugName ?? l.code, units: 0, lines: [] };
      byCode.set(l.code, u);
    }
    u.lines.push(l);
    if (!l.modifiers.includes('JW')) u.units += l.units;
  }
  return [...byCode.values()];
}

export function authRequired(scope: EncounterScope, hcpcs: string): boolean {
  const p = scope.patient;
  if (scope.context.config.rules.authRequiredHcpcs.includes(hcpcs)) return true; // by profile
  if (p.preAuthorizations.some((a) => a.hcpcs.includes(hcpcs))) return true; // sought
  return p.authRequirements.some(
    (r) =>
      r.required &&
      r.hcpcs === hcpcs &&
      (!r.coverage || p.coverages.some((c) => c.ref === r.coverage)),
  ); // by eligibility
}

export function authName(a: PreAuthorization): string {
  return a.preAuthRef ? `authorization ${a.preAuthRef}` : 'the authorization on file';
}

function usedInPeriod(ledger: AuthLedger, a: PreAuthorization, hcpcs: string): number {
  return ledger.entries
    .filter((e) => e.hcpcs === hcpcs && periodCovers(a.periodStart, a.periodEnd, e.date))
    .reduce((s, e) => s + e.units, 0);
}

function checkDrug(scope: EncounterScope, use: DrugUse, ledger: AuthLedger): Warning[] {
  const dos = scope.dateOfService;
  const { hcpcs } = use;
  const forDrug = scope.patient.preAuthorizations.filter(
    (a) => a.hcpcs.includes(hcpcs) && GRANTED.has(a.outcome),
  );
  // Worked out only when a warning is made (most drugs need nothing).
  const lineSources = (): string[] => unique(use.lines.flatMap((l) => l.sources));
  const atStake = (): number | undefined => sumAmounts(use.lines.map((l) => l.amount));
  const covering = forDrug
    .filter((a) => periodCovers(a.periodStart, a.periodEnd, dos))
    .sort((a, b) => (a.periodStart ?? '').localeCompare(b.periodStart ?? ''));
  const current = covering[0];
  if (!current) {
    if (!authRequired(scope, hcpcs)) return [];
    const expired = forDrug
      .filter((a) => endedBefore(a.periodEnd, dos))
      .sort((a, b) => (b.periodEnd ?? '').localeCompare(a.periodEnd ?? ''))[0];
    if (expired) {
      return [
        withAmount(
          {
            code: 'AUTH_EXPIRED',
            severity: 'error',
            message: `${capitalise(use.name)}: ${authName(expired)} ended ${dateOnly(expired.periodEnd) ?? ''} — today's dose is not covered. Renew the authorization before billing.`,
            sources: [...lineSources(), expired.ref],
          },
          atStake(),
        ),
      ];
    }
    return [
      withAmount(
        {
          code: 'AUTH_MISSING',
          severity: 'error',
          message: `${capitalise(use.name)} needs a prior authorization and none covers ${dos}. Obtain one before billing.`,
          sources: lineSources(),
        },
        atStake(),
      ),
    ];
  }
  const authorised = current.unitsByHcpcs[hcpcs];
  if (authorised === undefined) return [];
  const used = usedInPeriod(ledger, current, hcpcs) + use.units;
  if (used <= authorised) return [];
  const excess = Math.min(used - authorised, use.units);
  const first = use.lines.find((l) => !l.modifiers.includes('JW')) ?? use.lines[0];
  const amount = first ? amountFor(first, excess, scope.context) : undefined;
  return [
    withAmount(
      {
        code: 'AUTH_UNITS_EXCEEDED',
        severity: 'error',
        message: `${capitalise(use.name)}: ${authName(current)} allows ${authorised} units from ${dateOnly(current.periodStart) ?? '…'} to ${dateOnly(current.periodEnd) ?? '…'}; with today's dose ${used} units are used (${used - authorised} over). Ask the payer for more units.`,
        sources: [...lineSources(), current.ref],
      },
      amount,
    ),
  ];
}

export function checkAuthorizations(
  scope: EncounterScope,
  lines: DerivedLine[],
  ledger: AuthLedger,
): Warning[] {
  const uses = drugUses(lines);
  if (uses.length === 0) return [];
  if (!scope.patient.readable.claims) {
    const known = uses.filter((u) => authRequired(scope, u.hcpcs));
    return [
      {
        code: 'AUTH_UNKNOWN',
        severity: known.length ? 'warning' : 'info',
        message: known.length
          ? `Prior authorizations could not be read; ${known.map((u) => capitalise(u.name)).join(', ')} needs one. Check the authorization before billing.`
          : 'Prior authorizations could not be read; check whether today’s drugs need one.',
        sources: [...new Set(uses.flatMap((u) => u.lines.flatMap((l) => l.sources)))],
      },
    ];
  }
  return uses.flatMap((u) => checkDrug(scope, u, ledger));
}

/** Record this encounter's administered units so later encounters count them. */
export function recordUse(ledger: AuthLedger, lines: DerivedLine[], dos: string): void {
  // Units per HCPCS in first-seen order, as drugUses gives them, without its line lists.
  const units = new Map<string, number>();
  for (const l of lines) {
    if (l.kind !== 'drug') continue;
    units.set(l.code, (units.get(l.code) ?? 0) + (l.modifiers.includes('JW') ? 0 : l.units));
  }
  for (const [hcpcs, n] of units) if (n > 0) ledger.entries.push({ hcpcs, date: dos, units: n });
}
