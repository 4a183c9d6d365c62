// The existing claim for the encounter and its header (contract §2.4; research-billing T-22,
// T-26–T-29, T-31, T-43–T-48, §10 step 4): Z00.6, NCT, condition code 30, MA insurer,
// and study coding on a claim for a visit that is not part of a study.
import type { EncounterScope } from '../stage.ts';
import type { ClaimInfo, CoverageInfo, DerivedLine, Warning } from '../types.ts';
import { primaryCoverage } from './coverage.ts';
import { sumAmounts, withAmount } from './money.ts';
import { isTrialModifier } from './trial-lines.ts';
import { findStudy, studyLabel, type TrialStatus } from './trial-status.ts';

/**
 * The Claim with use = claim for the encounter (any status but entered-in-error) whose type
 * matches the setting: professional for the office, institutional for the facility; an untyped
 * claim only when none matches. Never a pharmacy (or other typed) claim (contract §2.4, #13).
 */
export function existingClaim(scope: EncounterScope): ClaimInfo | undefined {
  const candidates = scope.patient.claims.filter(
    (c) =>
      c.use === 'claim' &&
      c.status !== 'entered-in-error' &&
      c.otherType === undefined &&
      (scope.encounter !== null
        ? c.encounter === scope.encounter
        : !c.encounter && c.lines.some((l) => l.date === scope.dateOfService)),
  );
  const wanted = scope.setting === 'facility' ? 'institutional' : 'professional';
  return candidates.find((c) => c.type === wanted) ?? candidates.find((c) => !c.type);
}

/** Which claim was compared, in words for the warning messages ("the professional claim Claim/c1"). */
export function claimLabel(claim: ClaimInfo): string {
  return `the ${claim.type ? `${claim.type} ` : ''}claim ${claim.ref}`;
}

export function hasZ006(claim: ClaimInfo): boolean {
  return claim.diagnoses.some((d) => d.replace(/\./g, '').toUpperCase() === 'Z006');
}

/** T-29 normalisation: strip NCT/CT, spaces and hyphens. */
export function normaliseNct(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^(NCT|CT)/, '');
}

function institutional(claim: ClaimInfo, scope: EncounterScope): boolean {
  return claim.type ? claim.type === 'institutional' : scope.setting === 'facility';
}

export function hasTrialCoding(claim: ClaimInfo): boolean {
  return (
    claim.lines.some((l) => l.modifiers.some((m) => isTrialModifier(m.toUpperCase()))) ||
    hasZ006(claim) ||
    claim.trialNumbers.length > 0 ||
    claim.valueCodeD4.length > 0 ||
    claim.conditionCodes.includes('30')
  );
}

function nctChecks(scope: EncounterScope, claim: ClaimInfo, status: TrialStatus): Warning[] {
  const trial = scope.context.config.trial;
  const study = status.studies[0];
  const digits = study?.nctDigits ?? (study ? findStudy(scope, study.ref)?.nctDigits : undefined);
  const allDigits = status.studies.map((s) => s.nctDigits).filter((d): d is string => !!d);
  const inst = institutional(claim, scope);
  const carrier = inst ? trial.institutionalNctCarrier : 'ref-p4';
  const refP4 = claim.trialNumbers;
  const d4 = inst ? claim.valueCodeD4 : [];
  const present =
    carrier === 'both'
      ? refP4.length > 0 && d4.length > 0
      : carrier === 'value-code-D4'
        ? d4.length > 0
        : carrier === 'ref-p4'
          ? refP4.length > 0
          : refP4.length + d4.length > 0;
  const sources = [claim.ref, ...(study ? [study.ref] : [])];
  if (!present && trial.requireNct) {
    const where =
      carrier === 'value-code-D4'
        ? ' as value code D4'
        : carrier === 'both'
          ? ' as REF P4 and value code D4'
          : '';
    return [
      {
        code: 'TRIAL_NCT_MISSING',
        severity: 'error',
        message: `Add the study's 8-digit ClinicalTrials.gov number (${digits ?? 'see the study record'})${where}.`,
        sources,
      },
    ];
  }
  const bad = [...refP4, ...d4].find((raw) => {
    const n = normaliseNct(raw);
    if (!/^\d{8}$/.test(n)) return true;
    if (n === '99999999' && scope.dateOfService >= '2015-01-01') return true;
    return allDigits.length > 0 && !allDigits.includes(n);
  });
  if (bad === undefined) return [];
  return [
    {
      code: 'TRIAL_NCT_INVALID',
      severity: 'error',
      message: `The trial number on the claim (${bad}) is not the number of study ${studyLabel(study)}${digits ? `; use ${digits}` : ''}.`,
      sources,
    },
  ];
}

