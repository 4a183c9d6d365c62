// Coverage on the date of service (contract §2.4): active when status = active and the period
// covers the date; primary = lowest order. Unreadable coverage is unknown and raises nothing.
import type { EncounterScope } from '../stage.ts';
import type { CoverageInfo, DerivedLine, Warning } from '../types.ts';
import { periodCovers } from './dates.ts';
import { sumAmounts, withAmount } from './money.ts';

export function patientCoverages(scope: EncounterScope): CoverageInfo[] {
  return scope.patient.coverages.filter((c) => c.beneficiary === scope.patient.patient);
}

export function isActiveOn(c: CoverageInfo, dos: string): boolean {
  return c.status === 'active' && periodCovers(c.periodStart, c.periodEnd, dos);
}

/** The primary coverage active on the date: lowest order, then reference for determinism. */
export function primaryCoverage(scope: EncounterScope): CoverageInfo | undefined {
  return patientCoverages(scope)
    .filter((c) => isActiveOn(c, scope.dateOfService))
    .sort(
      (a, b) =>
        (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
        a.ref.localeCompare(b.ref),
    )[0];
}

function coverageName(c: CoverageInfo): string {
  return c.display ?? 'the insurance on file';
}

export function checkCoverage(scope: EncounterScope, lines: DerivedLine[]): Warning[] {
  if (!scope.patient.readable.coverage) return [];
  const all = patientCoverages(scope);
  const atStake = sumAmounts(lines.map((l) => l.amount));
  if (all.length === 0) {
    return [
      withAmount(
        {
          code: 'NO_COVERAGE',
          severity: 'warning',
          message: 'No insurance is on file for this patient. Check coverage before billing.',
          sources: [scope.patient.patient],
        },
        atStake,
      ),
    ];
  }
  if (primaryCoverage(scope)) return [];
  const dos = scope.dateOfService;
  const ended = all.filter((c) => c.periodEnd && c.periodEnd.slice(0, 10) < dos);
  const latest = ended.sort((a, b) => (b.periodEnd ?? '').localeCompare(a.periodEnd ?? ''))[0];
  const message = latest
    ? `${coverageName(latest)} ended ${latest.periodEnd?.slice(0, 10) ?? ''}; no insurance is active on ${dos}. Update coverage before billing.`
    : `No insurance on file is active on ${dos}. Check coverage before billing.`;
  return [
    withAmount(
      {
        code: 'COVERAGE_NOT_ACTIVE',
        severity: 'error',
        message,
        sources: all.map((c) => c.ref),
      },
      atStake,
    ),
  ];
}
