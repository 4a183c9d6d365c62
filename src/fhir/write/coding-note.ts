// The coder's sign-off as a coding summary note, for an EHR that takes neither claims nor
// charges from apps (docs/write-back.md): one plain line per signed line, and the draft Claim
// as the structured attachment, so nothing the coder decided is lost.
import type { Claim, DocumentReference } from 'fhir/r4';
import type { SignedLine } from './claim-builder.ts';
import { buildNote } from './document-note.ts';

export interface CodingNoteInput {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  lines: readonly SignedLine[];
  claim: Claim;
  author: string;
  recorded: string;
}

export function signedLineText(l: SignedLine): string {
  const parts = [`${l.code} × ${l.units}`];
  if (l.modifiers.length > 0) parts.push(`modifiers ${l.modifiers.join(', ')}`);
  if (l.ndc) parts.push(`NDC ${l.ndc.code} ${l.ndc.quantity} ${l.ndc.unit}`);
  parts.push(`date ${l.date}`);
  parts.push(l.decision + (l.reason ? ` (${l.reason})` : ''));
  if (l.sources.length > 0) parts.push(`from ${l.sources.join(', ')}`);
  return parts.join('; ');
}

export function buildCodingNote(input: CodingNoteInput): DocumentReference {
  const text = [
    `Infusion billing lines signed off in EveryDose by ${input.author} at ${input.recorded}`,
    `for the visit of ${input.dateOfService}${input.encounter ? ` (${input.encounter})` : ''}:`,
    ...input.lines.map((l, i) => `${i + 1}. ${signedLineText(l)}`),
    input.lines.length === 0 ? 'No billable lines.' : '',
    'The EHR does not let apps save claims or charges: enter these lines in the billing system.',
  ]
    .filter(Boolean)
    .join('\n');
  return buildNote({
    patient: input.patient,
    encounter: input.encounter ?? undefined,
    related: input.lines.flatMap((l) => l.sources),
    author: input.author,
    date: input.recorded,
    title: 'Infusion billing coding summary (EveryDose)',
    text,
    structured: input.claim,
  });
}
