// The in-memory twin of the FHIR gateway (house habit 3), for tests and demos. It keeps
// versions and ETags, enforces If-Match, answers the searches the app makes (reference
// parameters, _id, token `use`/`status`, _include, _revinclude) and can refuse a type (403)
// or drop a type from its CapabilityStatement to play a server that lacks it.
import type { CapabilityStatement, ChargeItem, FhirResource, Parameters } from 'fhir/r4';
import {
  FhirError,
  type FhirGateway,
  type LaunchContext,
  type ReadResult,
  type SearchParams,
} from '../gateway.ts';

export interface MemoryGatewayOptions {
  /** Types the server answers 403 for. */
  forbidden?: readonly string[];
  /** Types the server does not offer at all (absent from its CapabilityStatement). */
  unsupported?: readonly string[];
  /** Advertise _include / _revinclude (default true). */
  includes?: boolean;
}

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

/** `Type:element` includes the app uses. */
const INCLUDE_PATHS: Record<string, string> = {
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

function referencesAt(resource: Json, path: string): string[] {
  let values: unknown[] = [resource];
  for (const part of path.split('.')) {
    values = values.flatMap((v) => {
      const next = (v as Json | undefined)?.[part];
      return Array.isArray(next) ? next : next === undefined ? [] : [next];
    });
  }
  return values
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

export class MemoryGateway implements FhirGateway {
  readonly launch: LaunchContext;
  private readonly store = new Map<string, { resource: FhirResource; version: number }>();
  private readonly options: MemoryGatewayOptions;
  private nextId = 1;
  /** Every create/update, in order (tests assert on writes). */
  readonly writes: { method: 'create' | 'update'; resource: FhirResource }[] = [];

  constructor(
    launch: LaunchContext,
    resources: FhirResource[] = [],
    options: MemoryGatewayOptions = {},
  ) {
    this.launch = launch;
    this.options = options;
    for (const r of resources) {
      const id = r.id ?? `seed-${this.nextId++}`;
      this.store.set(`${r.resourceType}/${id}`, { resource: { ...r, id }, version: 1 });
    }
  }

  private guard(type: string): void {
    if (this.options.forbidden?.includes(type))
      throw new FhirError(
        'forbidden',
        `The EHR did not allow EveryDose to read ${type} records.`,
        403,
      );
    if (this.options.unsupported?.includes(type))
      throw new FhirError('not-found', `The EHR has no ${type} records at that address.`, 404);
  }

  private withMeta(resource: FhirResource, version: number): FhirResource {
    return { ...resource, meta: { ...resource.meta, versionId: String(version) } };
  }

  capabilities(): Promise<CapabilityStatement> {
    const types = new Set([...this.store.values()].map((e) => e.resource.resourceType));
    for (const t of [
      'MedicationAdministration',
      'Encounter',
      'Coverage',
      'CoverageEligibilityResponse',
      'Claim',
      'ClaimResponse',
      'ExplanationOfBenefit',
      'ResearchSubject',
      'ResearchStudy',
      'Medication',
      'MedicationRequest',
      'Location',
      'MedicationKnowledge',
      'Patient',
      'PractitionerRole',
      'Practitioner',
    ])
      types.add(t as FhirResource['resourceType']);
    const includes = this.options.includes !== false;
    return Promise.resolve({
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: '2026-11-26',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
      rest: [
        {
          mode: 'server',
          resource: [...types]
            .filter((t) => !this.options.unsupported?.includes(t))
            .map((type) => ({
              type,
              searchInclude: includes
                ? Object.keys(INCLUDE_PATHS).filter((k) => k.startsWith(`${type}:`))
                : [],
              searchRevInclude:
                includes && type === 'Claim' ? ['ClaimResponse:request', 'Provenance:target'] : [],
            })),
        },
      ],
    });
  }

  read<T extends FhirResource>(type: T['resourceType'], id: string): Promise<ReadResult<T>> {
    try {
      this.guard(type);
    } catch (e) {
      return Promise.reject(e);
    }
    const entry = this.store.get(`${type}/${id}`);
    if (!entry)
      return Promise.reject(
        new FhirError('not-found', `The EHR has no ${type} records at that address.`, 404),
      );
    return Promise.resolve({
      resource: this.withMeta(entry.resource, entry.version) as T,
      etag: `W/"${entry.version}"`,
    });
  }

  search(type: string, params: SearchParams): Promise<FhirResource[]> {
    try {
      this.guard(type);
    } catch (e) {
      return Promise.reject(e);
    }
    const all = [...this.store.values()].map((e) => this.withMeta(e.resource, e.version));
    const matches = all.filter((r) => {
      if (r.resourceType !== type) return false;
      const json = r as unknown as Json;
      return Object.entries(params).every(([name, value]) => {
        if (name.startsWith('_') && name !== '_id') return true;
        const wanted = typeof value === 'string' ? value : value.join(',');
        if (name === '_id') return wanted.split(',').includes(r.id ?? '');
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
    });
    const list = (v: string | readonly string[] | undefined) =>
      v === undefined ? [] : typeof v === 'string' ? [v] : [...v];
    const out = new Map<string, FhirResource>(matches.map((r) => [`${r.resourceType}/${r.id}`, r]));
    if (this.options.includes !== false) {
      for (const inc of list(params._include)) {
        const path = INCLUDE_PATHS[inc];
        if (!path) continue;
        for (const m of matches)
          for (const ref of referencesAt(m as unknown as Json, path)) {
            const hit = all.find((r) => refMatches(ref, `${r.resourceType}/${r.id}`));
            if (hit && !this.options.forbidden?.includes(hit.resourceType))
              out.set(`${hit.resourceType}/${hit.id}`, hit);
          }
      }
      for (const rev of list(params._revinclude)) {
        const [revType, param] = rev.split(':');
        const path = INCLUDE_PATHS[rev] ?? param;
        if (!revType || !path || this.options.forbidden?.includes(revType)) continue;
        for (const r of all.filter((x) => x.resourceType === revType))
          if (
            referencesAt(r as unknown as Json, path).some((ref) =>
              matches.some((m) => refMatches(ref, `${m.resourceType}/${m.id}`)),
            )
          )
            out.set(`${r.resourceType}/${r.id}`, r);
      }
    }
    return Promise.resolve([...out.values()]);
  }

  create<T extends FhirResource>(resource: T): Promise<ReadResult<T>> {
    const id = `new-${this.nextId++}`;
    const stored = { ...resource, id };
    this.store.set(`${resource.resourceType}/${id}`, { resource: stored, version: 1 });
    this.writes.push({ method: 'create', resource: stored });
    return Promise.resolve({ resource: this.withMeta(stored, 1) as T, etag: 'W/"1"' });
  }

  update<T extends FhirResource>(
    resource: T & { id: string },
    ifMatch: string,
  ): Promise<ReadResult<T>> {
    const key = `${resource.resourceType}/${resource.id}`;
    const entry = this.store.get(key);
    const current = entry ? `W/"${entry.version}"` : undefined;
    if (current !== undefined && ifMatch !== current)
      return Promise.reject(
        new FhirError(
          'conflict',
          'Someone else changed this record after you opened it. Reload it and try again.',
          412,
        ),
      );
    const version = (entry?.version ?? 0) + 1;
    this.store.set(key, { resource, version });
    this.writes.push({ method: 'update', resource });
    return Promise.resolve({
      resource: this.withMeta(resource, version) as T,
      etag: `W/"${version}"`,
    });
  }

  /** `ChargeItem/$modify` as the local EHR runs it: a new charge replacing the old, which is aborted. */
  async operation<T extends FhirResource>(
    type: T['resourceType'],
    name: string,
    parameters: Parameters,
  ): Promise<ReadResult<T>> {
    this.guard(type);
    const found = parameters.parameter?.find((p) => p.name === 'chargeItem')?.resource;
    const asked = found?.resourceType === 'ChargeItem' ? (found as ChargeItem) : undefined;
    if (type !== 'ChargeItem' || name !== 'modify' || !asked)
      throw new FhirError('invalid', `The EHR turned the request down (error 400).`, 400);
    const old = this.store.get(`ChargeItem/${asked.id ?? ''}`);
    if (!old || old.resource.resourceType !== 'ChargeItem')
      throw new FhirError('not-found', 'The EHR has no ChargeItem records at that address.', 404);
    const { id: _id, ...fresh } = asked;
    const made = await this.create(fresh);
    const aborted = { ...old.resource, status: 'aborted' as const };
    this.store.set(`ChargeItem/${asked.id ?? ''}`, { resource: aborted, version: old.version + 1 });
    this.writes.push({ method: 'update', resource: aborted });
    return made as unknown as ReadResult<T>;
  }
}
