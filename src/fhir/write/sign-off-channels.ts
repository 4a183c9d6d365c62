// The coder's sign-off through the best channel the EHR offers (channels.ts): the draft Claim
// and Provenance as before, else ChargeItems, else a coding note, else the download. When the
// EHR refuses a channel it advertised (403/404/405/501), the next one is tried; lines no
// channel could place are returned so the screen offers them for download.
import type { DocumentReference } from 'fhir/r4';
import { isChannelRefused, type FhirGateway } from '../gateway.ts';
import type { CoderChannel } from './channels.ts';
import { existingCharges, writeCharges, type ChargeWriteResult } from './charge-write.ts';
import type { SignedLine } from './claim-builder.ts';
import { writeSignOff, type SignOffResult, type SignOffWrite } from './claim-sign-off.ts';
import { buildCodingNote } from './coding-note.ts';
import type { WriteSupport } from './write-support.ts';

export const CODER_CHANNELS: readonly CoderChannel[] = [
  'draft-claim',
  'charge-items',
  'coding-note',
  'download',
];

export interface ChannelSignOff extends SignOffWrite {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  lines: SignedLine[];
}

export type CoderWriteResult =
  | { channel: 'draft-claim'; result: SignOffResult }
  | { channel: 'charge-items'; charges: ChargeWriteResult; note: DocumentReference | undefined }
  | { channel: 'coding-note'; note: DocumentReference }
  | { channel: 'download' };

async function codingNote(gateway: FhirGateway, w: ChannelSignOff): Promise<DocumentReference> {
  const note = buildCodingNote({
    patient: w.patient,
    encounter: w.encounter,
    dateOfService: w.dateOfService,
    lines: w.lines,
    claim: w.claim,
    author: w.author,
    recorded: w.recorded,
  });
  return (await gateway.create(note)).resource;
}

async function viaCharges(
  gateway: FhirGateway,
  w: ChannelSignOff,
  support: WriteSupport,
): Promise<CoderWriteResult> {
  const input = {
    patient: w.patient,
    encounter: w.encounter,
    lines: w.lines,
    enterer: w.author,
    entered: w.recorded,
  };
  const canModify = support.operation('ChargeItem', 'modify') && gateway.operation !== undefined;
  const existing = await existingCharges(gateway, w.patient, w.encounter);
  const charges = await writeCharges(gateway, input, existing, {
    canCreate: support.create('ChargeItem'),
    canModify,
  });
  // Lines no charge could carry still reach the chart as a coding note where one is allowed.
  const leftOver = charges.unplaced.length > 0 || charges.stale.length > 0;
  const note =
    leftOver && support.create('DocumentReference')
      ? await codingNote(gateway, { ...w, lines: charges.unplaced })
      : undefined;
  return { channel: 'charge-items', charges, note };
}

async function runChannel(
  gateway: FhirGateway,
  channel: CoderChannel,
  w: ChannelSignOff,
  support: WriteSupport,
): Promise<CoderWriteResult> {
  switch (channel) {
    case 'draft-claim':
      return { channel, result: await writeSignOff(gateway, w) };
    case 'charge-items':
      return viaCharges(gateway, w, support);
    case 'coding-note':
      return { channel, note: await codingNote(gateway, w) };
    case 'download':
      return { channel };
  }
}

/** Writes through `first`, falling to the next channel only when the EHR refuses one. */
export async function writeSignOffByChannel(
  gateway: FhirGateway,
  first: CoderChannel,
  w: ChannelSignOff,
  support: WriteSupport,
): Promise<CoderWriteResult> {
  const order = CODER_CHANNELS.slice(CODER_CHANNELS.indexOf(first));
  for (const channel of order) {
    try {
      return await runChannel(gateway, channel, w, support);
    } catch (e) {
      if (!isChannelRefused(e) || channel === 'download') throw e;
    }
  }
  return { channel: 'download' };
}
