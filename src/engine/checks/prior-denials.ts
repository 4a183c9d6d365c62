// "Denied before for this": past adjudications of the patient whose denial a rule of ours would
// have prevented, matched to the lines of a visit by code. Also the practice-wide denial counts by
// root cause. Reason codes → cause: reference/denial-reasons.ts.
import { classifyDenial, DENIAL_CAUSES, type DenialCause } from '../../reference/denial-reasons.ts';
import type { AdjudicatedLine, ClaimInfo, PatientInput } from '../types.ts';

export interface ClassifiedAdjudication extends AdjudicatedLine {
  cause: DenialCause;
  /** The reason codes with their words. */
  reasons: string[];
}

export interface PriorDenial {
  code: string;
  date?: string;
  cause: DenialCause;
  /** Plain words for the cause. */
  label: string;
  reasons: string[];
  /** The warnings that now catch this cause before the claim goes out. */
  preventedBy: string[];
  source: string;
  /** The billed Claim the response answers, when named (its insurer names the payer). */
  claim?: string;
  /** X12 reason codes as sent (CARC, then RARC). */
  carcs: string[];
  rarcs: string[];
}

/** Code, modifiers and date of a ClaimResponse item from its request Claim's item. */
function resolve(a: AdjudicatedLine, claims: ReadonlyMap<string, ClaimInfo>): AdjudicatedLine {
  if (a.code !== undefined || a.claim === undefined || a.itemSequence === undefined) return a;
  const line = claims.get(a.claim)?.lines.find((l) => l.sequence === a.itemSequence);
  if (!line) return a;
  const out: AdjudicatedLine = { ...a, code: line.code, modifiers: line.modifiers };
  if (line.date) out.date = line.date;
  return out;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** Two answers to one claim line read as one: the first answer's source, every reason code. */
function merge(a: AdjudicatedLine, b: AdjudicatedLine): AdjudicatedLine {
  return {
    ...b,
    ...a,
    modifiers: a.code !== undefined ? a.modifiers : b.modifiers,
    carcs: union(a.carcs, b.carcs),
    rarcs: union(a.rarcs, b.rarcs),
    denied: a.denied || b.denied,
  };
}

/** The same claim line: same billed claim, and the same sequence or (one lacking it) the same code. */
function sameLine(a: AdjudicatedLine, b: AdjudicatedLine): boolean {
  const claimA = a.claim ?? a.claimIdentifier;
  if (claimA === undefined || claimA !== (b.claim ?? b.claimIdentifier)) return false;
  if (a.code !== undefined && b.code !== undefined && a.code !== b.code) return false;
  if (a.itemSequence !== undefined && b.itemSequence !== undefined)
    return a.itemSequence === b.itemSequence;
  const mods = (x: AdjudicatedLine) => [...x.modifiers].sort().join(',');
  return a.code !== undefined && a.code === b.code && mods(a) === mods(b);
}

/**
 * One denial reported twice — by a ClaimResponse and by an ExplanationOfBenefit for the same
 * claim, as payers that send both do — counts once (issue 17 §4, docs/denials.md): answers are
 * merged by billed claim (reference, else the identifier the payer gave) and claim line, after
 * each is resolved to its claim line. An answer naming no claim is never merged.
 */
function dedupe(lines: readonly AdjudicatedLine[]): AdjudicatedLine[] {
  const out: AdjudicatedLine[] = [];
  for (const a of lines) {
    const i = out.findIndex((b) => sameLine(b, a));
    const prev = out[i];
    if (prev !== undefined) out[i] = merge(prev, a);
    else out.push(a);
  }
  return out;
}

/** Every adjudicated line of the patient, resolved and classified (denied or only adjusted). */
export function classifyAdjudications(input: PatientInput): ClassifiedAdjudication[] {
  const lines = input.adjudications ?? [];
  if (lines.length === 0) return [];
  const claims = new Map(input.claims.map((c) => [c.ref, c]));
  return dedupe(lines.map((raw) => resolve(raw, claims))).map((a) => {
    const trial = a.claim
      ? claims.get(a.claim)?.diagnoses.some((d) => /^Z00\.?6$/i.test(d))
      : false;
    const { cause, reasons } = classifyDenial(a.carcs, a.rarcs, {
      ...(a.code !== undefined ? { code: a.code } : {}),
      modifiers: a.modifiers,
      trial: trial ?? false,
    });
    return { ...a, cause, reasons };
  });
}

/**
 * The patient's earlier denials of the codes billed on a visit (denied lines only, dated before
 * the visit or undated), most recent first.
 */
export function priorDenialsFor(
  visit: { dateOfService: string; lines: readonly { code: string }[] },
  classified: readonly ClassifiedAdjudication[],
): PriorDenial[] {
  const codes = new Set(visit.lines.map((l) => l.code));
  const out: PriorDenial[] = [];
  for (const a of classified) {
    if (!a.denied || a.code === undefined || !codes.has(a.code)) continue;
    if (a.date !== undefined && a.date >= visit.dateOfService) continue;
    const info = DENIAL_CAUSES[a.cause];
    const d: PriorDenial = {
      code: a.code,
      cause: a.cause,
      label: info.label,
      reasons: a.reasons,
      preventedBy: info.preventedBy,
      source: a.source,
      carcs: a.carcs,
      rarcs: a.rarcs,
    };
    if (a.date !== undefined) d.date = a.date;
    if (a.claim !== undefined) d.claim = a.claim;
    out.push(d);
  }
  return out.sort((x, y) => ((y.date ?? '') < (x.date ?? '') ? -1 : 1));
}
