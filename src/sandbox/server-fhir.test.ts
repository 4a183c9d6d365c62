// FHIR behaviour of the local EHR: paging links, ETag / If-Match, OperationOutcome errors,
// SMART scope enforcement and the patient compartment, admin reset, open mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EhrServer } from './server.ts';
import { accessToken, adminGet, fhirGet, PT1, PT2, startTestEhr } from './test-kit/ehr-server.ts';

interface Bundle {
  resourceType: 'Bundle';
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: {
    fullUrl?: string;
    resource: { resourceType: string; id: string; subject?: { reference: string } };
  }[];
}

let ehr: EhrServer;
let nurse: string;
beforeAll(async () => {
  ehr = await startTestEhr();
  nurse = await accessToken(ehr, {
    scope:
      'launch openid fhirUser patient/MedicationAdministration.rs patient/MedicationAdministration.cu patient/Patient.rs patient/Provenance.c user/Medication.rs',
  });
});
afterAll(() => ehr.close());

const link = (b: Bundle, rel: string) => b.link?.find((l) => l.relation === rel)?.url;

function put(path: string, body: unknown, token: string, headers: Record<string, string> = {}) {
  return fetch(`${ehr.fhirBase}/${path}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/fhir+json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe('paging', () => {
  it('adds self and next links, then previous on the last page', async () => {
    const first = (await (
      await adminGet(ehr, 'MedicationAdministration?_count=3')
    ).json()) as Bundle;
    expect(first.entry).toHaveLength(3);
    expect(link(first, 'self')).toBe(`${ehr.fhirBase}/MedicationAdministration?_count=3`);
    expect(first.entry?.[0]?.fullUrl).toMatch(
      new RegExp(`^${ehr.fhirBase}/MedicationAdministration/`),
    );
    const next = link(first, 'next');
    expect(next).toContain('_offset=3');
    const second = (await (
      await fetch(next ?? '', { headers: { authorization: `Bearer ${ehr.adminToken ?? ''}` } })
    ).json()) as Bundle;
    expect(second.entry).toHaveLength(1);
    expect(link(second, 'next')).toBeUndefined();
    expect(link(second, 'previous')).toContain('_offset=0');
  });

  it('pages a POST _search with GET links', async () => {
    const res = await fetch(`${ehr.fhirBase}/MedicationAdministration/_search`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${nurse}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `patient=${PT1}&_count=2`,
    });
    const bundle = (await res.json()) as Bundle;
    expect(bundle.entry).toHaveLength(2);
    expect(link(bundle, 'next')).toBe(
      `${ehr.fhirBase}/MedicationAdministration?patient=${PT1}&_count=2&_offset=2`,
    );
  });
});

describe('versions', () => {
  it('sends a weak ETag on reads and refuses a stale If-Match with 412', async () => {
    const read = await fhirGet(ehr, 'MedicationAdministration/sandbox-ma-1', nurse);
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/".+"$/);
    const ma = (await read.json()) as Record<string, unknown>;
    const stale = await put('MedicationAdministration/sandbox-ma-1', ma, nurse, {
      'if-match': 'W/"stale"',
    });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { resourceType: string }).resourceType).toBe(
      'OperationOutcome',
    );
    const ok = await put('MedicationAdministration/sandbox-ma-1', ma, nurse, { 'if-match': etag });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).not.toBe(etag);
  });

  it('answers 404 with an OperationOutcome for an unknown id', async () => {
    const res = await adminGet(ehr, 'Patient/nobody');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });
});

describe('scopes and the patient compartment', () => {
  it.each([
    ['a type not granted', 'Claim?patient=sandbox-pt-1', 403],
    ['a user/ type not granted', 'Organization', 403],
    ["another patient's administration", 'MedicationAdministration/sandbox-ma-4', 403],
    ["a search of another patient's records", `MedicationAdministration?patient=${PT2}`, 403],
    ['another patient', `Patient/${PT2}`, 403],
    ['the launch patient', `Patient/${PT1}`, 200],
    ["the launch patient's administrations", `MedicationAdministration?patient=${PT1}`, 200],
    ['a shared type under user/ scope', 'Medication/sandbox-med-pembro', 200],
  ])('%s → %i', async (_name, path, status) => {
    const res = await fhirGet(ehr, path, nurse);
    expect(res.status).toBe(status);
  });

  it("filters a search without a patient to the launch patient's compartment", async () => {
    const bundle = (await (await fhirGet(ehr, 'MedicationAdministration', nurse)).json()) as Bundle;
    const subjects = new Set(bundle.entry?.map((e) => e.resource.subject?.reference));
    expect([...subjects]).toEqual([`Patient/${PT1}`]);
  });

  it('drops included resources the token may not read', async () => {
    const narrow = await accessToken(ehr, { scope: 'launch patient/MedicationAdministration.rs' });
    const path = `MedicationAdministration?patient=${PT1}&_include=MedicationAdministration:medication`;
    const withMed = (await (await fhirGet(ehr, path, nurse)).json()) as Bundle;
    const without = (await (await fhirGet(ehr, path, narrow)).json()) as Bundle;
    const types = (b: Bundle) => new Set(b.entry?.map((e) => e.resource.resourceType));
    expect(types(withMed).has('Medication')).toBe(true);
    expect(types(without).has('Medication')).toBe(false);
  });

  it("refuses writing an administration into another patient's chart", async () => {
    const ma = (await (
      await adminGet(ehr, 'MedicationAdministration/sandbox-ma-2')
    ).json()) as Record<string, unknown>;
    const moved = { ...ma, subject: { reference: `Patient/${PT2}` } };
    expect((await put('MedicationAdministration/sandbox-ma-2', moved, nurse)).status).toBe(403);
    const other = (await (
      await adminGet(ehr, 'MedicationAdministration/sandbox-ma-4')
    ).json()) as Record<string, unknown>;
    expect((await put('MedicationAdministration/sandbox-ma-4', other, nurse)).status).toBe(403);
  });

  it('creates a Provenance that targets the launch patient’s administration', async () => {
    const body = (target: string) =>
      JSON.stringify({
        resourceType: 'Provenance',
        target: [{ reference: target }],
        recorded: '2026-10-01T12:00:00Z',
        agent: [{ who: { reference: 'Practitioner/nurse-1' } }],
      });
    const post = (target: string) =>
      fetch(`${ehr.fhirBase}/Provenance`, {
        method: 'POST',
        headers: { authorization: `Bearer ${nurse}`, 'content-type': 'application/fhir+json' },
        body: body(target),
      });
    const own = await post('MedicationAdministration/sandbox-ma-1');
    expect(own.status).toBe(201);
    expect(own.headers.get('location')).toMatch(/\/fhir\/Provenance\/.+\/_history\//);
    expect((await post('MedicationAdministration/sandbox-ma-4')).status).toBe(403);
  });
});

describe('admin reset', () => {
  it('reseeds the fixtures', async () => {
    await fetch(`${ehr.fhirBase}/Patient/${PT2}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ehr.adminToken ?? ''}` },
    });
    expect((await adminGet(ehr, `Patient/${PT2}`)).status).not.toBe(200);
    const reset = await fetch(`${ehr.url}/_admin/reset`, { method: 'POST' });
    expect(((await reset.json()) as { seeded: { failed: number } }).seeded.failed).toBe(0);
    expect((await adminGet(ehr, `Patient/${PT2}`)).status).toBe(200);
  });
});

describe('open mode', () => {
  it('serves FHIR without a token and says so in the CapabilityStatement', async () => {
    const open = await startTestEhr({ openFhir: true, admin: false });
    try {
      expect((await fhirGet(open, `Patient/${PT2}`)).status).toBe(200);
      const cap = await (await fhirGet(open, 'metadata')).text();
      expect(cap).toContain('Open mode');
      expect((await fetch(`${open.url}/_admin/stats`)).status).toBe(404);
    } finally {
      await open.close();
    }
  });
});
