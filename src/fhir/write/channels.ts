// The best write channel the EHR offers for each action, in the order of issue #19
// (docs/write-back.md):
//   nurse times and waste: MedicationAdministration update (If-Match) → a DocumentReference
//     clinical note linked to the administration and the encounter → a "document this in the
//     MAR" task list to print or copy;
//   coder sign-off: draft Claim (+ Provenance) → ChargeItem create / $modify per line →
//     a DocumentReference coding summary → download (FHIR JSON, CSV).
// The last channel of each list needs nothing from the EHR, so nothing is ever lost.
import type { CapabilityStatement } from 'fhir/r4';
import { writeSupport, type WriteSupport } from './write-support.ts';

export type NurseChannel = 'administration-update' | 'clinical-note' | 'task-list';
export type CoderChannel = 'draft-claim' | 'charge-items' | 'coding-note' | 'download';

export interface ChannelChoice<C extends string> {
  channel: C;
  /** Plain words: why each better channel was passed over (empty for the best one). */
  passedOver: string[];
}

export function nurseChannelFrom(w: WriteSupport): ChannelChoice<NurseChannel> {
  const passedOver: string[] = [];
  // No statement could be read: try the MAR, as before; a refusal then moves to the note.
  if (!w.known || w.update('MedicationAdministration')) {
    return { channel: 'administration-update', passedOver };
  }
  passedOver.push('The EHR does not let apps change the MAR.');
  if (w.create('DocumentReference')) return { channel: 'clinical-note', passedOver };
  passedOver.push('The EHR does not let apps add notes to the chart.');
  return { channel: 'task-list', passedOver };
}

/** `updatingDraft`: an earlier draft Claim of this visit is revised (update, not create). */
export function coderChannelFrom(
  w: WriteSupport,
  updatingDraft: boolean,
): ChannelChoice<CoderChannel> {
  const passedOver: string[] = [];
  const claimOk = updatingDraft ? w.update('Claim') : w.create('Claim');
  if (claimOk && w.create('Provenance')) return { channel: 'draft-claim', passedOver };
  passedOver.push(
    claimOk
      ? 'The EHR does not let apps record who signed off (Provenance) with a claim.'
      : 'The EHR does not let apps save claims.',
  );
  if (w.create('ChargeItem') || w.operation('ChargeItem', 'modify')) {
    return { channel: 'charge-items', passedOver };
  }
  passedOver.push('The EHR does not let apps enter charges.');
  if (w.create('DocumentReference')) return { channel: 'coding-note', passedOver };
  passedOver.push('The EHR does not let apps add notes to the chart.');
  return { channel: 'download', passedOver };
}

export function chooseNurseChannel(
  cs: CapabilityStatement | undefined,
  scopes: readonly string[],
): ChannelChoice<NurseChannel> {
  return nurseChannelFrom(writeSupport(cs, scopes));
}

export function chooseCoderChannel(
  cs: CapabilityStatement | undefined,
  scopes: readonly string[],
  updatingDraft: boolean,
): ChannelChoice<CoderChannel> {
  return coderChannelFrom(writeSupport(cs, scopes), updatingDraft);
}

/** What the screen says after a write, by channel (issue #19: "the screen says which"). */
export const NURSE_CHANNEL_TEXT: Record<NurseChannel, string> = {
  'administration-update': 'Saved in the MAR.',
  'clinical-note':
    'Saved as a note in the chart: the EHR does not let apps change the MAR. Document it in the MAR too.',
  'task-list':
    'Not saved in the EHR: it lets apps neither change the MAR nor add notes. Print or copy the list below and document it in the MAR.',
};

export const CODER_CHANNEL_TEXT: Record<CoderChannel, string> = {
  'draft-claim': 'Saved as a draft claim in the EHR.',
  'charge-items': 'Saved as charges in the EHR: it does not let apps save claims.',
  'coding-note':
    'Saved as a coding note in the chart: the EHR lets apps save neither claims nor charges.',
  download:
    'Not saved in the EHR: it lets apps save neither claims, charges nor notes. Download the lines for the billing system.',
};
