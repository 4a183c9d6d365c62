// DocumentReference notes the app writes where the EHR offers no better channel
// (docs/write-back.md): a plain-text attachment people read, and a structured one
// (application/fhir+json) the app or an interface can read back. US Core category
// clinical-note; LOINC 11506-3 (Progress note) as the type, named in `type.text`.
import type { Attachment, DocumentReference, FhirResource, Reference } from 'fhir/r4';

export const US_CORE_DOC_CATEGORY =
  'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category';
export const LOINC = 'http://loinc.org';
export const PROGRESS_NOTE = '11506-3';

/** UTF-8 text as base64 (Attachment.data), in the browser and in Node. */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Attachment.data back to text (for read-back checks). */
export function base64Utf8(data: string): string {
  const binary = atob(data);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

export interface NoteInput {
  /** 'Patient/<id>' */
  patient: string;
  /** 'Encounter/<id>', when known. */
  encounter: string | undefined;
  /** Records the note is about (MedicationAdministration, Claim lines' sources). */
  related: string[];
  /** 'Practitioner/<id>' of the user. */
  author: string | undefined;
  /** ISO instant the note is written. */
  date: string;
  /** Shown as the note's title and `type.text`. */
  title: string;
  text: string;
  /** Structured content: a resource the note stands for. */
  structured: FhirResource;
}

function attachment(contentType: string, title: string, text: string): Attachment {
  return { contentType: `${contentType}; charset=utf-8`, title, data: utf8Base64(text) };
}

export function buildNote(input: NoteInput): DocumentReference {
  const related: Reference[] = [...new Set(input.related)].map((reference) => ({ reference }));
  const doc: DocumentReference = {
    resourceType: 'DocumentReference',
    status: 'current',
    docStatus: 'final',
    type: {
      coding: [{ system: LOINC, code: PROGRESS_NOTE, display: 'Progress note' }],
      text: input.title,
    },
    category: [{ coding: [{ system: US_CORE_DOC_CATEGORY, code: 'clinical-note' }] }],
    subject: { reference: input.patient },
    date: input.date,
    description: input.title,
    content: [
      { attachment: attachment('text/plain', input.title, input.text) },
      {
        attachment: attachment(
          'application/fhir+json',
          `${input.title} (structured)`,
          JSON.stringify(input.structured),
        ),
      },
    ],
  };
  if (input.author) doc.author = [{ reference: input.author }];
  const context: NonNullable<DocumentReference['context']> = {};
  if (input.encounter) context.encounter = [{ reference: input.encounter }];
  if (related.length > 0) context.related = related;
  if (Object.keys(context).length > 0) doc.context = context;
  return doc;
}

/** The structured attachment of a note, parsed (undefined when absent or not JSON). */
export function structuredOf(doc: DocumentReference): unknown {
  const a = doc.content
    .map((c) => c.attachment)
    .find((x) => x.contentType?.startsWith('application/fhir+json') && x.data);
  if (!a?.data) return undefined;
  try {
    return JSON.parse(base64Utf8(a.data)) as unknown;
  } catch {
    return undefined;
  }
}
