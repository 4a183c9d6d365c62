// Discovery documents, CORS for the app's origin only, and the launcher page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EhrServer } from './server.ts';
import { APP_ORIGIN, fhirGet, startTestEhr } from './test-kit/ehr-server.ts';

let ehr: EhrServer;
beforeAll(async () => {
  ehr = await startTestEhr();
});
afterAll(() => ehr.close());

interface Capability {
  resourceType: string;
  rest: {
    security: { extension: { url: string; extension: { url: string; valueUri: string }[] }[] };
    resource: {
      type: string;
      searchInclude: string[];
      searchParam: { name: string; type: string }[];
      interaction: { code: string }[];
    }[];
  }[];
}

describe('discovery', () => {
  it('serves a CapabilityStatement with the SMART oauth-uris extension', async () => {
    const res = await fhirGet(ehr, 'metadata');
    expect(res.status).toBe(200);
    const cap = (await res.json()) as Capability;
    expect(cap.resourceType).toBe('CapabilityStatement');
    const rest = cap.rest[0];
    const uris = rest?.security.extension.find((e) => e.url.endsWith('oauth-uris'));
    expect(uris?.extension).toEqual([
      { url: 'authorize', valueUri: `${ehr.issuer}/auth` },
      { url: 'token', valueUri: `${ehr.issuer}/token` },
    ]);
    const ma = rest?.resource.find((r) => r.type === 'MedicationAdministration');
    expect(ma?.searchInclude).toContain('MedicationAdministration:medication');
    expect(ma?.searchParam).toEqual(
      expect.arrayContaining([
        { name: 'patient', type: 'reference' },
        { name: 'effective-time', type: 'date' },
        { name: 'status', type: 'token' },
      ]),
    );
    expect(ma?.interaction.map((i) => i.code)).toEqual(
      expect.arrayContaining(['read', 'search-type', 'update']),
    );
  });

  it('serves SMART 2.x smart-configuration with S256 only', async () => {
    const res = await fhirGet(ehr, '.well-known/smart-configuration');
    const conf = (await res.json()) as Record<string, unknown>;
    expect(conf['authorization_endpoint']).toBe(`${ehr.issuer}/auth`);
    expect(conf['token_endpoint']).toBe(`${ehr.issuer}/token`);
    expect(conf['code_challenge_methods_supported']).toEqual(['S256']);
    expect(conf['capabilities']).toEqual(
      expect.arrayContaining([
        'launch-ehr',
        'launch-standalone',
        'client-public',
        'context-ehr-patient',
        'context-ehr-encounter',
        'context-standalone-patient',
        'permission-v2',
        'sso-openid-connect',
      ]),
    );
  });
});

describe('CORS', () => {
  it.each([
    [APP_ORIGIN, 204, APP_ORIGIN],
    ['http://localhost:5999', 204, 'http://localhost:5999'],
    ['http://127.0.0.1:6001', 403, null],
    ['https://evil.example', 403, null],
  ])('preflight from %s → %i', async (origin, status, allowed) => {
    const res = await fetch(`${ehr.fhirBase}/Patient`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('adds no CORS header for another origin on a real request', async () => {
    const res = await fhirGet(ehr, 'metadata', undefined, { origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes ETag and Location to the app origin', async () => {
    const res = await fhirGet(ehr, 'metadata', undefined, { origin: APP_ORIGIN });
    expect(res.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
  });
});

describe('launcher', () => {
  it('lists fixture patients with labelled, keyboard-usable controls', async () => {
    const html = await (await fetch(`${ehr.url}/`)).text();
    expect(html).toContain('<label for="patient">Patient</label>');
    expect(html).toContain('value="sandbox-pt-1"');
    expect(html).toContain('<legend>Role</legend>');
  });

  it('creates a launch and frames the app at launch.html with iss and launch', async () => {
    const res = await fetch(
      `${ehr.url}/launch?patient=sandbox-pt-1&encounter=sandbox-enc-1&role=coder&embedded=1`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(303);
    const frame = await (await fetch(new URL(res.headers.get('location') ?? '', ehr.url))).text();
    expect(frame).toContain(`${APP_ORIGIN}/launch.html?iss=${encodeURIComponent(ehr.fhirBase)}`);
  });

  it("refuses an encounter that is not the patient's", async () => {
    const res = await fetch(`${ehr.url}/launch?patient=sandbox-pt-2&encounter=sandbox-enc-1`, {
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
  });
});
