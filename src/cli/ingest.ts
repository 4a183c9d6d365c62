// Pass 1: read every input once, keep shared resources (Medication, Location, ResearchStudy,
// MedicationKnowledge, Organization, Substance) in one index, and route each patient's
// resources to the patient store. Types we do not read are skipped. With a spilling store an
// NDJSON line of a patient's resource is routed from its bytes and copied to its bucket as
// bytes (parsed once, in pass 2); a line routed by parsing it is still copied as its original
// bytes, never re-serialised. Only resources inside a Bundle or a JSON file (no line of their
// own) are serialised into the bucket.
import { PATIENT_ELEMENT, SHARED_TYPES } from '../fhir/map/patient-key.ts';
import { patientKeyOf, UNKNOWN_PATIENT } from '../fhir/map/patient-input.ts';
import { flattenResources, keyOf, ResourceIndex, type RawResource } from '../fhir/references.ts';
import { InputError } from './errors.ts';
import {
  forEachNdjsonLine,
  lineText,
  parseNdjsonLine,
  readJsonFile,
  type InputFile,
  type NdjsonLine,
} from './input-files.ts';
import { scanLineKeys } from './line-keys.ts';
import type { PatientStore } from './patient-store.ts';

export interface Ingested {
  shared: ResourceIndex;
  knowledge: RawResource[];
  resources: number;
  /** Encounter → its patient, across the patient parts (ENCOUNTER_SUBJECT_MISMATCH). */
  encounterPatients: Map<string, string>;
}

const PREFIX = Buffer.from('{"resourceType":"');
/** Each patient type's patient element, as bytes for the line scanner (e.g. `subject`). */
const ELEMENTS: Record<string, Buffer> = Object.fromEntries(
  Object.entries(PATIENT_ELEMENT).map(([type, el]) => [type, Buffer.from(el)]),
);

function endsLikeObject(buf: Buffer, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const c = buf[i];
    if (c === 32 || c === 9 || c === 13) continue;
    return c === 125; // }
  }
  return false;
}

export function ingest(files: readonly InputFile[], store: PatientStore): Ingested {
  const shared = new ResourceIndex();
  const knowledge: RawResource[] = [];
  const encounterPatients = new Map<string, string>();
  let resources = 0;

  /** The patient a raw reference names, as patientKeyOf reads it. */
  const patientOf = (ref: string | undefined): string =>
    ref ? shared.canonical(ref) : UNKNOWN_PATIENT;

  const route = (
    resource: RawResource,
    fullUrl: string | undefined,
    file: number,
    line: number,
    raw?: NdjsonLine,
  ): void => {
    resources++;
    const type = resource.resourceType;
    if (PATIENT_ELEMENT[type]) {
      const patient = patientKeyOf(shared, resource);
      // A line of its own goes to a spilling store as its original bytes (parsed again there,
      // never re-serialised); the parsed object only routed it.
      if (raw && store.spills) store.addRaw(patient, raw.buf, raw.start, raw.end, file, line);
      else
        store.addParsed(
          patient,
          fullUrl ? { resource, fullUrl, file, line } : { resource, file, line },
        );
      if (type === 'Encounter') {
        const key = keyOf(resource, fullUrl);
        if (key) encounterPatients.set(shared.canonical(key), patient);
      }
    } else if (type === 'Patient') {
      const key = keyOf(resource, fullUrl);
      if (key && fullUrl) shared.addAlias(fullUrl, key);
    } else if (SHARED_TYPES.has(type)) {
      shared.add(resource, fullUrl);
      if (type === 'MedicationKnowledge') knowledge.push(resource);
    }
  };

  const routeAll = (root: RawResource, file: number, line: number): void => {
    const flat = flattenResources([root]);
    // Aliases first, so urn:uuid references in the same Bundle resolve whatever the order.
    for (const { resource, fullUrl } of flat) {
      const key = keyOf(resource, fullUrl);
      if (key && fullUrl) shared.addAlias(fullUrl, key);
    }
    for (const { resource, fullUrl } of flat) route(resource, fullUrl, file, line);
  };

  // Lines of one patient mostly follow each other: the same reference as the last line gives
  // the same patient (not for urn: references, whose alias may come later).
  let lastRef = '';
  let lastPatient = '';
  const patientOfLine = (ref: string | undefined): string => {
    if (ref === undefined || ref === '' || ref.startsWith('urn:')) return patientOf(ref);
    if (ref !== lastRef) {
      lastPatient = patientOf(ref);
      lastRef = ref;
    }
    return lastPatient;
  };

  /**
   * Spilling stores: route a line without parsing it when its shape makes that safe. A patient
   * type's line is routed by its top-level keys only (src/cli/line-keys.ts), so a patient element
   * inside a contained resource is never taken for the line's own; Encounters also give their id
   * (whose encounter an administration names: ENCOUNTER_SUBJECT_MISMATCH).
   */
  const fastPath = (l: NdjsonLine, fileIdx: number): boolean => {
    const { buf, start, end } = l;
    if (
      end - start < PREFIX.length + 2 ||
      buf.compare(PREFIX, 0, PREFIX.length, start, start + PREFIX.length) !== 0
    ) {
      return false;
    }
    const typeStart = start + PREFIX.length;
    const typeEnd = buf.indexOf(34, typeStart);
    if (typeEnd < 0 || typeEnd >= end) return false;
    const type = buf.toString('latin1', typeStart, typeEnd);
    const element = ELEMENTS[type];
    if (!element) {
      if (SHARED_TYPES.has(type) || type === 'Bundle' || type === 'Patient') return false;
      if (!endsLikeObject(buf, start, end)) return false;
      resources++;
      return true; // a type we do not read
    }
    const keys = scanLineKeys(buf, start, end, element);
    if (keys?.resourceType !== type) return false;
    resources++;
    const patient = patientOfLine(keys.reference);
    store.addRaw(patient, buf, start, end, fileIdx, l.line);
    if (type === 'Encounter' && keys.id) {
      encounterPatients.set(shared.canonical(`Encounter/${keys.id}`), patient);
    }
    return true;
  };

  files.forEach((f, fileIdx) => {
    if (f.kind === 'json') {
      routeAll(readJsonFile(f.path), fileIdx, 0);
      return;
    }
    forEachNdjsonLine(f.path, (l) => {
      if (store.spills && !l.last && fastPath(l, fileIdx)) return;
      const { line } = l;
      const resource = parseNdjsonLine(f.path, lineText(l), line, l.last);
      if (resource.resourceType === 'Bundle') routeAll(resource, fileIdx, line);
      else route(resource, undefined, fileIdx, line, l);
    });
  });
  if (files.length === 0) throw new InputError('input', 'no input files');
  return { shared, knowledge, resources, encounterPatients };
}
