// Practice figures over many encounter reports (issue: the clinic's day, practice dashboard). The
// same numbers feed the app's dashboard and `npm run audit -- --format html`. Pure: reports in,
// numbers out; folded one encounter at a time, so memory grows with the number of periods, not
// with the number of encounters.
import { DENIAL_CAUSES, type DenialCause } from '../../reference/denial-reasons.ts';
import type { ClassifiedAdjudication } from '../checks/prior-denials.ts';
import type { EncounterReport, ReportLine, Warning } from '../types.ts';
import type { WarningCode } from '../warning-codes.ts';
import { CPT } from '../admin-codes.ts';
import { isIvTimedCode } from '../code-groups.ts';

export type Granularity = 'day' | 'week' | 'month';

/** Counts for one period (or for the whole range). Ratios are derived, never stored. */
export interface PeriodCounts {
  /** Start date of the period (YYYY-MM-DD); 'all' for the totals. */
  period: string;
  encounters: number;
  /** Encounters without an error-level warning: a claim that would go out clean as it stands. */
  cleanEncounters: number;
  /** IV administrations that need a stop time (in an IV administration line or a stop-time warning). */
  timedAdministrations: number;
  /** Of those, the ones whose stop time is missing (MISSING_STOP_TIME, HYDRATION_NO_STOP_TIME, NOT_COMPLETED_EXCLUDED). */
  missingStop: number;
  /** Drug lines billing discarded drug (JW). */
  wasteLines: number;
  /** Of those, the ones whose waste is documented (no WASTE_NOT_DOCUMENTED on their administrations). */
  wasteDocumented: number;
  /** Drug lines that carry JW or JZ. */
  jwJzLines: number;
  /** Of those, the ones without a JW/JZ problem (JZ_WITH_WASTE, JW_ON_MULTIDOSE, WASTE_NOT_DOCUMENTED …). */
  jwJzCompliant: number;
  /** USD over lines with a known amount. */
  amountTotal: number;
  /** USD of lines that share an administration with an error or warning: money a person must look at. */
  amountAtRisk: number;
  /** USD of discarded-drug (JW) lines: money that is lost when waste is not billed. */
  amountRecovered: number;
  /** Encounters with a clinical-trial modifier (Q0/Q1) or a trial warning. */
  trialVisits: number;
}

export interface WarningCount {
  code: string;
  severity: Warning['severity'];
  count: number;
}

export interface DenialCauseCount {
  cause: DenialCause;
  label: string;
  /** Denied lines with this root cause. */
  count: number;
  /** Share of all adjudicated lines. */
  rate: number;
  /** The warnings that now catch it before the claim goes out. */
  preventedBy: string[];
}

export interface DenialFigures {
  /** Past claim lines with an adjudication (ClaimResponse use = claim, ExplanationOfBenefit). */
  adjudicatedLines: number;
  deniedLines: number;
  byCause: DenialCauseCount[];
}

export interface PracticeFigures {
  granularity: Granularity;
  /** Earliest and latest date of service seen (YYYY-MM-DD), or null without encounters. */
  from: string | null;
  to: string | null;
  periods: PeriodCounts[];
  totals: PeriodCounts;
  /** Warning codes by how many encounters carry them, most first. */
  topWarnings: WarningCount[];
  denials: DenialFigures;
}

// Sets of warning codes the figures read (rule files: infusion-rules R9.5, drug-wastage §JW/JZ).
const STOP_MISSING: ReadonlySet<string> = new Set<WarningCode>([
  'MISSING_STOP_TIME',
  'HYDRATION_NO_STOP_TIME',
  'NOT_COMPLETED_EXCLUDED',
]);
const JW_JZ_PROBLEMS: ReadonlySet<string> = new Set<WarningCode>([
  'JZ_WITH_WASTE',
  'JW_ON_MULTIDOSE',
  'WASTE_NOT_DOCUMENTED',
  'DISCARD_LESS_THAN_ONE_UNIT',
  'MULTI_DOSE_NO_WASTE_BILLING',
]);

/** IV hydration, infusion and push codes that need a stop time (infusion-rules R1–R9; the list
 * lives in code-groups.ts): not the SC/IM injections, SC infusions, intra-arterial push, on-body
 * injector or pump initiation (96416, whose stop is the disconnect). */
export function isIvAdministrationCode(code: string): boolean {
  return isIvTimedCode(code);
}

/** A drug line: a HCPCS Level II code (letter first), as the engine derives from doses. */
function isDrugLine(line: ReportLine): boolean {
  return /^[A-Z]\d{4}$/.test(line.code) && line.code !== CPT.G0498;
}

function emptyCounts(period: string): PeriodCounts {
  return {
    period,
    encounters: 0,
    cleanEncounters: 0,
    timedAdministrations: 0,
    missingStop: 0,
    wasteLines: 0,
    wasteDocumented: 0,
    jwJzLines: 0,
    jwJzCompliant: 0,
    amountTotal: 0,
    amountAtRisk: 0,
    amountRecovered: 0,
    trialVisits: 0,
  };
}

const NUMERIC_KEYS = [
  'encounters',
  'cleanEncounters',
  'timedAdministrations',
  'missingStop',
  'wasteLines',
  'wasteDocumented',
  'jwJzLines',
  'jwJzCompliant',
  'amountTotal',
  'amountAtRisk',
  'amountRecovered',
  'trialVisits',
] as const satisfies readonly (keyof PeriodCounts)[];

