// The memory gateway over HTTP answers as a FHIR server does (ETag, Location, 201, 412, paging)
// and plays the same faults: read through the app's own FhirclientGateway.
import type { MedicationAdministration, Provenance } from 'fhir/r4';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { FhirclientGateway } from '../../src/fhir/fhirclient-gateway.ts';
import { FhirError } from '../../src/fhir/gateway.ts';
import { MemoryGateway } from '../../src/fhir/test-kit/memory-gateway.ts';
import { capabilityStatement, FHIR_BASE, startMswServer, testLaunch } from './fhir-server.ts';
import { memoryServer, type MemoryServerOptions } from './memory-server.ts';

const ma = (id: string): MedicationAdministration => ({
  resourceType: 'MedicationAdministration',
  id,
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Paclitaxel' },
  effectivePeriod: { start: '2026-11-26T09:00:00-05:00' },
});

const server = startMswServer();

function serve(options: MemoryServerOptions = {}) {
  const store = new MemoryGateway(testLaunch(), [ma('a1'), ma('a2'), ma('a3')]);
  server.use(...memoryServer(store, options));
  const gw = new FhirclientGateway({
    launch: testLaunch(),
    token: { accessToken: () => Promise.resolve('t'), refresh: () => Promise.resolve(false) },
    sleep: () => Promise.resolve(),
  });
  return { store, gw };
}

describe('memoryServer: the memory gateway over HTTP', () => {
  it('reads with an ETag, updates with If-Match, refuses a stale one with 412', async () => {
    const { store, gw } = serve();
    const { resource, etag } = await gw.read<MedicationAdministration>(
      'MedicationAdministration',
      'a1',
    );
    expect(etag).toBe('W/"1"');
    const out = await gw.update({ ...resource, id: 'a1', status: 'completed' }, 'W/"1"');
    expect(out.etag).toBe('W/"2"');
    await expect(gw.update({ ...resource, id: 'a1' }, 'W/"1"')).rejects.toMatchObject({
      kind: 'conflict',
      status: 412,
    });
    expect(store.versions('MedicationAdministration', 'a1')).toHaveLength(2);
  });

  it('creates with 201, an ETag and a Location naming the version', async () => {
    const { store } = serve();
    const response = await fetch(`${FHIR_BASE}/Provenance`, {
      method: 'POST',
      body: JSON.stringify({ resourceType: 'Provenance', recorded: '', target: [], agent: [] }),
    });
    expect(response.status).toBe(201);
    const made = (await response.json()) as Provenance;
    expect(response.headers.get('ETag')).toBe('W/"1"');
    expect(response.headers.get('Location')).toBe(`${FHIR_BASE}/Provenance/${made.id}/_history/1`);
    expect(store.stored('Provenance')).toHaveLength(1);
  });

  it('serves every version at _history/N', async () => {
    const { store } = serve();
    await store.update({ ...ma('a1'), id: 'a1', status: 'completed' }, 'W/"1"');
    const first = await fetch(`${FHIR_BASE}/MedicationAdministration/a1/_history/1`);
    expect(((await first.json()) as MedicationAdministration).status).toBe('in-progress');
    const second = await fetch(`${FHIR_BASE}/MedicationAdministration/a1/_history/2`);
    expect(((await second.json()) as MedicationAdministration).status).toBe('completed');
    expect((await fetch(`${FHIR_BASE}/MedicationAdministration/a1/_history/3`)).status).toBe(404);
  });

  it.each([1, 2, 3, 10])('pages a search %i at a time; every match is found once', async (n) => {
    const { gw } = serve({ pageSize: n });
    const found = await gw.search('MedicationAdministration', { patient: 'p1' });
    expect(found.map((r) => r.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it.each<[string, (s: MemoryGateway) => void, string]>([
    ['offline: the connection drops', (s) => (s.offline = true), 'network'],
    [
      'a failing call answers its status',
      (s) => s.failNext.push(new FhirError('forbidden', 'no', 403)),
      'forbidden',
    ],
  ])('%s', async (_n, fault, kind) => {
    const { store, gw } = serve();
    fault(store);
    await expect(gw.update({ ...ma('a1'), id: 'a1' }, 'W/"1"')).rejects.toMatchObject({ kind });
    expect(store.versions('MedicationAdministration', 'a1')).toHaveLength(1);
  });

  it('a lost answer: the write is stored, the client sees a dropped connection', async () => {
    const { store, gw } = serve();
    store.loseNextWriteAnswer = true;
    await expect(gw.update({ ...ma('a1'), id: 'a1' }, 'W/"1"')).rejects.toMatchObject({
      kind: 'network',
    });
    expect(store.versions('MedicationAdministration', 'a1')).toHaveLength(2);
  });

  it('a handler a test adds later wins (msw order); the store answers the rest', async () => {
    const { gw } = serve();
    server.use(http.get(`${FHIR_BASE}/Patient/p1`, () => new HttpResponse(null, { status: 500 })));
    await expect(gw.read('Patient', 'p1')).rejects.toMatchObject({ kind: 'server' });
    expect((await gw.read('MedicationAdministration', 'a2')).etag).toBe('W/"1"');
  });

  it('around sees every request and may answer one itself; a statement replaces the store one', async () => {
    const seen: string[] = [];
    const { gw } = serve({
      statement: capabilityStatement({ Patient: {} }),
      around: async (request, answer) => {
        seen.push(new URL(request.url).pathname);
        if (request.url.includes('/Coverage')) return new HttpResponse(null, { status: 503 });
        return answer();
      },
    });
    const statement = await gw.capabilities();
    expect(statement.rest?.[0]?.resource?.map((r) => r.type)).toEqual(['Patient']);
    await expect(gw.search('Coverage', {})).rejects.toMatchObject({ kind: 'server' });
    expect(await gw.search('MedicationAdministration', {})).toHaveLength(3);
    // A GET is tried once more after a 5xx (the adapter's own rule): Coverage is seen twice.
    expect(seen).toEqual([
      '/fhir/metadata',
      '/fhir/Coverage',
      '/fhir/Coverage',
      '/fhir/MedicationAdministration',
    ]);
  });
});
