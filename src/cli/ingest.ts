// Pass 1: read every input once, keep shared resources (Medication, Location, ResearchStudy,
// MedicationKnowledge, Organization, Substance) in one index, and route each patient's
// resources to the patient store. Types we do not read are skipped.
import { PATIENT_ELEMENT, SHARED_TYPES } from '../fhir/map/patient-key.ts';
import { patientKeyOf } from '../fhir/map/patient-input.ts';
import { flattenResources, keyOf, ResourceIndex, type RawResource } from '../fhir/references.ts';
import { InputError } from './errors.ts';
import { forEachNdjsonLine, parseNdjsonLine, readJsonFile, type InputFile } from './input-files.ts';
import type { PatientStore } from './patient-store.ts';

export interface Ingested {
  shared: ResourceIndex;
  knowledge: RawResource[];
  resources: number;
}

const PREFIX = '{"resourceType":"';

function endsLikeObject(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13) continue;
    return c === 125; // }
  }
  return false;
}

export function ingest(files: readonly InputFile[], store: PatientStore): Ingested {
  const shared = new ResourceIndex();
  const knowledge: RawResource[] = [];
  let resources = 0;

  const route = (
    resource: RawResource,
    fullUrl: string | undefined,
    file: number,
    line: number,
  ): void => {
    resources++;
    const type = resource.resourceType;
    if (PATIENT_ELEMENT[type]) {
      const rec = fullUrl ? { resource, fullUrl, file, line } : { resource, file, line };
      store.addParsed(patientKeyOf(shared, resource), rec);
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

  /** Spilling stores: route a line without parsing it when its shape makes that safe. */
  const fastPath = (text: string, fileIdx: number, line: number): boolean => {
    if (!text.startsWith(PREFIX)) return false;
    const typeEnd = text.indexOf('"', PREFIX.length);
    const type = text.slice(PREFIX.length, typeEnd);
    const element = PATIENT_ELEMENT[type];
    if (!element) {
      if (SHARED_TYPES.has(type) || type === 'Bundle' || type === 'Patient') return false;
      if (!endsLikeObject(text)) return false;
      resources++;
      return true; // a type we do not read
    }
    const needle = `"${element}":{"reference":"`;
    const at = text.indexOf(needle);
    if (at < 0 || text.indexOf(needle, at + needle.length) >= 0) return false;
    const refStart = at + needle.length;
    const refEnd = text.indexOf('"', refStart);
    const ref = text.slice(refStart, refEnd);
    if (ref.includes('\\') || !endsLikeObject(text)) return false;
    resources++;
    store.addRaw(shared.canonical(ref), text, fileIdx, line);
    return true;
  };

  files.forEach((f, fileIdx) => {
    if (f.kind === 'json') {
      routeAll(readJsonFile(f.path), fileIdx, 0);
      return;
    }
    forEachNdjsonLine(f.path, (text, line, last) => {
      if (store.spills && !last && fastPath(text, fileIdx, line)) return;
      const resource = parseNdjsonLine(f.path, text, line, last);
      if (resource.resourceType === 'Bundle') routeAll(resource, fileIdx, line);
      else route(resource, undefined, fileIdx, line);
    });
  });
  if (files.length === 0) throw new InputError('input', 'no input files');
  return { shared, knowledge, resources };
}