/** The period a date of service falls in: the day, the Monday of its week, or the 1st of its month. */
export function periodOf(date: string, granularity: Granularity): string {
  if (granularity === 'day') return date;
  if (granularity === 'month') return `${date.slice(0, 7)}-01`;
  const ms = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(ms - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** Cents, so that sums of dollar amounts stay exact. */
const cents = (usd: number): number => Math.round(usd * 100);

/** What one encounter adds to its period (amounts in cents). */
function countEncounter(e: EncounterReport): PeriodCounts {
  const c = emptyCounts('');
  c.encounters = 1;
  const warned = new Set<string>();
  const stopMissing = new Set<string>();
  const wasteUndocumented = new Set<string>();
  const jwJzProblem = new Set<string>();
  let hasError = false;
  let trial = false;
  for (const w of e.warnings) {
    if (w.severity === 'error') hasError = true;
    if (w.code.startsWith('TRIAL_')) trial = true;
    for (const s of w.sources) {
      if (w.severity !== 'info') warned.add(s);
      if (STOP_MISSING.has(w.code)) stopMissing.add(s);
      if (w.code === 'WASTE_NOT_DOCUMENTED') wasteUndocumented.add(s);
      if (JW_JZ_PROBLEMS.has(w.code)) jwJzProblem.add(s);
    }
  }
  const timed = new Set<string>(stopMissing);
  for (const line of e.lines) {
    if (line.modifiers.includes('Q0') || line.modifiers.includes('Q1')) trial = true;
    if (isIvAdministrationCode(line.code)) for (const s of line.sources) timed.add(s);
    const amount = line.amount !== undefined ? cents(line.amount) : 0;
    c.amountTotal += amount;
    if (line.sources.some((s) => warned.has(s))) c.amountAtRisk += amount;
    if (!isDrugLine(line)) continue;
    const jw = line.modifiers.includes('JW');
    if (jw) {
      c.wasteLines++;
      c.amountRecovered += amount;
      if (!line.sources.some((s) => wasteUndocumented.has(s))) c.wasteDocumented++;
    }
    if (jw || line.modifiers.includes('JZ')) {
      c.jwJzLines++;
      if (!line.sources.some((s) => jwJzProblem.has(s))) c.jwJzCompliant++;
    }
  }
  c.timedAdministrations = [...timed].filter((s) =>
    s.startsWith('MedicationAdministration/'),
  ).length;
  c.missingStop = [...stopMissing].filter((s) => s.startsWith('MedicationAdministration/')).length;
  if (!hasError) c.cleanEncounters = 1;
  if (trial) c.trialVisits = 1;
  return c;
}

function addInto(into: PeriodCounts, from: PeriodCounts): void {
  for (const k of NUMERIC_KEYS) into[k] += from[k];
}

function toDollars(c: PeriodCounts): PeriodCounts {
  return {
    ...c,
    amountTotal: c.amountTotal / 100,
    amountAtRisk: c.amountAtRisk / 100,
    amountRecovered: c.amountRecovered / 100,
  };
}

/** Folds encounter reports one at a time into practice figures. */
export class PracticeFiguresBuilder {
  private readonly periods = new Map<string, PeriodCounts>();
  private readonly totals = emptyCounts('all');
  private readonly warnings = new Map<string, WarningCount>();
  private from: string | null = null;
  private to: string | null = null;
  private adjudicated = 0;
  private readonly denied = new Map<DenialCause, number>();

  constructor(private readonly granularity: Granularity = 'week') {}

  add(e: EncounterReport): void {
    const key = periodOf(e.dateOfService, this.granularity);
    let p = this.periods.get(key);
    if (!p) {
      p = emptyCounts(key);
      this.periods.set(key, p);
    }
    const c = countEncounter(e);
    addInto(p, c);
    addInto(this.totals, c);
    if (this.from === null || e.dateOfService < this.from) this.from = e.dateOfService;
    if (this.to === null || e.dateOfService > this.to) this.to = e.dateOfService;
    const seen = new Set<string>();
    for (const w of e.warnings) {
      if (seen.has(w.code)) continue;
      seen.add(w.code);
      const wc = this.warnings.get(w.code);
      if (wc) wc.count++;
      else this.warnings.set(w.code, { code: w.code, severity: w.severity, count: 1 });
    }
  }

  /** Past adjudications of one patient (classifyAdjudications), for the denial figures. */
  addAdjudications(lines: readonly ClassifiedAdjudication[]): void {
    for (const a of lines) {
      this.adjudicated++;
      if (a.denied) this.denied.set(a.cause, (this.denied.get(a.cause) ?? 0) + 1);
    }
  }

  result(topN = 10): PracticeFigures {
    const periods = [...this.periods.values()]
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
      .map(toDollars);
    const topWarnings = [...this.warnings.values()]
      .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
      .slice(0, topN)
      .map((w) => ({ ...w }));
    return {
      granularity: this.granularity,
      from: this.from,
      to: this.to,
      periods,
      totals: toDollars(this.totals),
      topWarnings,
      denials: this.denialFigures(),
    };
  }

  private denialFigures(): DenialFigures {
    let deniedLines = 0;
    for (const n of this.denied.values()) deniedLines += n;
    const byCause = [...this.denied.entries()]
      .map(([cause, count]) => ({
        cause,
        label: DENIAL_CAUSES[cause].label,
        count,
        rate: count / this.adjudicated,
        preventedBy: [...DENIAL_CAUSES[cause].preventedBy],
      }))
      .sort((a, b) => b.count - a.count || (a.cause < b.cause ? -1 : 1));
    return { adjudicatedLines: this.adjudicated, deniedLines, byCause };
  }
}

/** A ratio for people: null when nothing was counted (never 100% of nothing). */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
