// Pumps and port flushes of one encounter (injection-pump-rules §4–§5, R23, R24, R26.1, R27.1,
// R27.2, R27.5, R27.6, R27.9). Records carrying an administration-method code never reach the
// Part 1 IV steps (normalize.ts skips them); they are coded here:
// - pump initiation → 96416 (or G0498 by setting) for chemotherapy, C8957 (facility) / 96365
//   (professional, NONCHEMO_PUMP_REVIEW) otherwise; > 480 minutes when an end is documented,
//   billable while still running (PUMP_DURATION_UNVERIFIED); never CROSSES_MIDNIGHT;
// - pump refill → 96521 (portable) / 96522 (implanted), none on an initiation date;
// - pump disconnect → no line, PUMP_DISCONNECT_NOT_BILLABLE;
// - port flush → a 96523 candidate; date-steps.ts keeps it only when nothing else is billed that
//   date (R24.1, R24.2).
import { resolveCategory } from '../category.ts';
import { line } from '../infusion/lines.ts';
import { checkMue } from '../infusion/mue.ts';
import { unknownCategoryWarning, warn } from '../infusion/warnings.ts';
import type { EncounterScope, StageResult } from '../stage.ts';
import { localDate, wholeMinutes } from '../time.ts';
import type { Administration, DerivedLine, Warning } from '../types.ts';
import { warn2 } from './warnings.ts';
import { CPT } from '../admin-codes.ts';

/** R23.1: a prolonged infusion runs more than 8 hours. */
export const PUMP_MIN_MINUTES = 480;

const BILLABLE = new Set(['completed', 'stopped']);
/** R27.1: the initiation is the service, so a running pump is billable at its start. */
const INITIATION_BILLABLE = new Set(['completed', 'stopped', 'in-progress']);

/** Evidence rule id marking a port-flush candidate line for the date step (R24.1). */
export const PORT_FLUSH_RULE = 'R24.1';

function initiationLine(
  a: Administration,
  scope: EncounterScope,
  warnings: Warning[],
): DerivedLine | undefined {
  const { rules, payerProfile } = scope.context.config;
  const start = a.start;
  if (!start) return undefined;
  const date = localDate(start);
  const minutes = a.end ? wholeMinutes(start, a.end) : undefined;
  if (minutes !== undefined && minutes <= PUMP_MIN_MINUTES) {
    // R23.1: a documented end at 8 hours or less: no pump line, coder review.
    warnings.push(
      warn2(
        'PUMP_DURATION_NOT_OVER_8H',
        [a.ref],
        `Pump infusion of ${minutes} minutes (8 hours or less); prolonged-infusion code not reported; coder review.`,
      ),
    );
    return undefined;
  }
  if (minutes === undefined) warnings.push(warn2('PUMP_DURATION_UNVERIFIED', [a.ref]));
  const r = resolveCategory(
    a,
    scope.context.reference,
    date,
    {
      electrolyteReplacement: rules.electrolyteReplacement,
    },
    scope.context.memo.category,
  );
  if (r.unknown) warnings.push(unknownCategoryWarning(a.ref, r));
  const ran = minutes === undefined ? 'still running' : `${minutes} minutes`;
  const drugName = r.displayName ?? a.drug.display ?? 'drug';
  const evidenceMinutes = minutes === undefined ? undefined : { [a.ref]: minutes };
  if (r.category === 'chemo') {
    // R23.5: G0498 replaces 96416 for a Medicare patient when the practice's pump goes home.
    // The record cannot say who owns the pump: with the option, every Medicare chemo pump start
    // is taken as the practice's portable pump continued at home.
    const g0498 =
      rules.pumpInitiationCode === 'G0498_when_provider_pump' && payerProfile === 'medicare';
    return line(
      {
        code: g0498 ? CPT.G0498 : CPT.CHEMO_PUMP_INITIATION,
        units: 1,
        sources: [a.ref],
        rules: g0498 ? ['R23.1', 'R23.5'] : ['R23.1', 'R23.2'],
        reason: `${drugName} pump started (${ran}): prolonged chemotherapy infusion by pump, reported once on the start date beside the day's IV lines.`,
        ...(evidenceMinutes ? { minutes: evidenceMinutes } : {}),
      },
      date,
    );
  }
  // R23.8 non-chemotherapy pump.
  const code = rules.nonChemoPumpCode[scope.setting];
  if (scope.setting === 'professional') warnings.push(warn2('NONCHEMO_PUMP_REVIEW', [a.ref]));
  if (code === 'none') return undefined;
  return line(
    {
      code,
      units: 1,
      sources: [a.ref],
      rules: ['R23.8'],
      reason:
        code === CPT.C8957
          ? `${drugName} pump started (${ran}): prolonged non-chemotherapy infusion by pump (C8957).`
          : `${drugName} pump started in the office (${ran}): initial hour only (96365); home hours are never counted.`,
      ...(evidenceMinutes ? { minutes: evidenceMinutes } : {}),
    },
    date,
  );
}

