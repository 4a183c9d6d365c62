// NCCI procedure-to-procedure edits (injection-pump-rules R25.3–R25.4, R27.7, R27.10): for every
// pair of lines on one date of service (across encounters, same setting) that the setting's PTP
// table lists: indicator 0 → PTP_NOT_ALLOWED on the column-2 line (or remove it, setting
// `ptpIndicator0Action`); indicator 1 → the distinct-service modifier on the column-2 line when
// distinctness is documented (R25.4), else PTP_MODIFIER_NEEDED. Runs on un-aggregated lines.
import type { DerivedLine, EngineContext } from '../types.ts';
import { lineDate, type DateEntry } from './date-entry.ts';
import { warn2 } from './warnings.ts';
import { CPT } from '../admin-codes.ts';

/** Modifiers that already answer an NCCI edit (R25.3 step 3; anatomic modifiers, S93). */
const NCCI_MODIFIER = /^(59|X[ESPU]|LT|RT|E[1-4]|FA|F[1-9]|TA|T[1-9])$/;
/** SC/IM injection codes: distinct by documented, differing sites (R25.4). */
const INJECTION_CODES = new Set<string>([
  CPT.THER_INJECTION_SC_IM,
  CPT.ON_BODY_INJECTOR,
  CPT.CHEMO_INJECTION,
  CPT.CHEMO_INJECTION_HORMONAL,
]);

interface Placed {
  entry: DateEntry;
  index: number;
  line: DerivedLine;
  date: string;
}

interface Pair {
  col1: Placed;
  indicator: 0 | 1;
}

function sitesOf(p: Placed, byRef: Map<string, DateEntry['administrations'][number]>) {
  return p.line.sources.map((s) => byRef.get(s));
}

/** R25.4: separate encounter, justified separate IV site, or (injections) differing sites. */
export function documentedDistinct(
  col1: Placed,
  col2: Placed,
  byRef: Map<string, DateEntry['administrations'][number]>,
): boolean {
  const e1 = col1.entry.encounter;
  const e2 = col2.entry.encounter;
  if (e1 !== null && e2 !== null && e1 !== e2) return true;
  const a1 = sitesOf(col1, byRef);
  const a2 = sitesOf(col2, byRef);
  const sites1 = new Set(a1.map((a) => a?.site?.toLowerCase()));
  const justified = a2.some(
    (a) => a?.separateAccessJustified === true && a.site && !sites1.has(a.site.toLowerCase()),
  );
  if (justified) return true;
  if (!INJECTION_CODES.has(col2.line.code)) return false;
  // Both sides documented, and no site shared (R25.4, R26.3).
  if (a1.length === 0 || a2.length === 0) return false;
  if (a1.some((a) => !a?.site) || a2.some((a) => !a?.site)) return false;
  return a2.every((a) => !sites1.has(a?.site?.toLowerCase()));
}

/**
 * R27.10: where Part 1 R11.2 put the separate-encounter modifier on the later encounter's line
 * and the PTP table names the other line as column 2, the table wins: the modifier moves to the
 * column-2 line, so it comes off the column-1 line (unless that line is itself a column-2 line
 * of an indicator-1 pair that day, where it still answers an edit).
 */
function moveEncounterModifier(col1: Placed, col2: Placed, placed: Placed[], ctx: EngineContext) {
  const mod = ctx.config.rules.separateEncounterModifier;
  if (col1.entry.encounter === col2.entry.encounter) return;
  const current = col1.entry.lines[col1.index] as DerivedLine;
  if (!current.modifiers.includes(mod)) return;
  const table = col1.entry.setting === 'professional' ? 'practitioner' : 'outpatient-hospital';
  const stillColumn2 = placed.some(
    (x) =>
      x !== col1 &&
      x.line.code !== col1.line.code &&
      ctx.reference.ptp?.(x.line.code, col1.line.code, table, col1.date)?.indicator === 1,
  );
  if (stillColumn2) return;
  col1.entry.lines[col1.index] = {
    ...current,
    modifiers: current.modifiers.filter((m) => m !== mod),
    evidence: {
      ...current.evidence,
      rules: [...current.evidence.rules, 'R27.10'],
      reason: `${current.evidence.reason} Column 1 of an NCCI pair with ${col2.line.code}: the distinct-service modifier goes on ${col2.line.code} instead.`,
    },
  };
}

