// The one in-memory FHIR server of the tests (house habit 3; issue 18 part 3). It keeps every
// version of every resource with its ETag, enforces If-Match, answers the searches the app makes
// (memory-search.ts), can refuse a type (403) or drop a type from its CapabilityStatement, and
// plays the faults of a real connection: offline, failing calls, a write whose answer is lost.
// Every call is logged. test/msw/memory-server.ts serves the same store over HTTP.
import type { CapabilityStatement, ChargeItem, FhirResource, Parameters } from 'fhir/r4';
import {
  FhirError,
  type FhirGateway,
  type LaunchContext,
  type ReadResult,
  type SearchParams,
} from '../gateway.ts';
import { INCLUDE_PATHS, searchAll } from './memory-search.ts';

export interface MemoryGatewayOptions {
  /** Types the server answers 403 for. */
  forbidden?: readonly string[];
  /** Types the server does not offer at all (absent from its CapabilityStatement). */
  unsupported?: readonly string[];
  /** Advertise and answer _include / _revinclude (default true). */
  includes?: boolean;
  /** Advertise and answer _revinclude (default: as `includes`); false plays a server that
   * ignores it. */
  revincludes?: boolean;
}

/** A launch for tests of the nurse's writes: patient p1, encounter e1, nurse-1. */
export const TEST_LAUNCH: LaunchContext = {
  serverUrl: 'https://ehr.test/fhir',
  patientId: 'p1',
  encounterId: 'e1',
  fhirUser: 'Practitioner/nurse-1',
  needPatientBanner: false,
  intent: 'nurse',
  grantedScopes: [],
};

/** What a planned fault does: an error before the server acts (nothing stored), or the write
 * lands and its answer is lost (the connection drops after the server saved it). */
export type PlannedFault = FhirError | 'lose-answer';

/** A fresh top-level copy, as each answer of a server is (a caller's change never reaches the store). */
const copy = (r: FhirResource): FhirResource => ({ ...r, meta: { ...r.meta } }) as FhirResource;

const dropped = () => new FhirError('network', 'Connection dropped.');

const OFFERED = [
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
] as const;

export class MemoryGateway implements FhirGateway {
  readonly launch: LaunchContext;
  /** Every version of each resource, oldest first, each with its meta.versionId. */
  private readonly store = new Map<string, FhirResource[]>();
  private readonly options: MemoryGatewayOptions;
  private nextId = 1;
  /** Every create/update that the server stored, in order (tests assert on writes). */
  readonly writes: { method: 'create' | 'update'; resource: FhirResource }[] = [];
  /** Every call made (`read Type/id`, `search Type`, `create Type`, `update Type/id`,
   * `operation Type/$name`), faulted ones too, in order. */
  readonly calls: string[] = [];
  /** No connection: every call fails with a network error (nothing reaches the store). */
  offline = false;
  /** The next calls fail with these errors, one each, before the server acts. */
  failNext: FhirError[] = [];
  /** The next write lands, then its answer is lost. */
  loseNextWriteAnswer = false;
  private readonly planned: { call: string; fault: PlannedFault }[] = [];

  constructor(
    launch: LaunchContext,
    resources: FhirResource[] = [],
    options: MemoryGatewayOptions = {},
  ) {
    this.launch = launch;
    this.options = options;
    for (const r of resources) {
      const id = r.id ?? `seed-${this.nextId++}`;
      this.store.set(`${r.resourceType}/${id}`, [this.withMeta({ ...r, id }, 1)]);
    }
  }

  /** Plan a fault for the next call whose log line starts with `call` (e.g. 'create
   * Provenance'); several plans for one call are used in order. */
  failOn(call: string, fault: PlannedFault): void {
    this.planned.push({ call, fault });
  }

  /** Every stored version of a resource, oldest first (empty when there is none). */
  versions(type: string, id: string): FhirResource[] {
    return [...(this.store.get(`${type}/${id}`) ?? [])];
  }

  /** The current version of every stored resource of a type. */
  stored(type: string): FhirResource[] {
    return this.current().filter((r) => r.resourceType === type);
  }

  /** Logs the call, then plays its fault: offline, a failNext error, or a planned fault (an
   * error is thrown; 'lose-answer' is returned for the write to play after storing). */
  private gate(call: string): 'lose-answer' | undefined {
    this.calls.push(call);
    if (this.offline) throw new FhirError('network', 'No connection.');
    const err = this.failNext.shift();
    if (err) throw err;
    const at = this.planned.findIndex((p) => call.startsWith(p.call));
    const plan = at < 0 ? undefined : this.planned.splice(at, 1)[0];
    if (plan === undefined) return undefined;
    if (plan.fault === 'lose-answer') return 'lose-answer';
    throw plan.fault;
  }

