// Before the dose (issue #16; billing-rules P-1–P-8): the engine's coverage, authorization,
// trial and drug checks run on a planned dose, an active order not yet given. Pure: the caller
// gives the planned date; nothing here reads a clock.
import { analyzePatient } from '../analyze.ts';
import { deriveSetting } from '../setting.ts';
import { recordUse, type AuthLedger } from '../checks/authorization.ts';
import { checkCoverage } from '../checks/coverage.ts';
import { sumAmounts } from '../checks/money.ts';
import {
  studyLabel,
  findStudy,
  isInvestigational,
  isTrialRelated,
  trialStatus,
} from '../checks/trial-status.ts';
import { trialEncounterWarnings } from '../checks/trial-warnings.ts';
import { deriveDrugLines } from '../drug/derive-drug-lines.ts';
import { runContext, type RunContext, type RunMemo } from '../run-memo.ts';
import type { EncounterScope } from '../stage.ts';
import type {
  Administration,
  EngineContext,
  PatientInput,
  Severity,
  Timestamp,
  Warning,
} from '../types.ts';
import { audienceOf } from './audience.ts';
import { clip, dollars } from './plain-words.ts';
import { plannedAuthorization, type PlannedUse } from './planned-auth.ts';
import type { PlannedDose, PlannedResult, PlannedWarning } from './planned-types.ts';

/**
 * P-2: records that are made when the dose is given (vials, waste, stop time) are not missing
 * before it: these drug-stage warnings say nothing about a planned dose.
 */
const CHARTING_ONLY: ReadonlySet<string> = new Set([
  'VIALS_NOT_DOCUMENTED',
  'WASTE_NOT_DOCUMENTED',
]);

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Noon UTC of the planned date: only the date counts for a planned dose (P-1). */
function plannedInstant(date: string): Timestamp {
  const [y, m, d] = date.split('-').map(Number);
  return {
    ms: Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12),
    offsetMin: 0,
    iso: `${date}T12:00:00Z`,
  };
}

/** P-1: the planned dose as the drug stage sees an administration (no times, no vials). */
function asAdministration(patient: string, p: PlannedDose): Administration {
  const a: Administration = {
    ref: p.ref,
    patient,
    encounter: p.encounter,
    status: 'completed',
    start: plannedInstant(p.date),
    dateTimeOnly: false,
    hasRate: true,
    pushDocumented: false,
    // The planned dose feeds the drug stage only (units, dollars); its route is not read here,
    // so it is not assumed (R20.3): the drug stage derives a line for any route but oral.
    route: { class: 'unknown', family: 'unknown', from: 'none', evidence: '' },
    flushMarked: false,
    separateAccessJustified: false,
    primaryReason: false,
    drug: p.drug,
    ingredients: p.ingredients,
    sharedContainer: false,
    sponsorSupplied: p.sponsorSupplied,
    sponsorPaid: p.sponsorPaid,
    request: p.ref,
  };
  if (p.dose) a.dose = p.dose;
  if (p.concentrationPerMl) a.concentrationPerMl = p.concentrationPerMl;
  if (p.medicationAmount) a.medicationAmount = p.medicationAmount;
  if (p.researchStudy) a.researchStudy = p.researchStudy;
  if (p.trialItemRole) a.trialItemRole = p.trialItemRole;
  return a;
}

function fromWarning(w: Warning): PlannedWarning {
  const out: PlannedWarning = { ...w, audience: audienceOf(w.code), summary: clip(w.message) };
  if (out.audience === 'clinician' && w.severity !== 'info') {
    out.nurseMessage = `${clip(w.message, 200)} Check with the clinician before starting.`;
  }
  return out;
}

function drugNameOf(p: PlannedDose, lines: { drugName?: string }[]): string {
  return lines.find((l) => l.drugName)?.drugName ?? p.drug.display ?? 'The ordered drug';
}

/** P-7: which study, research item or routine care, who pays. */
function trialWarnings(
  scope: EncounterScope,
  admin: Administration,
  hcpcs: string | undefined,
  name: string,
): PlannedWarning[] {
  const status = trialStatus(scope);
  const out = trialEncounterWarnings(scope, status)
    .filter((w) => w.code !== 'TRIAL_STUDY_NCT_UNKNOWN')
    .map(fromWarning);
  if (!isTrialRelated(admin, status) || !admin.researchStudy) return out;
  const study = findStudy(scope, admin.researchStudy);
  const label = studyLabel(study);
  const title = study?.title ? ` (${study.title})` : '';
  const research = isInvestigational(admin, status, hcpcs);
  const payer = admin.sponsorSupplied
    ? 'supplied by the sponsor, so it is not billed'
    : admin.sponsorPaid
      ? 'paid by the sponsor, so it is not billed to the insurance'
      : research
        ? 'a research item: check with the research office who pays before the dose'
        : 'routine care, billed to the insurance as part of the study';
  out.push({
    code: 'TRIAL_PLANNED',
    severity: 'info',
    audience: 'clinician',
    summary: clip(
      `${name} is part of study ${label}: ${research ? 'research item' : 'routine care'}`,
    ),
    message: `${name} is planned as part of study ${label}${title}: it is ${research ? 'the study’s research item' : 'routine care'}, ${payer}.`,
    sources: [admin.ref, admin.researchStudy],
  });
  return out;
}

