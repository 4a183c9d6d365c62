// The nurse's change as a clinical note, for an EHR that does not let apps change the MAR
// (docs/write-back.md): the text says what was recorded and that the MAR still needs it; the
// structured attachment is the administration as it would read with the change applied.
// The same words make the printable "document this in the MAR" task list.
import type { DocumentReference, MedicationAdministration } from 'fhir/r4';
import { buildNote } from './document-note.ts';
import { applyNurseChange, type NurseChange } from './medication-administration.ts';

export interface AdministrationChange {
  administration: MedicationAdministration & { id: string };
  change: NurseChange;
  /** The drug's plain name, when known. */
  drugName: string | undefined;
}

/** One plain line per change: what to document in the MAR. Instants stay ISO with offset. */
export function changeText(c: AdministrationChange): string {
  const what = `${c.drugName ?? 'Medication'} (MedicationAdministration/${c.administration.id})`;
  const ch = c.change;
  switch (ch.kind) {
    case 'start':
      return `${what}: start time ${ch.at}.`;
    case 'stop':
      return `${what}: stop time ${ch.at}${ch.stoppedEarly ? ' (stopped early)' : ''}.`;
    case 'waste': {
      const opened = ch.containers
        .filter((x) => x.count > 0)
        .map((x) => `${x.count} × NDC ${x.ndc}`)
        .join(', ');
      return `${what}: containers opened ${opened || 'none'}; amount discarded ${ch.discarded.value} ${ch.discarded.unit}.`;
    }
    case 'correct':
      return `${what}: ${ch.field} time corrected from ${ch.previous} to ${ch.at} (reason: ${ch.reason}).`;
  }
}

/** The "document this in the MAR" task list (print or copy), one line per change. */
export function marTaskList(changes: readonly AdministrationChange[]): string {
  return [
    'Document in the MAR (the EHR did not accept these from EveryDose):',
    ...changes.map((c) => `- ${changeText(c)}`),
  ].join('\n');
}

export interface AdministrationNoteInput extends AdministrationChange {
  author: string | undefined;
  /** ISO instant the note is written. */
  recorded: string;
}

export function buildAdministrationNote(input: AdministrationNoteInput): DocumentReference {
  const ma = input.administration;
  const patient = ma.subject.reference ?? '';
  const text = [
    `Recorded by the nurse in EveryDose at ${input.recorded}:`,
    changeText(input),
    'The EHR does not let apps change the MAR: document this in the MAR as well.',
  ].join('\n');
  return buildNote({
    patient,
    encounter: ma.context?.reference,
    related: [`MedicationAdministration/${ma.id}`],
    author: input.author,
    date: input.recorded,
    title: 'Infusion administration times and waste (EveryDose)',
    text,
    structured: applyNurseChange(ma, input.change),
  });
}