function isMedicareAdvantage(c: CoverageInfo, scope: EncounterScope): boolean {
  if (c.sopt) return /^11/.test(c.sopt);
  return scope.context.config.payerProfile === 'medicare-advantage';
}

function maCheck(
  scope: EncounterScope,
  claim: ClaimInfo,
  status: TrialStatus,
  lines: DerivedLine[],
): Warning[] {
  const primary = primaryCoverage(scope);
  if (!primary || !isMedicareAdvantage(primary, scope)) return [];
  const ide = status.studies.some((s) => {
    const cfg = s.nctDigits
      ? (scope.context.config.trial.studies[`NCT${s.nctDigits}`] ??
        scope.context.config.trial.studies[s.nctDigits])
      : undefined;
    return cfg?.ideStudy === true;
  });
  if (ide) return [];
  const toPlan = claim.focalCoverage
    ? claim.focalCoverage === primary.ref
    : claim.insurer !== undefined && claim.insurer === primary.payor;
  if (!toPlan) return [];
  return [
    withAmount(
      {
        code: 'TRIAL_MA_BILL_ORIGINAL_MEDICARE',
        severity: 'error',
        message: `Medicare Advantage patient in a clinical trial: bill the study care to Original Medicare (the MAC), not to ${primary.display ?? 'the Medicare Advantage plan'}.`,
        sources: [claim.ref, primary.ref],
      },
      sumAmounts(lines.map((l) => l.amount)),
    ),
  ];
}

export function claimHeaderChecks(
  scope: EncounterScope,
  claim: ClaimInfo,
  status: TrialStatus,
  lines: DerivedLine[],
): Warning[] {
  if (status.kind === 'unknown' || status.kind === 'linked-inactive') return [];
  if (status.kind !== 'trial') {
    if (status.nonQualifying.length > 0 || !hasTrialCoding(claim)) return [];
    return [
      {
        code: 'TRIAL_CODING_UNEXPECTED',
        severity: 'warning',
        message: `The patient is not in a study on ${scope.dateOfService}, but the claim has study coding. Remove it unless this visit belongs to a study.`,
        sources: [claim.ref],
      },
    ];
  }
  const out: Warning[] = [];
  // A claim returned as unprocessable puts every line at stake.
  const whole = sumAmounts(lines.map((l) => l.amount));
  if (!hasZ006(claim)) {
    out.push(
      withAmount(
        {
          code: 'TRIAL_DIAGNOSIS_MISSING',
          severity: 'error',
          message: 'Add diagnosis Z00.6 (clinical research participant) to the claim.',
          sources: [claim.ref],
        },
        whole,
      ),
    );
  }
  out.push(...nctChecks(scope, claim, status).map((w) => withAmount(w, whole)));
  if (
    institutional(claim, scope) &&
    scope.context.config.trial.requireConditionCode30 &&
    !claim.conditionCodes.includes('30')
  ) {
    out.push(
      withAmount(
        {
          code: 'TRIAL_CONDITION_CODE_MISSING',
          severity: 'error',
          message: 'Hospital claim for study care needs condition code 30.',
          sources: [claim.ref],
        },
        whole,
      ),
    );
  }
  out.push(...maCheck(scope, claim, status, lines));
  return out;
}