function sortWorstFirst(ws: PlannedWarning[]): PlannedWarning[] {
  return [...ws].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      (b.amountAtStake ?? 0) - (a.amountAtStake ?? 0) ||
      a.code.localeCompare(b.code),
  );
}

function checkOne(
  patient: PatientInput,
  p: PlannedDose,
  ledger: AuthLedger,
  ctx: RunContext,
): PlannedResult {
  const admin = asAdministration(patient.patient, p);
  const scope: EncounterScope = {
    patient,
    encounter: p.encounter,
    administrations: [admin],
    dateOfService: p.date,
    setting: deriveSetting(patient, p.encounter, ctx),
    laterEncounterSameDay: false,
    context: ctx,
  };
  const drug = deriveDrugLines(scope);
  const drugLines = drug.lines.filter((l) => l.kind === 'drug');
  const name = drugNameOf(p, drugLines);
  const warnings: PlannedWarning[] = [];
  if (!p.dose) {
    // P-3: no dose on the order is never read as a default dose; units and the units check wait.
    warnings.push({
      code: 'PLANNED_DOSE_UNKNOWN',
      severity: 'warning',
      audience: 'clinician',
      summary: clip(
        `${name}: the order has no dose, so units and authorization units cannot be checked`,
      ),
      message: `${name}: the order has no dose, so its billing units, dollars and authorized units cannot be checked. Add the dose to the order.`,
      nurseMessage: `The order for ${name} has no dose: check with the clinician before starting.`,
      sources: [p.ref],
    });
  }
  for (const w of drug.warnings) {
    if (CHARTING_ONLY.has(w.code)) continue;
    if (!p.dose && w.code === 'UNIT_CONVERSION_MISSING') continue; // said by PLANNED_DOSE_UNKNOWN
    warnings.push(fromWarning({ ...w, sources: w.sources.length ? w.sources : [p.ref] }));
  }
  const hcpcs = drugLines[0]?.code;
  const given = drugLines.filter((l) => !l.modifiers.includes('JW'));
  const units = given.reduce((s, l) => s + l.units, 0);
  const amount = sumAmounts(drugLines.map((l) => l.amount));
  for (const w of checkCoverage(scope, drugLines)) {
    const pw = fromWarning(w);
    pw.summary = clip(
      `${name}: ${w.code === 'NO_COVERAGE' ? 'no insurance on file' : `no insurance active on ${p.date}`}${amount ? ` (${dollars(amount)} at stake)` : ''}`,
    );
    pw.nurseMessage = `${w.code === 'NO_COVERAGE' ? 'No insurance is on file' : `No insurance is active on ${p.date}`}: check with the clinician before starting.`;
    pw.sources = [p.ref, ...w.sources.filter((s) => s !== p.ref)];
    warnings.push(pw);
  }
  if (hcpcs) {
    const use: PlannedUse = {
      hcpcs,
      name,
      units,
      lines: drugLines.filter((l) => l.code === hcpcs),
      amount,
    };
    warnings.push(...plannedAuthorization(scope, p, use, ledger));
  }
  warnings.push(...trialWarnings(scope, admin, hcpcs, name));
  // P-4: a later planned dose of the same drug counts this one's units too.
  recordUse(ledger, drug.lines, p.date);
  const result: PlannedResult = { dose: p, drugName: name, warnings: sortWorstFirst(warnings) };
  if (hcpcs) result.hcpcs = hcpcs;
  if (p.dose && units > 0) result.units = units;
  if (amount !== undefined) result.amount = amount;
  return result;
}

/**
 * Checks each planned dose (P-1–P-8), in date order. Units already given come from the charted
 * administrations of `patient` (the same ledger the report uses, contract §2.4).
 */
export function checkPlannedDoses(
  patient: PatientInput,
  planned: readonly PlannedDose[],
  context: EngineContext & { memo?: RunMemo },
): PlannedResult[] {
  const ctx = runContext(context); // one memo for the whole check
  const ledger: AuthLedger = { entries: [] };
  for (const r of analyzePatient(patient, ctx)) recordUse(ledger, r.lines, r.dateOfService);
  const order = [...planned].sort(
    (a, b) => a.date.localeCompare(b.date) || a.ref.localeCompare(b.ref),
  );
  return order.map((p) => checkOne(patient, p, ledger, ctx));
}
