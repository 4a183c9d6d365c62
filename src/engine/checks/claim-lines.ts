// Existing claim versus derived lines, line by line (contract §2.4, §3): CLAIM_LINE_MISSING,
// CLAIM_LINE_EXTRA, CLAIM_UNITS_MISMATCH, CLAIM_MODIFIER_MISMATCH, JZ_WITH_WASTE (drug-wastage
// R-22), JW_ON_MULTIDOSE (R-12); trial-modifier differences with the TRIAL_* codes only (§10.4).
import type { EncounterScope } from '../stage.ts';
import type { ClaimInfo, DerivedLine, Warning } from '../types.ts';
import {
  claimEntries,
  derivedEntries,
  describe,
  isAdministrationCode,
  isComparable,
  modsKey,
  type Entry,
} from './claim-entries.ts';
import { claimCodeChecks } from './claim-codes.ts';
import { isMultiDose, name, pendingDrug, priced, takeWhere, type Ctx } from './claim-context.ts';
import { claimLabel } from './claim-header.ts';
import { withAmount } from './money.ts';
import { sponsorChecks } from './sponsor-lines.ts';
import { trialLineWarning } from './trial-claim-lines.ts';
import type { TrialStatus } from './trial-status.ts';

function compareUnits(d: Entry, k: Entry, c: Ctx): void {
  if (d.units === k.units) return;
  const sponsorPaid =
    isAdministrationCode(d.code) &&
    k.units > d.units &&
    c.scope.administrations.some((a) => a.sponsorPaid);
  if (sponsorPaid) {
    c.warnings.push({
      code: 'SPONSOR_PAID_SERVICE_BILLED',
      severity: 'error',
      message: `The sponsor pays for part of today's drug administration under the study agreement — the claim bills ${describe(k)}, the insurer's share is ${d.units}. Do not bill the sponsor's part to the insurer.`,
      sources: [...d.sources, c.claim.ref],
    });
    return;
  }
  const diff = Math.abs(d.units - k.units);
  c.warnings.push(
    withAmount(
      {
        code: 'CLAIM_UNITS_MISMATCH',
        severity: 'error',
        message: `${name(d)}: the claim bills ${k.units} units; the records support ${d.units}. ${k.units > d.units ? 'Lower' : 'Raise'} the units to ${d.units}.`,
        sources: [...d.sources, c.claim.ref],
      },
      priced(d, diff, c),
    ),
  );
}

function pair(d: Entry, k: Entry, c: Ctx): void {
  const w = trialLineWarning(d, k, c.scope, c.status, c.claim);
  if (w) c.warnings.push(w);
  compareUnits(d, k, c);
}

function wasteChecks(code: string, date: string, ds: Entry[], ks: Entry[], c: Ctx): void {
  const jw = ds.find((d) => d.code === code && d.date === date && d.mods.includes('JW'));
  const jz = ks.find((k) => k.code === code && k.date === date && k.mods.includes('JZ'));
  if (jw && jz) {
    ds.splice(ds.indexOf(jw), 1);
    ks.splice(ks.indexOf(jz), 1);
    const admin = takeWhere(
      ds,
      (d) => d.code === code && d.date === date && !d.mods.includes('JW'),
    );
    c.warnings.push(
      withAmount(
        {
          code: 'JZ_WITH_WASTE',
          severity: 'error',
          message: `${name(jw)}: the claim says no drug was discarded (JZ), but ${jw.units} units were discarded. Bill ${code} × ${admin?.units ?? jz.units} without JZ and ${code}-JW × ${jw.units}.`,
          sources: [...jw.sources, c.claim.ref],
        },
        jw.amount ?? priced(jw, jw.units, c),
      ),
    );
    if (admin) pair({ ...admin }, { ...jz, mods: admin.mods }, c);
  }
  for (const k of ks.filter(
    (x) => x.code === code && x.date === date && (x.mods.includes('JW') || x.mods.includes('JZ')),
  )) {
    if (!isMultiDose(code, k.ndc, c)) continue;
    ks.splice(ks.indexOf(k), 1);
    const jwLine = k.mods.includes('JW');
    const d = jwLine
      ? ds.find((x) => x.code === code && x.date === date)
      : takeWhere(
          ds,
          (x) =>
            x.code === code && x.date === date && !x.mods.includes('JW') && !x.mods.includes('JZ'),
        );
    c.warnings.push(
      withAmount(
        {
          code: 'JW_ON_MULTIDOSE',
          severity: 'error',
          message: `${name(d ?? k)} comes from a multi-dose vial: remove ${k.mods.includes('JW') ? 'the JW line — discarded drug from a multi-dose vial is not payable' : 'the JZ modifier'}.`,
          sources: [...(d?.sources ?? []), c.claim.ref],
        },
        jwLine ? priced(k, k.units, c) : undefined,
      ),
    );
    if (d && !jwLine) pair(d, { ...k, mods: d.mods }, c);
  }
}

