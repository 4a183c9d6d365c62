// The engine's entry: one patient's data in, one result per encounter out.
// Order: group by encounter → setting → administration codes → drug lines → checks →
// aggregate identical lines (contract §3).
import { withPrices } from './checks/line-price.ts';
import { runEncounterChecks, type AuthLedger } from './checks/run-checks.ts';
import { deriveDrugLines } from './drug/derive-drug-lines.ts';
import { codeAdministrations } from './infusion/code-administrations.ts';
import { applyDateSteps } from './part2/date-steps.ts';
import { codeInjections } from './part2/injections.ts';
import { codePumps } from './part2/pumps.ts';
import type { DateEntry } from './part2/date-entry.ts';
import type { EncounterScope } from './stage.ts';
import { localDate } from './time.ts';
import { mergeRefMinutes } from './ref-minutes.ts';
import { runContext, type RunMemo } from './run-memo.ts';
import { findClaimLine } from './same-line.ts';
import { deriveSetting } from './setting.ts';
import { unique } from './unique.ts';
import { mergeWarnings } from './warnings/merge.ts';
import type {
  Administration,
  DerivedLine,
  EncounterReport,
  EncounterResult,
  EngineContext,
  PatientInput,
  Report,
  Warning,
} from './types.ts';

interface Group {
  encounter: string | null;
  administrations: Administration[];
  dateOfService: string;
  firstStartMs: number;
}

function adminDate(a: Administration): string | undefined {
  const t = a.start ?? a.end;
  return t ? localDate(t) : undefined;
}

/** Records whose times may decide a date of service: the billed ones (contract §2.1, R1.1). */
const DATING = new Set(['completed', 'stopped']);

/**
 * Group administrations by encounter; those without one by patient and date (R1.6). The date
 * of service is the local date of the earliest completed (or stopped) record's start; only an
 * encounter with none of those takes its period start, else its earliest record.
 */
