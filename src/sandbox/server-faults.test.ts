// Fault injection through POST /_admin/faults, and the request counts at GET /_admin/stats.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EhrServer } from './server.ts';
import { accessToken, fhirGet, PT1, startTestEhr } from './test-kit/ehr-server.ts';

let ehr: EhrServer;
let token: string;
beforeAll(async () => {
  ehr = await startTestEhr();
  token = await accessToken(ehr, {
    scope: 'launch patient/MedicationAdministration.rs patient/Patient.rs',
  });
});
afterEach(async () => {
  await fetch(`${ehr.url}/_admin/faults`, { method: 'DELETE' });
});
afterAll(() => ehr.close());

async function setFaults(config: unknown): Promise<Response> {
  return fetch(`${ehr.url}/_admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(config),
  });
}

describe('faults', () => {
  it.each([401, 403, 500])('answers %i for the next request only', async (status) => {
    await setFaults({ status, times: 1 });
    const first = await fhirGet(ehr, `Patient/${PT1}`, token);
    expect(first.status).toBe(status);
    expect(((await first.json()) as { resourceType: string }).resourceType).toBe(
      'OperationOutcome',
    );
    expect((await fhirGet(ehr, `Patient/${PT1}`, token)).status).toBe(200);
  });

  it('answers 429 with Retry-After', async () => {
    await setFaults({ status: 429, retryAfterSeconds: 7, times: 2 });
    const res = await fhirGet(ehr, `Patient/${PT1}`, token);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('applies only to paths matching the pattern', async () => {
    await setFaults({ status: 500, path: '^/MedicationAdministration' });
    expect((await fhirGet(ehr, `Patient/${PT1}`, token)).status).toBe(200);
    expect((await fhirGet(ehr, `MedicationAdministration?patient=${PT1}`, token)).status).toBe(500);
  });

  it('drops the connection', async () => {
    await setFaults({ dropConnection: true, times: 1 });
    await expect(fhirGet(ehr, `Patient/${PT1}`, token)).rejects.toThrow();
    expect((await fhirGet(ehr, `Patient/${PT1}`, token)).status).toBe(200);
  });

  it('loops paging links back to the same page', async () => {
    await setFaults({ loopPaging: true });
    const bundle = (await (
      await fhirGet(ehr, `MedicationAdministration?patient=${PT1}&_count=1`, token)
    ).json()) as {
      link: { relation: string; url: string }[];
    };
    const self = bundle.link.find((l) => l.relation === 'self')?.url;
    expect(bundle.link.find((l) => l.relation === 'next')?.url).toBe(self);
  });

  it('refuses an invalid fault setting with 400', async () => {
    expect((await setFaults({ status: 418 })).status).toBe(400);
    expect((await setFaults({ latency: 5 })).status).toBe(400);
  });

  it('reports the setting in force', async () => {
    await setFaults({ latencyMs: 5, status: 500, times: 3 });
    const current = (await (await fetch(`${ehr.url}/_admin/faults`)).json()) as Record<
      string,
      unknown
    >;
    expect(current).toMatchObject({ latencyMs: 5, status: 500, times: 3, remaining: 3 });
  });
});

describe('stats', () => {
  it('counts FHIR requests by method and type, not the admin token’s', async () => {
    await fetch(`${ehr.url}/_admin/stats`, { method: 'DELETE' });
    await fhirGet(ehr, `Patient/${PT1}`, token);
    await fhirGet(ehr, `MedicationAdministration?patient=${PT1}`, token);
    await fhirGet(ehr, `Patient/${PT1}`, ehr.adminToken);
    const stats = (await (await fetch(`${ehr.url}/_admin/stats`)).json()) as {
      total: number;
      byType: Record<string, number>;
      byStatus: Record<string, number>;
    };
    expect(stats.total).toBe(2);
    expect(stats.byType).toEqual({ Patient: 1, MedicationAdministration: 1 });
    expect(stats.byStatus).toEqual({ '200': 2 });
  });
});
