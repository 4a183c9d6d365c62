import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { MedicationAdministration, Patient } from 'fhir/r4';
import {
  FHIR_BASE,
  capabilityStatement,
  searchset,
  testLaunch,
  startMswServer,
} from '../../test/msw/fhir-server.ts';
import { FhirclientGateway, parseRetryAfter, relativeFhirUser } from './fhirclient-gateway.ts';
import { FhirError, isRetryable } from './gateway.ts';

const server = startMswServer();

function gateway(options: { refresh?: () => Promise<boolean>; pageCap?: number } = {}) {
  const waits: number[] = [];
  const tokens = { current: 'token-1' };
  const gw = new FhirclientGateway({
    launch: testLaunch(),
    token: {
      accessToken: () => Promise.resolve(tokens.current),
      refresh: options.refresh ?? (() => Promise.resolve(false)),
    },
    pageCap: options.pageCap ?? 10,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  return { gw, waits, tokens };
}

const ma = (id: string): MedicationAdministration => ({
  resourceType: 'MedicationAdministration',
  id,
  status: 'completed',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Drug' },
  effectiveDateTime: '2026-11-26T10:00:00Z',
});

async function failure(p: Promise<unknown>): Promise<FhirError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FhirError) return e;
    throw e;
  }
  throw new Error('expected a FhirError');
}

describe('FhirclientGateway reads', () => {
  it('reads with the bearer token and returns the ETag', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/p1`, ({ request }) => {
        expect(request.headers.get('Authorization')).toBe('Bearer token-1');
        return HttpResponse.json({ resourceType: 'Patient', id: 'p1' } satisfies Patient, {
          headers: { ETag: 'W/"3"' },
        });
      }),
    );
    const { gw } = gateway();
    const r = await gw.read<Patient>('Patient', 'p1');
    expect(r.etag).toBe('W/"3"');
    expect(r.resource.id).toBe('p1');
  });

  it('falls back to meta.versionId when there is no ETag header', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/p1`, () =>
        HttpResponse.json({ resourceType: 'Patient', id: 'p1', meta: { versionId: '7' } }),
      ),
    );
    expect((await gateway().gw.read('Patient', 'p1')).etag).toBe('W/"7"');
  });

  it('caches the CapabilityStatement', async () => {
    let calls = 0;
    server.use(
      http.get(`${FHIR_BASE}/metadata`, () => {
        calls += 1;
        return HttpResponse.json(capabilityStatement({ Patient: {} }));
      }),
    );
    const { gw } = gateway();
    await gw.capabilities();
    await gw.capabilities();
    expect(calls).toBe(1);
  });
});