/** R25.3 for one column-2 candidate; true when the line is to be removed (indicator 0 option). */
function resolveLine(
  col2: Placed,
  placed: Placed[],
  byRef: Map<string, DateEntry['administrations'][number]>,
  ctx: EngineContext,
): boolean {
  const { rules } = ctx.config;
  const table = col2.entry.setting === 'professional' ? 'practitioner' : 'outpatient-hospital';
  const pairs: Pair[] = [];
  for (const col1 of placed) {
    if (col1 === col2 || col1.line.code === col2.line.code) continue; // R25.3 step 5
    const edit = ctx.reference.ptp?.(col1.line.code, col2.line.code, table, col2.date);
    if (edit && edit.indicator !== 9) pairs.push({ col1, indicator: edit.indicator });
  }
  if (pairs.length === 0) return false;
  const sources = (ps: Pair[]) => [...col2.line.sources, ...ps.flatMap((p) => p.col1.line.sources)];
  const names = (ps: Pair[]) => [...new Set(ps.map((p) => p.col1.line.code))].join(', ');
  const never = pairs.filter((p) => p.indicator === 0);
  if (never.length > 0) {
    const removing = rules.ptpIndicator0Action === 'remove_column2';
    col2.entry.warnings.push(
      warn2(
        'PTP_NOT_ALLOWED',
        sources(never),
        `${col2.line.code} is never paid with ${names(never)} on ${col2.date} (NCCI edit, no modifier bypasses it)${removing ? '; the column-2 line was removed' : '; coder review'}.`,
      ),
    );
    return removing;
  }
  const current = col2.entry.lines[col2.index] as DerivedLine;
  if (current.modifiers.some((m) => NCCI_MODIFIER.test(m))) return false;
  if (pairs.every((p) => documentedDistinct(p.col1, col2, byRef))) {
    const modifier = rules.distinctServiceModifier;
    col2.entry.lines[col2.index] = {
      ...current,
      modifiers: [...current.modifiers, modifier],
      evidence: {
        ...current.evidence,
        rules: [...current.evidence.rules, 'R25.3', 'R25.4'],
        reason: `${current.evidence.reason} NCCI pair with ${names(pairs)}: separate encounter or site documented, so ${modifier} on this column-2 line.`,
      },
    };
    for (const p of pairs) moveEncounterModifier(p.col1, col2, placed, ctx);
    return false;
  }
  col2.entry.warnings.push(
    warn2(
      'PTP_MODIFIER_NEEDED',
      sources(pairs),
      `${col2.line.code} with ${names(pairs)} on ${col2.date}: an NCCI pair that needs a distinct-service modifier the documentation does not support; ${col2.line.code} will deny as is.`,
    ),
  );
  return false;
}

export function applyPtp(entries: DateEntry[], ctx: EngineContext): void {
  if (!ctx.reference.ptp) return;
  const byRef = new Map<string, DateEntry['administrations'][number]>();
  for (const e of entries) for (const a of e.administrations) byRef.set(a.ref, a);
  // Lines by date and setting: only lines of one claim date meet (R25.3 step 1, R26.2).
  const byDate = new Map<string, Placed[]>();
  for (const entry of entries)
    entry.lines.forEach((line, index) => {
      if (line.kind !== 'administration') return;
      const date = lineDate(line, entry);
      const key = `${entry.setting}|${date}`;
      const list = byDate.get(key);
      const p = { entry, index, line, date };
      if (list) list.push(p);
      else byDate.set(key, [p]);
    });
  const removed = new Set<Placed>();
  for (const placed of byDate.values()) {
    if (placed.length < 2) continue;
    for (const col2 of placed) {
      if (resolveLine(col2, placed, byRef, ctx)) removed.add(col2);
    }
  }
  if (removed.size === 0) return;
  for (const e of entries) {
    const gone = new Set([...removed].filter((p) => p.entry === e).map((p) => p.index));
    if (gone.size > 0) e.lines = e.lines.filter((_, i) => !gone.has(i));
  }
}
