// Issue 17 §4 "Denied before for this": for each line of the visit, the patient's earlier denials
// of the same code, in words (date, payer, root cause, the payer's reason codes). The data comes
// from the past ClaimResponse/ExplanationOfBenefit adjudications already in the billing picture;
// the causes and the warnings that now prevent them: reference/denial-reasons.ts, docs/denials.md.
import {
  classifyAdjudications,
  priorDenialsFor,
  type EncounterResult,
  type PriorDenial,
} from '../../engine/index.ts';
import type { LoadedResources } from '../../fhir/load/billing-picture.ts';
import { organizationNames } from '../../fhir/map/organization-names.ts';
import { visitDateText } from '../../hooks/visit-words.ts';
import { mapPatientInputs } from '../../fhir/map/patient-input.ts';

type DenialCause = PriorDenial['cause'];

/** What went wrong, as a clause after "—" (our words for each root cause). */
export const CAUSE_WORDS: Record<DenialCause, string> = {
  'jw-jz': 'the discarded-drug modifier (JW/JZ) was missing or wrong',
  modifier: 'a modifier was missing or did not fit the code',
  'units-mue': 'the units were above the medically unlikely edit (MUE)',
  'ncci-bundling': 'it was bundled with another service the same day (NCCI)',
  authorization: 'the prior authorization was missing, expired or exceeded',
  coverage: 'the coverage was not active on the date of service',
  'wrong-payer': 'the claim went to the wrong payer',
  'trial-coding': 'the clinical-trial coding (Q0/Q1, Z00.6, trial number) was missing or wrong',
  ndc: 'the NDC was missing or invalid',
  'code-not-valid-for-date': 'the code or modifier was not valid on the date of service',
  diagnosis: 'the diagnosis was missing or did not support the service',
  documentation: 'the documentation (times, waste, orders) was missing',
  duplicate: 'it was billed twice',
  other: 'for a reason our checks do not cover',
};

/** One note: "Denied before for this: 12 Jul 2026, Acme PPO — the NDC was … (CARC 16, M119)". */
export function priorDenialNote(d: PriorDenial, payer: string | undefined): string {
  const when = d.date !== undefined ? visitDateText(d.date) : 'date not on the payer’s answer';
  const who = payer !== undefined ? `, ${payer}` : '';
  const codes = [...d.carcs.map((c) => `CARC ${c}`), ...d.rarcs.map((r) => r.toUpperCase())];
  const why = codes.length > 0 ? ` (${codes.join(', ')})` : '';
  return `Denied before for this: ${when}${who} — ${CAUSE_WORDS[d.cause]}${why}`;
}

/**
 * The notes per line code of the visit (one per earlier denied line, most recent first). The
 * payer is the denied Claim's insurer by name: the Organization when it was read, else the name a
 * Coverage of the patient gives that same payor; otherwise the note names no payer rather than a
 * guessed one.
 */
export function priorDenialNotesFor(
  result: EncounterResult,
  resources: LoadedResources,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const patient = mapPatientInputs(resources).find((p) => p.patient === result.patient);
  if (!patient?.adjudications?.length) return out;
  const claims = new Map(patient.claims.map((c) => [c.ref, c]));
  const names = organizationNames(resources);
  for (const c of patient.coverages)
    if (c.payor !== undefined && c.display !== undefined && !names.has(c.payor))
      names.set(c.payor, c.display);
  const seen = new Set<string>();
  for (const d of priorDenialsFor(result, classifyAdjudications(patient))) {
    const insurer = d.claim !== undefined ? claims.get(d.claim)?.insurer : undefined;
    const note = priorDenialNote(d, insurer !== undefined ? names.get(insurer) : undefined);
    // Two denied lines of one claim for the same code and cause read as one note.
    const key = `${d.code}|${note}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.set(d.code, [...(out.get(d.code) ?? []), note]);
  }
  return out;
}