describe('FhirclientGateway search paging', () => {
  it('follows next links to the end and repeats array parameters', async () => {
    server.use(
      http.get(`${FHIR_BASE}/MedicationAdministration`, ({ request }) => {
        const url = new URL(request.url);
        const page = url.searchParams.get('page') ?? '1';
        if (page === '1') {
          expect(url.searchParams.getAll('_include')).toEqual(['A:b', 'A:c']);
          return HttpResponse.json(
            searchset([ma('a1')], { next: `${FHIR_BASE}/MedicationAdministration?page=2` }),
          );
        }
        if (page === '2')
          return HttpResponse.json(
            searchset([ma('a2')], { next: 'MedicationAdministration?page=3' }),
          );
        return HttpResponse.json(searchset([ma('a3')]));
      }),
    );
    const found = await gateway().gw.search('MedicationAdministration', {
      patient: 'p1',
      _include: ['A:b', 'A:c'],
    });
    expect(found.map((r) => r.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it.each([
    ['a next link pointing back to the first page', 'page=1'],
    ['a next link to a page with nothing new', 'page=2'],
  ])('stops on %s without duplicates', async (_name, loopTo) => {
    let requests = 0;
    server.use(
      http.get(`${FHIR_BASE}/MedicationAdministration`, ({ request }) => {
        requests += 1;
        const page = new URL(request.url).searchParams.get('page') ?? '1';
        if (page === '1')
          return HttpResponse.json(
            searchset([ma('a1')], { next: `${FHIR_BASE}/MedicationAdministration?page=2` }),
          );
        return HttpResponse.json(
          searchset(loopTo === 'page=2' ? [ma('a1')] : [ma('a2')], {
            next: `${FHIR_BASE}/MedicationAdministration?${loopTo === 'page=1' ? 'page=1' : 'page=2&x=1'}`,
          }),
        );
      }),
    );
    const found = await gateway().gw.search('MedicationAdministration', { page: '1' });
    expect(new Set(found.map((r) => r.id)).size).toBe(found.length);
    expect(requests).toBeLessThanOrEqual(3);
  });

  it('recognises a looping next link spelled differently (encoding, order), even on an empty page', async () => {
    let requests = 0;
    server.use(
      http.get(`${FHIR_BASE}/Coverage`, () => {
        requests += 1;
        return HttpResponse.json(
          searchset([], { next: `${FHIR_BASE}/Coverage?b=2&_include=Coverage%3Apayor&patient=p1` }),
        );
      }),
    );
    const found = await gateway().gw.search('Coverage', {
      patient: 'p1',
      _include: 'Coverage:payor',
      b: '2',
    });
    expect(found).toEqual([]);
    expect(requests).toBe(1);
  });

  it('gives up after the page cap with a plain message', async () => {
    server.use(
      http.get(`${FHIR_BASE}/MedicationAdministration`, ({ request }) => {
        const n = Number(new URL(request.url).searchParams.get('n') ?? '0');
        return HttpResponse.json(
          searchset([ma(`a${n}`)], { next: `${FHIR_BASE}/MedicationAdministration?n=${n + 1}` }),
        );
      }),
    );
    const e = await failure(gateway({ pageCap: 3 }).gw.search('MedicationAdministration', {}));
    expect(e.kind).toBe('invalid');
    expect(e.message).toMatch(/more than 3 pages/);
  });

  it('refuses a next link to another server (the token stays home)', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Coverage`, () =>
        HttpResponse.json(searchset([], { next: 'https://elsewhere.test/fhir/Coverage?page=2' })),
      ),
    );
    expect((await failure(gateway().gw.search('Coverage', {}))).kind).toBe('invalid');
  });
});

describe('FhirclientGateway error mapping', () => {
  it.each([
    [401, 'unauthorized', /session has ended/],
    [403, 'forbidden', /did not allow EveryDose to read Coverage records/],
    [404, 'not-found', /no Coverage records/],
    [412, 'conflict', /Someone else changed/],
    [400, 'invalid', /turned the request down/],
    [500, 'server', /problem answering \(error 500\)/],
  ] as const)('HTTP %i → %s, plain words without the URL', async (status, kind, message) => {
    server.use(
      http.get(`${FHIR_BASE}/Coverage`, () =>
        HttpResponse.json({ resourceType: 'OperationOutcome', issue: [] }, { status }),
      ),
    );
    const e = await failure(gateway().gw.search('Coverage', { patient: 'p1' }));
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(e.message).toMatch(message);
    expect(e.message).not.toMatch(/p1|ehr\.test/);
  });

  it('maps a dropped connection to network after one retry of the GET', async () => {
    let calls = 0;
    server.use(
      http.get(`${FHIR_BASE}/Coverage`, () => {
        calls += 1;
        return HttpResponse.error();
      }),
    );
    const e = await failure(gateway().gw.search('Coverage', {}));
    expect(e.kind).toBe('network');
    expect(calls).toBe(2);
    expect(isRetryable(e)).toBe(true);
  });

  it('retries a GET once after a 5xx and succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${FHIR_BASE}/Coverage`, () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json(searchset([]));
      }),
    );
    expect(await gateway().gw.search('Coverage', {})).toEqual([]);
    expect(calls).toBe(2);
  });

  it('honours Retry-After on 429, then succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(`${FHIR_BASE}/Coverage`, () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } })
          : HttpResponse.json(searchset([]));
      }),
    );
    const { gw, waits } = gateway();
    await gw.search('Coverage', {});
    expect(waits).toEqual([2000]);
  });

  it('gives up on 429 when the server asks for too long a wait, keeping Retry-After', async () => {
    server.use(
      http.get(
        `${FHIR_BASE}/Coverage`,
        () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '120' } }),
      ),
    );
    const { gw, waits } = gateway();
    const e = await failure(gw.search('Coverage', {}));
    expect(e.kind).toBe('rate-limited');
    expect(e.retryAfterSeconds).toBe(120);
    expect(waits).toEqual([]);
  });

  it('refreshes the token once after a 401 and retries', async () => {
    server.use(
      http.get(`${FHIR_BASE}/Patient/p1`, ({ request }) =>
        request.headers.get('Authorization') === 'Bearer token-2'
          ? HttpResponse.json({ resourceType: 'Patient', id: 'p1' })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const g = gateway({
      refresh: () => {
        g.tokens.current = 'token-2';
        return Promise.resolve(true);
      },
    });
    expect((await g.gw.read('Patient', 'p1')).resource.id).toBe('p1');
  });

  it('does not retry a create after a 500 (not safe)', async () => {
    let calls = 0;
    server.use(
      http.post(`${FHIR_BASE}/Provenance`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 500 });
      }),
    );
    const e = await failure(
      gateway().gw.create({
        resourceType: 'Provenance',
        recorded: '2026-11-26T10:00:00Z',
        target: [],
        agent: [],
      }),
    );
    expect(e.kind).toBe('server');
    expect(calls).toBe(1);
  });

  it.each([
    ['5', 5],
    ['Thu, 26 Nov 2026 23:00:10 GMT', 10],
    [null, undefined],
    ['soon', undefined],
  ])('parses Retry-After %s', (value, seconds) => {
    expect(parseRetryAfter(value, Date.parse('2026-11-26T23:00:00Z'))).toBe(seconds);
  });
});

