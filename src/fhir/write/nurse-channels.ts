// The nurse's change where the EHR does not let apps change the MAR (channels.ts): a clinical
// note linked to the administration and the encounter, else the "document this in the MAR"
// task list. A refused note (403/404/405/501) falls to the task list, never to silence.
import type { DocumentReference } from 'fhir/r4';
import { isChannelRefused, type FhirGateway } from '../gateway.ts';
import {
  buildAdministrationNote,
  marTaskList,
  type AdministrationNoteInput,
} from './administration-note.ts';
import type { NurseChannel } from './channels.ts';

export type NurseFallbackResult =
  { channel: 'clinical-note'; note: DocumentReference } | { channel: 'task-list'; text: string };

export async function writeNurseFallback(
  gateway: FhirGateway,
  channel: Exclude<NurseChannel, 'administration-update'>,
  input: AdministrationNoteInput,
): Promise<NurseFallbackResult> {
  if (channel === 'clinical-note') {
    try {
      const note = (await gateway.create(buildAdministrationNote(input))).resource;
      return { channel, note };
    } catch (e) {
      if (!isChannelRefused(e)) throw e;
    }
  }
  return { channel: 'task-list', text: marTaskList([input]) };
}
