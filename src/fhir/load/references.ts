// Which references in the loaded resources point at resources we do not have yet. Contained
// (`#id`) references resolve inside their resource; relative (`Type/id`) and absolute
// references on this server (`<base>/Type/id`) are fetched when missing; references to
// other servers or `urn:` ids are left to the mapper, which reports what it cannot resolve.
import type { FhirResource } from 'fhir/r4';
import { WORKFLOW_RESEARCH_STUDY } from '../extensions.ts';

/** Element paths holding references the billing engine follows, per resource type. */
const FOLLOWED: Record<string, string[]> = {
  MedicationAdministration: ['medicationReference', 'request', 'context'],
  MedicationRequest: ['medicationReference'],
  Encounter: ['location.location'],
  ResearchSubject: ['study'],
  ClaimResponse: ['request'],
};

/** Types the loader will fetch by id when referenced and missing. */
export const RESOLVABLE_TYPES = [
  'Medication',
  'MedicationRequest',
  'Encounter',
  'Location',
  'ResearchStudy',
  'Claim',
] as const;

type Json = Record<string, unknown>;

function valuesAt(resource: unknown, path: string): unknown[] {
  let values: unknown[] = [resource];
  for (const part of path.split('.')) {
    values = values.flatMap((v) => {
      const next = typeof v === 'object' && v !== null ? (v as Json)[part] : undefined;
      return Array.isArray(next) ? next : next === undefined ? [] : [next];
    });
  }
  return values;
}

function referenceStrings(resource: FhirResource): string[] {
  const refs = (FOLLOWED[resource.resourceType] ?? []).flatMap((p) => valuesAt(resource, p));
  const fromExtension = valuesAt(resource, 'extension')
    .filter((e) => (e as Json).url === WORKFLOW_RESEARCH_STUDY)
    .map((e) => (e as Json).valueReference);
  return [...refs, ...fromExtension]
    .map((r) => (typeof r === 'object' && r !== null ? (r as Json).reference : undefined))
    .filter((r): r is string => typeof r === 'string');
}

/** `Type/id` for a reference on this server; undefined for contained, urn or foreign ones. */
export function localReference(reference: string, serverUrl: string): string | undefined {
  if (reference.startsWith('#') || reference.startsWith('urn:')) return undefined;
  let path = reference;
  if (/^https?:\/\//.test(reference)) {
    const base = serverUrl.replace(/\/+$/, '');
    if (!reference.startsWith(`${base}/`)) return undefined;
    path = reference.slice(base.length + 1);
  }
  const m = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/.*)?$/.exec(path);
  return m ? `${m[1]}/${m[2]}` : undefined;
}

/** Missing references grouped by type: Map<type, ids>. */
export function missingReferences(
  resources: readonly FhirResource[],
  serverUrl: string,
): Map<string, string[]> {
  const have = new Set(resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
  const missing = new Map<string, Set<string>>();
  for (const r of resources) {
    for (const ref of referenceStrings(r)) {
      const local = localReference(ref, serverUrl);
      if (!local || have.has(local)) continue;
      const [type, id] = local.split('/') as [string, string];
      if (!(RESOLVABLE_TYPES as readonly string[]).includes(type)) continue;
      let ids = missing.get(type);
      if (!ids) missing.set(type, (ids = new Set()));
      ids.add(id);
    }
  }
  return new Map([...missing].map(([t, ids]) => [t, [...ids].sort()]));
}
