// Claim lines the engine never derives itself: the sponsor-supplied drug (research-billing
// T-34–T-37, SPONSOR_SUPPLIED_DRUG_BILLED) and the visit's E/M line (T-07, T-41–T-42:
// Q1 when the Encounter is linked; SPONSOR_PAID_SERVICE_BILLED for a sponsor-paid visit).
import type { EncounterScope } from '../stage.ts';
import type { ClaimInfo, Warning } from '../types.ts';
import { describe, isEvaluationCode, type Entry } from './claim-entries.ts';
import { amountFor, capitalise, withAmount } from './money.ts';
import { trialLineWarning } from './trial-claim-lines.ts';
import type { TrialStatus } from './trial-status.ts';

/** HCPCS codes of the encounter's sponsor-supplied drugs (drug codes and NDC crosswalk). */
function sponsorSuppliedCodes(scope: EncounterScope): Map<string, string> {
  const out = new Map<string, string>();
  const ref = scope.context.reference;
  for (const a of scope.administrations) {
    if (!a.sponsorSupplied) continue;
    const name = a.drug.display ?? 'The study drug';
    for (const h of a.drug.hcpcs) out.set(h.toUpperCase(), name);
    for (const n of a.drug.ndc)
      for (const h of ref.hcpcsForNdc(n, scope.dateOfService)) out.set(h, name);
  }
  return out;
}

/** T-35: a nominal charge (≤ $0.01 professional, $0.00 institutional) is not a bill. */
function nominal(k: Entry, claim: ClaimInfo, scope: EncounterScope): boolean {
  if (k.amount === undefined) return false;
  const institutional =
    claim.type === 'institutional' || (!claim.type && scope.setting === 'facility');
  return institutional ? k.amount <= 0 : k.amount <= 0.01;
}

/**
 * Checks the claim entries the line comparison must not see; returns the others.
 * `derived` tells whether the engine derived a line for the code (nominal profile).
 */
export function sponsorChecks(
  entries: Entry[],
  derived: Entry[],
  scope: EncounterScope,
  status: TrialStatus,
  claim: ClaimInfo,
  warnings: Warning[],
): Entry[] {
  const sponsorCodes = sponsorSuppliedCodes(scope);
  const derivedCodes = new Set(derived.map((d) => d.code));
  const enc = scope.patient.encounters.find((e) => e.ref === scope.encounter);
  const rest: Entry[] = [];
  for (const k of entries) {
    const drugName = sponsorCodes.get(k.code);
    if (drugName !== undefined) {
      if (!nominal(k, claim, scope)) {
        warnings.push(
          withAmount(
            {
              code: 'SPONSOR_SUPPLIED_DRUG_BILLED',
              severity: 'error',
              message: `${capitalise(drugName)} was supplied free by the study sponsor — do not bill it (${describe(k)}).`,
              sources: [
                claim.ref,
                ...scope.administrations.filter((a) => a.sponsorSupplied).map((a) => a.ref),
              ],
            },
            k.amount ?? amountFor({ ...k, amount: undefined }, k.units, scope.context),
          ),
        );
        if (!derivedCodes.has(k.code)) continue;
      } else if (!derivedCodes.has(k.code)) {
        // Tolerated nominal line (default profile): it must say Q0 in a trial encounter.
        const w = trialLineWarning(
          { code: k.code, trial: ['Q0'], sources: [], drugName, kind: 'drug' },
          k,
          scope,
          status,
          claim,
        );
        if (w) warnings.push(w);
        continue;
      }
    }
    if (isEvaluationCode(k.code)) {
      if (enc?.sponsorPaidVisit) {
        warnings.push({
          code: 'SPONSOR_PAID_SERVICE_BILLED',
          severity: 'error',
          message: `The sponsor pays for today's visit (${k.code}) under the study agreement — do not bill it to the insurer.`,
          sources: [claim.ref, enc.ref],
        });
        continue;
      }
      const linked = status.encounterLinked;
      const w = trialLineWarning(
        { code: k.code, trial: linked ? ['Q1'] : [], sources: [], kind: 'administration' },
        k,
        scope,
        status,
        claim,
      );
      if (w) warnings.push(w);
      continue;
    }
    rest.push(k);
  }
  return rest;
}