export function compareClaimLines(
  scope: EncounterScope,
  lines: DerivedLine[],
  claim: ClaimInfo,
  status: TrialStatus,
): Warning[] {
  const c: Ctx = { scope, claim, status, warnings: [] };
  const ds = derivedEntries(lines);
  const derivedCodes = new Set(ds.map((d) => d.code));
  const all = claimEntries(claim, scope.dateOfService);
  const ks = sponsorChecks(all, ds, c.scope, c.status, c.claim, c.warnings).filter((k) =>
    isComparable(k.code, derivedCodes),
  );
  // Pass 1: same code, modifiers and date. Pass 2: trial modifiers differ only.
  for (const sameTrial of [true, false]) {
    for (const d of [...ds]) {
      const k = takeWhere(
        ks,
        (x) =>
          x.code === d.code &&
          x.date === d.date &&
          modsKey(x.mods) === modsKey(d.mods) &&
          (!sameTrial || modsKey(x.trial) === modsKey(d.trial)),
      );
      if (!k) continue;
      ds.splice(ds.indexOf(d), 1);
      pair(d, k, c);
    }
  }
  for (const key of new Set(ks.map((k) => `${k.code}|${k.date}`))) {
    const [code = '', date = ''] = key.split('|');
    wasteChecks(code, date, ds, ks, c);
  }
  // Pass 3: same code and date, other modifiers differ.
  for (const d of [...ds]) {
    const k = takeWhere(ks, (x) => x.code === d.code && x.date === d.date);
    if (!k) continue;
    ds.splice(ds.indexOf(d), 1);
    c.warnings.push(
      withAmount(
        {
          code: 'CLAIM_MODIFIER_MISMATCH',
          severity: 'error',
          message: `${name(d)}: the claim has ${describe(k)}; the records support ${describe(d)}. Correct the modifiers.`,
          sources: [...d.sources, claim.ref],
        },
        d.amount,
      ),
    );
    pair(d, { ...k, mods: d.mods }, c);
  }
  const label = claimLabel(claim);
  claimCodeChecks(ds, ks, c, label.charAt(0).toUpperCase() + label.slice(1));
  // A line of another day says its date: merged, every day's count stays in the message.
  const on = (e: { date: string }): string =>
    e.date !== scope.dateOfService ? ` on ${e.date}` : '';
  for (const d of ds) {
    c.warnings.push(
      withAmount(
        {
          code: 'CLAIM_LINE_MISSING',
          severity: 'error',
          message: `The claim is missing ${describe(d)}${on(d)}${d.drugName ? ` (${d.drugName})` : ''}, which today's records support. Add the line.`,
          sources: [...d.sources, claim.ref],
        },
        d.amount,
      ),
    );
  }
  const sponsorPaid = scope.administrations.some((a) => a.sponsorPaid);
  for (const k of ks) {
    if (sponsorPaid && isAdministrationCode(k.code)) {
      c.warnings.push({
        code: 'SPONSOR_PAID_SERVICE_BILLED',
        severity: 'error',
        message: `The sponsor pays for part of today's drug administration under the study agreement — do not bill ${describe(k)} to the insurer.`,
        sources: [
          claim.ref,
          ...scope.administrations.filter((a) => a.sponsorPaid).map((a) => a.ref),
        ],
      });
      continue;
    }
    c.warnings.push(
      withAmount(
        {
          code: 'CLAIM_LINE_EXTRA',
          severity: 'error',
          message: pendingDrug(k.code, c).length
            ? `The claim bills ${describe(k)}${on(k)}, but today's records give no line for this drug yet (see the other warnings for it). Hold the line until they do.`
            : `The claim bills ${describe(k)}${on(k)}, which today's records do not support. Remove it or document the service.`,
          sources: [claim.ref, ...pendingDrug(k.code, c)],
        },
        k.amount ?? priced(k, k.units, c),
      ),
    );
  }
  // Say which claim was compared (issue #13: never a pharmacy claim).
  return c.warnings.map((w) =>
    w.code.startsWith('CLAIM_') ? { ...w, message: `${w.message} Compared with ${label}.` } : w,
  );
}