  /** After a stored write: its answer is lost if planned so. */
  private answer<T>(out: T, planned: 'lose-answer' | undefined): T {
    if (planned === 'lose-answer' || this.loseNextWriteAnswer) {
      this.loseNextWriteAnswer = false;
      throw dropped();
    }
    return out;
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

  private current(): FhirResource[] {
    return [...this.store.values()].flatMap((v) => v.slice(-1));
  }

  /** Stores a new version (the first when the resource is new) and returns it. */
  private put(resource: FhirResource & { id: string }): FhirResource {
    const key = `${resource.resourceType}/${resource.id}`;
    const history = this.store.get(key) ?? [];
    const stored = this.withMeta(resource, history.length + 1);
    this.store.set(key, [...history, stored]);
    return stored;
  }

  capabilities(): Promise<CapabilityStatement> {
    const types = new Set<string>([...this.current().map((r) => r.resourceType), ...OFFERED]);
    const includes = this.options.includes !== false;
    const revincludes = this.options.revincludes ?? includes;
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
              type: type as FhirResource['resourceType'],
              searchInclude: includes
                ? Object.keys(INCLUDE_PATHS).filter((k) => k.startsWith(`${type}:`))
                : [],
              searchRevInclude:
                revincludes && type === 'Claim'
                  ? ['ClaimResponse:request', 'Provenance:target']
                  : [],
            })),
        },
      ],
    });
  }

  async read<T extends FhirResource>(type: T['resourceType'], id: string): Promise<ReadResult<T>> {
    this.gate(`read ${type}/${id}`);
    this.guard(type);
    const found = this.store.get(`${type}/${id}`)?.at(-1);
    if (!found)
      throw new FhirError('not-found', `The EHR has no ${type} records at that address.`, 404);
    return Promise.resolve({
      resource: copy(found) as T,
      etag: `W/"${found.meta?.versionId ?? ''}"`,
    });
  }

  async search(type: string, params: SearchParams): Promise<FhirResource[]> {
    this.gate(`search ${type}`);
    this.guard(type);
    return Promise.resolve(
      searchAll(this.current(), type, params, {
        includes: this.options.includes !== false,
        revincludes: this.options.revincludes ?? this.options.includes !== false,
        forbidden: this.options.forbidden ?? [],
      }).map(copy),
    );
  }

  async create<T extends FhirResource>(resource: T): Promise<ReadResult<T>> {
    const planned = this.gate(`create ${resource.resourceType}`);
    const made = { ...resource, id: `new-${this.nextId++}` };
    const stored = this.put(made);
    this.writes.push({ method: 'create', resource: made });
    return Promise.resolve(this.answer({ resource: copy(stored) as T, etag: 'W/"1"' }, planned));
  }

  async update<T extends FhirResource>(
    resource: T & { id: string },
    ifMatch: string,
  ): Promise<ReadResult<T>> {
    const planned = this.gate(`update ${resource.resourceType}/${resource.id}`);
    const now = this.store.get(`${resource.resourceType}/${resource.id}`)?.at(-1);
    if (now !== undefined && ifMatch !== `W/"${now.meta?.versionId ?? ''}"`)
      throw new FhirError(
        'conflict',
        'Someone else changed this record after you opened it. Reload it and try again.',
        412,
      );
    const stored = this.put(resource);
    this.writes.push({ method: 'update', resource });
    const etag = `W/"${stored.meta?.versionId ?? ''}"`;
    return Promise.resolve(this.answer({ resource: copy(stored) as T, etag }, planned));
  }

  /** `ChargeItem/$modify` as the local EHR runs it: a new charge replacing the old, which is aborted. */
  async operation<T extends FhirResource>(
    type: T['resourceType'],
    name: string,
    parameters: Parameters,
  ): Promise<ReadResult<T>> {
    const planned = this.gate(`operation ${type}/$${name}`);
    this.guard(type);
    const found = parameters.parameter?.find((p) => p.name === 'chargeItem')?.resource;
    const asked = found?.resourceType === 'ChargeItem' ? (found as ChargeItem) : undefined;
    if (type !== 'ChargeItem' || name !== 'modify' || !asked)
      throw new FhirError('invalid', `The EHR turned the request down (error 400).`, 400);
    const old = this.store.get(`ChargeItem/${asked.id ?? ''}`)?.at(-1);
    if (old?.resourceType !== 'ChargeItem')
      throw new FhirError('not-found', 'The EHR has no ChargeItem records at that address.', 404);
    const { id: _id, ...fresh } = asked;
    const made = { ...fresh, id: `new-${this.nextId++}` };
    const stored = this.put(made);
    this.writes.push({ method: 'create', resource: made });
    const aborted = { ...old, id: old.id ?? '', status: 'aborted' as const };
    this.put(aborted);
    this.writes.push({ method: 'update', resource: aborted });
    return this.answer({ resource: copy(stored) as T, etag: 'W/"1"' }, planned);
  }
}

type Written = MemoryGateway['writes'][number];

/** The writes of the records themselves (each nurse write also writes its Provenance). */
export function recordWrites(gateway: { writes: readonly Written[] }): Written[] {
  return gateway.writes.filter((w) => w.resource.resourceType === 'MedicationAdministration');
}

/** The Provenances written (one per nurse write, naming her). */
export function provenanceWrites(gateway: { writes: readonly Written[] }): Written[] {
  return gateway.writes.filter((w) => w.resource.resourceType === 'Provenance');
}
