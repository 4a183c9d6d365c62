// The local EHR's scope enforcement against indirect ways to another patient's records (the
// direct ones are in src/sandbox/server-fhir.test.ts): reverse includes from a shared
// Medication, _id searches, subject= and chained forms, _history, POST _search, batches,
// writes with a read-only token, admin endpoints with a user token, missing or forged tokens.
// A patient/ token must never see sandbox-pt-2's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EhrServer } from '../../src/sandbox/server.ts';
import {
  accessToken,
  fhirGet,
  PT1,
  PT2,
  startTestEhr,
} from '../../src/sandbox/test-kit/ehr-server.ts';

const OTHER = `Patient/${PT2}`;
let ehr: EhrServer;
let nurse: string;
let readOnly: string;

beforeAll(async () => {
  ehr = await startTestEhr();
  nurse = await accessToken(ehr, {
    scope:
      'launch openid fhirUser patient/MedicationAdministration.rs patient/MedicationAdministration.cu patient/Patient.rs patient/Encounter.rs patient/Claim.rs user/Medication.rs',
  });
  readOnly = await accessToken(ehr, {
    scope: 'launch patient/MedicationAdministration.rs user/Medication.rs',
  });
}, 120_000);
afterAll(() => ehr.close());

/** Status, and the body's text when it could be read. */
async function get(path: string, token?: string): Promise<{ status: number; text: string }> {
  const res = await fhirGet(ehr, path, token);
  return { status: res.status, text: await res.text() };
}

/** Refused, or answered without a trace of the other patient in any returned resource. */
function expectNothingOfOther(r: { status: number; text: string }): void {
  if (r.status !== 200) {
    expect([401, 403, 404]).toContain(r.status);
    return;
  }
  const body = JSON.parse(r.text) as { entry?: { resource?: unknown; response?: unknown }[] };
  const returned = JSON.stringify((body.entry ?? []).map((e) => [e.resource, e.response]));
  expect(returned).not.toContain(OTHER);
  expect(returned).not.toContain('sandbox-ma-4');
  expect(returned).not.toContain('sandbox-claim-2');
}

describe("another patient's records stay out of reach of a patient/ token", () => {
  it.each([
    [
      'a reverse include from a shared Medication',
      'Medication?_revinclude=MedicationAdministration:medication',
    ],
    [
      'a reverse include by id',
      'Medication?_id=sandbox-med-pembro&_revinclude=MedicationAdministration:medication',
    ],
    ['an _id search without a patient', 'MedicationAdministration?_id=sandbox-ma-4'],
    ['subject= instead of patient=', `MedicationAdministration?subject=${OTHER}`],
    ['a typed patient parameter', `MedicationAdministration?patient:Patient=${PT2}`],
    ['a patient search by id', `Patient?_id=${PT2}`],
    ['an Encounter of the other patient', 'Encounter/sandbox-enc-2'],
    ['the other patient’s claim', 'Claim/sandbox-claim-2'],
    ['a claim search without a patient', 'Claim'],
    [
      'the history of another patient’s administration',
      'MedicationAdministration/sandbox-ma-4/_history',
    ],
    [
      'a version of another patient’s administration',
      'MedicationAdministration/sandbox-ma-4/_history/1',
    ],
    ['an include of the other patient from an encounter', 'Encounter?_include=Encounter:patient'],
  ])('%s', async (_name, path) => {
    expectNothingOfOther(await get(path, nurse));
  });

  it('POST _search with the other patient in the body', async () => {
    const res = await fetch(`${ehr.fhirBase}/MedicationAdministration/_search`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${nurse}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: `patient=${PT2}`,
    });
    expectNothingOfOther({ status: res.status, text: await res.text() });
  });

  it('a batch that reads the other patient', async () => {
    const res = await fetch(ehr.fhirBase, {
      method: 'POST',
      headers: { authorization: `Bearer ${nurse}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'batch',
        entry: [{ request: { method: 'GET', url: 'MedicationAdministration/sandbox-ma-4' } }],
      }),
    });
    expectNothingOfOther({ status: res.status, text: await res.text() });
  });

  it('the launch patient is still readable (the checks are not simply closed)', async () => {
    const r = await get(`MedicationAdministration?patient=${PT1}`, nurse);
    expect(r.status).toBe(200);
    expect(r.text).toContain('sandbox-ma-1');
  });
});

describe('tokens and writes', () => {
  it.each([
    ['no token', undefined],
    ['a forged token', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'],
    ['a random string', 'not-a-token'],
  ])('%s → 401', async (_n, token) => {
    expect((await get(`Patient/${PT1}`, token)).status).toBe(401);
  });

  it('a read-only token cannot write', async () => {
    const ma = (await (
      await fhirGet(ehr, 'MedicationAdministration/sandbox-ma-1', readOnly)
    ).json()) as Record<string, unknown>;
    const res = await fetch(`${ehr.fhirBase}/MedicationAdministration/sandbox-ma-1`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${readOnly}`, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ ...ma, status: 'stopped' }),
    });
    expect(res.status).toBe(403);
  });

  it('the admin endpoints are off unless the EHR runs in test or dev mode', async () => {
    const plain = await startTestEhr({ admin: false });
    try {
      const base = plain.fhirBase.replace(/\/fhir$/, '');
      const res = await fetch(`${base}/_admin/reset`, { method: 'POST' });
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  // A web page in the same browser cannot reset the local EHR or set faults (no CSRF).
  it('a cross-site POST to an admin endpoint is refused', async () => {
    const base = ehr.fhirBase.replace(/\/fhir$/, '');
    const res = await fetch(`${base}/_admin/faults`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{"latencyMs":1}',
    });
    await fetch(`${base}/_admin/faults`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${ehr.adminToken ?? ''}` },
    });
    expect([401, 403]).toContain(res.status);
  });
});
