// Test-only: a memory gateway that can be offline, fail the next calls, or lose the answer of
// a write that did land (a dropped connection after the server saved it).
import type { CapabilityStatement, FhirResource } from 'fhir/r4';
import {
  FhirError,
  type FhirGateway,
  type LaunchContext,
  type ReadResult,
  type SearchParams,
} from '../gateway.ts';
import { MemoryGateway } from './memory-gateway.ts';

export const TEST_LAUNCH: LaunchContext = {
  serverUrl: 'https://ehr.test/fhir',
  patientId: 'p1',
  encounterId: 'e1',
  fhirUser: 'Practitioner/nurse-1',
  needPatientBanner: false,
  intent: 'nurse',
  grantedScopes: [],
};

type Written = MemoryGateway['writes'][number];

/** The writes of the records themselves (each nurse write also writes its Provenance). */
export function recordWrites(gateway: { writes: readonly Written[] }): Written[] {
  return gateway.writes.filter((w) => w.resource.resourceType === 'MedicationAdministration');
}

/** The Provenances written (one per nurse write, naming her). */
export function provenanceWrites(gateway: { writes: readonly Written[] }): Written[] {
  return gateway.writes.filter((w) => w.resource.resourceType === 'Provenance');
}

export class FlakyGateway implements FhirGateway {
  readonly inner: MemoryGateway;
  offline = false;
  failNext: FhirError[] = [];
  loseNextWriteAnswer = false;
  readonly calls: string[] = [];

  constructor(resources: FhirResource[], launch: LaunchContext = TEST_LAUNCH) {
    this.inner = new MemoryGateway(launch, resources);
  }

  get launch(): LaunchContext {
    return this.inner.launch;
  }

  private gate(call: string): void {
    this.calls.push(call);
    if (this.offline) throw new FhirError('network', 'No connection.');
    const err = this.failNext.shift();
    if (err) throw err;
  }

  capabilities(): Promise<CapabilityStatement> {
    return this.inner.capabilities();
  }

  async read<T extends FhirResource>(type: T['resourceType'], id: string): Promise<ReadResult<T>> {
    this.gate(`read ${type}/${id}`);
    return this.inner.read<T>(type, id);
  }

  async search(type: string, params: SearchParams): Promise<FhirResource[]> {
    this.gate(`search ${type}`);
    const { identifier, ...rest } = params;
    const found = await this.inner.search(type, rest);
    if (typeof identifier !== 'string') return found;
    const [system, value] = identifier.split('|');
    return found.filter((r) => {
      const ids: unknown = 'identifier' in r ? r.identifier : undefined;
      const list = (Array.isArray(ids) ? ids : [ids]) as { system?: string; value?: string }[];
      return list.some((i) => i?.system === system && i.value === value);
    });
  }

  async create<T extends FhirResource>(resource: T): Promise<ReadResult<T>> {
    this.gate(`create ${resource.resourceType}`);
    const out = await this.inner.create(resource);
    if (this.loseNextWriteAnswer) {
      this.loseNextWriteAnswer = false;
      throw new FhirError('network', 'Connection dropped.');
    }
    return out;
  }

  async update<T extends FhirResource>(
    resource: T & { id: string },
    ifMatch: string,
  ): Promise<ReadResult<T>> {
    this.gate(`update ${resource.resourceType}/${resource.id}`);
    const out = await this.inner.update(resource, ifMatch);
    if (this.loseNextWriteAnswer) {
      this.loseNextWriteAnswer = false;
      throw new FhirError('network', 'Connection dropped.');
    }
    return out;
  }
}