/** Pump initiations of the patient on a date, any encounter (R23.6). */
function initiationOn(scope: EncounterScope, date: string): boolean {
  return scope.patient.administrations.some(
    (x) =>
      x.serviceMethod === 'pump-initiation' &&
      INITIATION_BILLABLE.has(x.status) &&
      x.start !== undefined &&
      localDate(x.start) === date,
  );
}

export function codePumps(scope: EncounterScope): StageResult {
  const lines: DerivedLine[] = [];
  const warnings: Warning[] = [];
  const refills = new Map<string, Administration[]>();
  for (const a of scope.administrations) {
    const m = a.serviceMethod;
    if (!m || a.sponsorPaid) continue;
    if (a.start && a.end && a.end.ms < a.start.ms) {
      warnings.push(warn('INVALID_TIME_RANGE', [a.ref]));
      continue;
    }
    const billable = m === 'pump-initiation' ? INITIATION_BILLABLE : BILLABLE;
    if (!billable.has(a.status)) {
      if (a.status === 'on-hold' || a.status === 'in-progress')
        warnings.push(warn('NOT_COMPLETED_EXCLUDED', [a.ref]));
      continue;
    }
    if (!a.start) continue;
    if (a.status === 'stopped') warnings.push(warn('STOPPED_EARLY_REVIEW', [a.ref]));
    const date = localDate(a.start);
    if (m === 'pump-initiation') {
      const l = initiationLine(a, scope, warnings);
      if (l) lines.push(l);
    } else if (m === 'pump-disconnect') {
      warnings.push(warn2('PUMP_DISCONNECT_NOT_BILLABLE', [a.ref]));
    } else if (m === 'pump-refill') {
      if (initiationOn(scope, date)) {
        warnings.push(warn2('PUMP_REFILL_INCLUDED_IN_INITIATION', [a.ref]));
        continue;
      }
      const list = refills.get(date);
      if (list) list.push(a);
      else refills.set(date, [a]);
    } else {
      lines.push(
        line(
          {
            code: CPT.PORT_FLUSH,
            units: 1,
            sources: [a.ref],
            rules: [PORT_FLUSH_RULE, 'R24.3'],
            reason: 'Port flushed (irrigation of an implanted venous access device).',
          },
          date,
        ),
      );
    }
  }
  // R23.6: one unit per refill date; 96522 when the record says the pump is implanted (R27.11).
  for (const [date, list] of refills) {
    const implanted = list.some((a) => a.pumpImplanted === true);
    lines.push(
      line(
        {
          code: implanted ? CPT.IMPLANTED_PUMP_REFILL : CPT.PUMP_REFILL,
          units: 1,
          sources: list.map((a) => a.ref),
          rules: ['R23.6', 'R27.11'],
          reason: implanted
            ? 'Implanted pump or reservoir refilled and maintained.'
            : 'Portable pump refilled and maintained.',
        },
        date,
      ),
    );
  }
  // R25.6: MUE for the new codes (warn only).
  warnings.push(...checkMue(lines, scope.context.reference, scope.setting, scope.dateOfService));
  return { lines, warnings };
}