describe('FhirclientGateway writes', () => {
  it('updates with If-Match and returns the new ETag', async () => {
    server.use(
      http.put(`${FHIR_BASE}/MedicationAdministration/a1`, async ({ request }) => {
        expect(request.headers.get('If-Match')).toBe('W/"1"');
        const body = (await request.json()) as MedicationAdministration;
        return HttpResponse.json(
          { ...body, meta: { versionId: '2' } },
          { headers: { ETag: 'W/"2"' } },
        );
      }),
    );
    const r = await gateway().gw.update({ ...ma('a1'), id: 'a1' }, 'W/"1"');
    expect(r.etag).toBe('W/"2"');
  });

  it('reports a stale If-Match as a conflict', async () => {
    server.use(
      http.put(
        `${FHIR_BASE}/MedicationAdministration/a1`,
        () => new HttpResponse(null, { status: 412 }),
      ),
    );
    const e = await failure(gateway().gw.update({ ...ma('a1'), id: 'a1' }, 'W/"1"'));
    expect(e.kind).toBe('conflict');
  });

  it('creates with POST and reads the server copy', async () => {
    server.use(
      http.post(`${FHIR_BASE}/MedicationAdministration`, () =>
        HttpResponse.json({ ...ma('new-1'), meta: { versionId: '1' } }, { status: 201 }),
      ),
    );
    const r = await gateway().gw.create(ma('x'));
    expect(r.resource.id).toBe('new-1');
    expect(r.etag).toBe('W/"1"');
  });
});

describe('relativeFhirUser', () => {
  it.each([
    ['http://127.0.0.1:4000/fhir/Practitioner/nurse-1', 'Practitioner/nurse-1'],
    ['https://ehr.example/r4/tenant/PractitionerRole/7', 'PractitionerRole/7'],
    ['Practitioner/coder-1', 'Practitioner/coder-1'],
    [undefined, undefined],
    ['', undefined],
  ])('%s → %s', (input, expected) => {
    expect(relativeFhirUser(input)).toBe(expected);
  });
});