export function groupEncounters(patient: PatientInput): Group[] {
  const groups = new Map<string, Group>();
  const datedBy = new Map<Group, number>();
  for (const a of patient.administrations) {
    // R1.6: only a record without an encounter is grouped by its date (read only then).
    const key = a.encounter ?? `date:${adminDate(a) ?? 'unknown'}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        encounter: a.encounter,
        administrations: [],
        dateOfService: '',
        firstStartMs: Infinity,
      };
      groups.set(key, g);
    }
    g.administrations.push(a);
    const t = a.start ?? a.end;
    if (t && t.ms < g.firstStartMs) g.firstStartMs = t.ms;
    if (a.start && DATING.has(a.status) && a.start.ms < (datedBy.get(g) ?? Infinity)) {
      datedBy.set(g, a.start.ms);
      g.dateOfService = localDate(a.start);
    }
  }
  for (const g of groups.values()) {
    if (g.dateOfService) continue;
    const enc = patient.encounters.find((e) => e.ref === g.encounter);
    const t = enc?.period?.start;
    if (t) g.dateOfService = localDate(t);
    else {
      let first: Administration['start'];
      for (const a of g.administrations) {
        const at = a.start ?? a.end;
        if (at && (!first || at.ms < first.ms)) first = at;
      }
      g.dateOfService = first ? localDate(first) : 'unknown';
    }
  }
  return [...groups.values()].sort(
    (x, y) =>
      x.firstStartMs - y.firstStartMs || (x.encounter ?? '').localeCompare(y.encounter ?? ''),
  );
}

/**
 * Lines with the same code, modifiers and date are summed into one (contract §3). Without
 * `evidence` (issue 18) a summed line keeps the first line's evidence (rules only matter before).
 */
export function aggregateLines(lines: DerivedLine[], evidence = true): DerivedLine[] {
  // An encounter has a dozen lines or so: a scan beats building a key per line. A line that
  // meets no other is passed on as it is; only a merged line is a new object (the input lines
  // are never changed).
  const out: DerivedLine[] = [];
  const merged: boolean[] = [];
  for (const l of lines) {
    const at = findClaimLine(out, l);
    if (at < 0) {
      out.push(l);
      merged.push(false);
      continue;
    }
    let prev = out[at] as DerivedLine;
    if (!merged[at]) {
      prev = { ...prev, sources: [...prev.sources], modifiers: [...prev.modifiers] };
      out[at] = prev;
      merged[at] = true;
    }
    prev.units += l.units;
    for (const s of l.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
    if (l.amount !== undefined || prev.amount !== undefined) {
      prev.amount = Math.round(((prev.amount ?? 0) + (l.amount ?? 0)) * 100) / 100;
    }
    if (prev.ndc && l.ndc && prev.ndc.code === l.ndc.code && prev.ndc.unit === l.ndc.unit) {
      prev.ndc = {
        ...prev.ndc,
        quantity: Math.round((prev.ndc.quantity + l.ndc.quantity) * 1000) / 1000,
      };
    }
    if (!evidence) continue;
    prev.evidence = {
      ...prev.evidence,
      rules: unique([...prev.evidence.rules, ...l.evidence.rules]),
      reason:
        prev.evidence.reason === l.evidence.reason
          ? prev.evidence.reason
          : `${prev.evidence.reason} ${l.evidence.reason}`,
      minutes: mergeRefMinutes(prev.evidence.minutes, l.evidence.minutes),
    };
  }
  return out;
}

/**
 * R20.3 hold_encounter + contract "nothing vanishes": when a record of unknown route holds the
 * encounter's administration lines, every record of the encounter that no line or other
 * warning names is named by the ROUTE_UNKNOWN warning that held it (a sponsor-supplied or
 * unidentified drug has no drug line, so with its administration line held it would vanish).
 */
function nameHeldRecords(e: DateEntry): void {
  const held = e.warnings.find((w) => w.code === 'ROUTE_UNKNOWN');
  if (!held) return;
  const named = new Set<string>();
  for (const l of e.lines) for (const s of l.sources) named.add(s);
  for (const w of e.warnings) for (const s of w.sources) named.add(s);
  const unnamed = e.administrations
    .filter((a) => a.status !== 'entered-in-error' && !named.has(a.ref))
    .map((a) => a.ref);
  if (unnamed.length === 0) return;
  const i = e.warnings.indexOf(held);
  e.warnings[i] = { ...held, sources: [...held.sources, ...unnamed] };
}

/**
 * Analyse one patient: every encounter, in time order. Never throws on billing conditions. `context.memo` is the run's memo (run-memo.ts): a caller analysing
 * many patients in one run (the audit, a clinic day) makes one with `createRunMemo()` and passes
 * it with every call; without one, this call makes its own.
 */
export function analyzePatient(
  patient: PatientInput,
  context: EngineContext & { memo?: RunMemo },
): EncounterResult[] {
  const ctx = runContext(context);
  const groups = groupEncounters(patient);
  const ledger: AuthLedger = { entries: [] };
  const seenDates = new Set<string>();
  const entries: DateEntry[] = [];
  for (const g of groups) {
    const setting = deriveSetting(patient, g.encounter, ctx);
    const scope: EncounterScope = {
      patient,
      encounter: g.encounter,
      administrations: g.administrations,
      dateOfService: g.dateOfService,
      setting,
      laterEncounterSameDay: g.encounter !== null && seenDates.has(g.dateOfService),
      context: ctx,
    };
    if (g.encounter !== null) seenDates.add(g.dateOfService);
    const admin = codeAdministrations(scope);
    const pumps = codePumps(scope);
    const injections = codeInjections(scope);
    // R20.3 hold_encounter: a record of unknown route holds every administration line of the
    // encounter, pumps and injections included (their warnings still stand).
    const held =
      ctx.config.rules.routeMissingPolicy === 'hold_encounter' &&
      admin.warnings.some((w) => w.code === 'ROUTE_UNKNOWN');
    if (held) {
      pumps.lines = [];
      injections.lines = [];
    }
    const drug = deriveDrugLines(scope);
    const checked = runEncounterChecks(
      scope,
      [...admin.lines, ...pumps.lines, ...injections.lines, ...drug.lines],
      ledger,
    );
    const issues: Warning[] = patient.issues
      .filter(
        (i) => i.encounter === g.encounter && (g.encounter !== null || i.date === g.dateOfService),
      )
      .map(({ code, severity, message, sources }) => ({ code, severity, message, sources }));
    entries.push({
      encounter: g.encounter,
      setting,
      dateOfService: g.dateOfService,
      administrations: g.administrations,
      lines: checked.lines,
      warnings: [
        ...issues,
        ...admin.warnings,
        ...pumps.warnings,
        ...injections.warnings,
        ...drug.warnings,
        ...checked.warnings,
      ],
    });
  }
  // Steps that look across the encounters of one date (injection-pump-rules R24.2, R25.3).
  applyDateSteps(entries, ctx, patient);
  if (ctx.config.rules.routeMissingPolicy === 'hold_encounter') entries.forEach(nameHeldRecords);
  const evidence = ctx.evidence !== false;
  return entries.map((e) => {
    const lines = aggregateLines(e.lines, evidence);
    return {
      patient: patient.patient,
      encounter: e.encounter,
      dateOfService: e.dateOfService,
      setting: e.setting,
      // PR-1–PR-4: administration lines carry their price in the evidence (after units are
      // summed), built only when evidence is asked for (issue 18).
      lines: evidence ? withPrices(lines, e.setting, ctx.reference) : lines,
      warnings: mergeWarnings(e.warnings),
    };
  });
}

/** Strip evidence: the report carries only the contract's fields (contract §3). */
export function toEncounterReport(r: EncounterResult): EncounterReport {
  return {
    patient: r.patient,
    encounter: r.encounter,
    dateOfService: r.dateOfService,
    setting: r.setting,
    lines: r.lines.map((l) => {
      const line: EncounterReport['lines'][number] = {
        code: l.code,
        units: l.units,
        modifiers: l.modifiers,
        date: l.date,
        sources: l.sources,
      };
      if (l.ndc) line.ndc = l.ndc;
      if (l.amount !== undefined) line.amount = l.amount;
      return line;
    }),
    warnings: r.warnings.map((w) => ({
      code: w.code,
      severity: w.severity,
      message: w.message,
      sources: w.sources,
    })),
  };
}

export function toReport(results: EncounterResult[]): Report {
  return { encounters: results.map(toEncounterReport) };
}
