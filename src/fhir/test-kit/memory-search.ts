// The searches the memory gateway answers, as a FHIR server would: reference parameters, _id,
// date prefixes, tokens (`use`/`status` on the element itself, `identifier` as system|value),
// _include and _revinclude.
import type { FhirResource } from 'fhir/r4';
import type { SearchParams } from '../gateway.ts';

type Json = Record<string, unknown>;

/** Reference search parameters → the element paths they look at. */
const REFERENCE_PARAMS: Record<string, string[]> = {
  patient: ['subject', 'patient', 'beneficiary', 'individual'],
  subject: ['subject'],
  beneficiary: ['beneficiary'],
  individual: ['individual'],
  context: ['context'],
  encounter: ['context', 'encounter'],
  practitioner: ['practitioner'],
  request: ['request'],
  study: ['study'],
  location: ['location.location'],
  target: ['target'],
};

/** Date search parameters → the element paths holding the date (start of a period). */
const DATE_PARAMS: Record<string, string[]> = {
  date: ['period.start'],
  'effective-time': ['effectivePeriod.start', 'effectiveDateTime'],
};

/** `Type:element` includes the app uses. */
export const INCLUDE_PATHS: Record<string, string> = {
  'MedicationAdministration:medication': 'medicationReference',
  'MedicationAdministration:request': 'request',
  'MedicationAdministration:context': 'context',
  'Encounter:location': 'location.location',
  'ResearchSubject:study': 'study',
  'ClaimResponse:request': 'request',
  'PractitionerRole:practitioner': 'practitioner',
  'Encounter:patient': 'subject',
  'Provenance:target': 'target',
};

function valuesAt(resource: Json, path: string): unknown[] {
  let values: unknown[] = [resource];
  for (const part of path.split('.')) {
    values = values.flatMap((v) => {
      const next = (v as Json | undefined)?.[part];
      return Array.isArray(next) ? next : next === undefined ? [] : [next];
    });
  }
  return values;
}

/** `ge2026-08-03` / `lt2026-08-04` against an instant, compared as instants (local dates as UTC midnight). */
function dateMatches(value: string, clause: string): boolean {
  const m = /^(ge|gt|le|lt|eq)?(.+)$/.exec(clause);
  if (!m?.[2]) return false;
  const at = Date.parse(value);
  const bound = Date.parse(m[2]);
  if (Number.isNaN(at) || Number.isNaN(bound)) return false;
  switch (m[1]) {
    case 'ge':
      return at >= bound;
    case 'gt':
      return at > bound;
    case 'le':
      return at <= bound;
    case 'lt':
      return at < bound;
    case 'eq':
    case undefined: // no prefix: equality, read as a prefix of the instant
    default:
      return value.startsWith(m[2]);
  }
}

function referencesAt(resource: Json, path: string): string[] {
  return valuesAt(resource, path)
    .map((v) => (v as { reference?: unknown }).reference)
    .filter((r): r is string => typeof r === 'string');
}

function refMatches(reference: string, wanted: string): boolean {
  return reference === wanted || reference.endsWith(`/${wanted}`);
}

function tokenMatches(resource: Json, name: string, wanted: string): boolean {
  const value = resource[name];
  return wanted.split(',').some((w) => value === w);
}

/** `identifier=system|value` (either side may be empty: `|value`, `system|`) or a bare `value`. */
function identifierMatches(resource: Json, wanted: string): boolean {
  const ids = valuesAt(resource, 'identifier') as { system?: unknown; value?: unknown }[];
  return wanted.split(',').some((w) => {
    const bar = w.indexOf('|');
    const system = bar < 0 ? undefined : w.slice(0, bar);
    const value = bar < 0 ? w : w.slice(bar + 1);
    return ids.some(
      (i) =>
        (system === undefined || (system === '' ? i.system === undefined : i.system === system)) &&
        (value === '' || i.value === value),
    );
  });
}

function matches(r: FhirResource, type: string, params: SearchParams): boolean {
  if (r.resourceType !== type) return false;
  const json = r as unknown as Json;
  return Object.entries(params).every(([name, value]) => {
    if (name.startsWith('_') && name !== '_id') return true;
    const wanted = typeof value === 'string' ? value : value.join(',');
    if (name === '_id') return wanted.split(',').includes(r.id ?? '');
    if (name === 'identifier') return identifierMatches(json, wanted);
    const datePaths = DATE_PARAMS[name];
    if (datePaths) {
      const clauses = typeof value === 'string' ? [value] : [...value];
      const dates = datePaths
        .flatMap((p) => valuesAt(json, p))
        .filter((v) => typeof v === 'string');
      return dates.some((d) => clauses.every((c) => dateMatches(d, c)));
    }
    const paths = REFERENCE_PARAMS[name];
    if (paths)
      return paths.some((p) =>
        referencesAt(json, p).some((ref) => wanted.split(',').some((w) => refMatches(ref, w))),
      );
    if (name === 'code') return true;
    return tokenMatches(json, name, wanted);
  });
}

export interface SearchOptions {
  /** Answer _include. */
  includes: boolean;
  /** Answer _revinclude. */
  revincludes: boolean;
  /** Types never included (the server refuses them). */
  forbidden: readonly string[];
}

/** The matches of a search, then what its _include and _revinclude add. */
export function searchAll(
  all: readonly FhirResource[],
  type: string,
  params: SearchParams,
  options: SearchOptions,
): FhirResource[] {
  const found = all.filter((r) => matches(r, type, params));
  const list = (v: string | readonly string[] | undefined) =>
    v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
  const out = new Map<string, FhirResource>(found.map((r) => [`${r.resourceType}/${r.id}`, r]));
  for (const inc of options.includes ? list(params._include) : []) {
    const path = INCLUDE_PATHS[inc];
    if (!path) continue;
    for (const m of found)
      for (const ref of referencesAt(m as unknown as Json, path)) {
        const hit = all.find((r) => refMatches(ref, `${r.resourceType}/${r.id}`));
        if (hit && !options.forbidden.includes(hit.resourceType))
          out.set(`${hit.resourceType}/${hit.id}`, hit);
      }
  }
  for (const rev of options.revincludes ? list(params._revinclude) : []) {
    const [revType, param] = rev.split(':');
    const path = INCLUDE_PATHS[rev] ?? param;
    if (!revType || !path || options.forbidden.includes(revType)) continue;
    for (const r of all.filter((x) => x.resourceType === revType))
      if (
        referencesAt(r as unknown as Json, path).some((ref) =>
          found.some((m) => refMatches(ref, `${m.resourceType}/${m.id}`)),
        )
      )
        out.set(`${r.resourceType}/${r.id}`, r);
  }
  return [...out.values()];
}
