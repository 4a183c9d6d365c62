// SMART authorization: launch context in the token response, PKCE S256 required, refresh,
// standalone patient picker, and the FHIR server's 401 for missing, bad or expired tokens.
import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EhrServer } from './server.ts';
import { headlessLaunch, refresh } from './test-kit/smart-client.ts';
import {
  accessToken,
  ENC1,
  fhirGet,
  launchToken,
  PT1,
  PT2,
  REDIRECT_URI,
  startTestEhr,
} from './test-kit/ehr-server.ts';

const SCOPE =
  'launch openid fhirUser online_access patient/MedicationAdministration.rs patient/Patient.rs user/Medication.rs';

let ehr: EhrServer;
let now = new Date();
beforeAll(async () => {
  ehr = await startTestEhr({ clock: () => now });
});
afterAll(() => ehr.close());

describe('token response', () => {
  it('carries the launch context, granted scopes and fhirUser', async () => {
    const res = await launchToken(ehr, { scope: SCOPE, encounterId: ENC1, role: 'coder' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      patient: PT1,
      encounter: ENC1,
      intent: 'coder',
      need_patient_banner: false,
      token_type: 'Bearer',
      fhirContext: [{ reference: `Encounter/${ENC1}` }],
    });
    expect(String(res.body['scope']).split(' ')).toEqual(SCOPE.split(' '));
    const idToken = decodeJwt(String(res.body['id_token']));
    expect(idToken['fhirUser']).toBe(`${ehr.fhirBase}/Practitioner/coder-1`);
    const at = decodeJwt(String(res.body['access_token']));
    expect(at.aud).toBe(ehr.fhirBase);
    expect(at['patient']).toBe(PT1);
  });

  it('withholds the scopes of types the launch withholds', async () => {
    const res = await launchToken(ehr, { scope: SCOPE, withhold: ['Medication'] });
    expect(String(res.body['scope'])).not.toContain('user/Medication.rs');
    expect(String(res.body['scope'])).toContain('patient/MedicationAdministration.rs');
  });

  it('refuses a token request with the wrong PKCE verifier', async () => {
    const res = await launchToken(ehr, {
      scope: SCOPE,
      tamperVerifier: randomBytes(32).toString('base64url'),
    });
    expect(res.status).toBe(400);
    expect(res.body['error']).toBe('invalid_grant');
  });

  it.each([
    ['plain method', { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' }],
    ['no challenge', {}],
  ])('refuses an authorization request with %s', async (_name, pkce) => {
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: 'everydose',
      redirect_uri: REDIRECT_URI,
      scope: SCOPE,
      state: 'x',
      ...pkce,
    });
    const res = await fetch(`${ehr.issuer}/auth?${params.toString()}`, { redirect: 'manual' });
    const location = new URL(res.headers.get('location') ?? '', ehr.url);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refreshes with online_access and keeps the patient context', async () => {
    const first = await launchToken(ehr, { scope: SCOPE, encounterId: ENC1 });
    const rt = first.body['refresh_token'];
    expect(typeof rt).toBe('string');
    const second = await refresh(ehr.issuer, 'everydose', String(rt));
    expect(second.status).toBe(200);
    expect(second.body['patient']).toBe(PT1);
    expect(second.body['access_token']).not.toBe(first.body['access_token']);
    const res = await fhirGet(ehr, `Patient/${PT1}`, String(second.body['access_token']));
    expect(res.status).toBe(200);
  });

  it('refreshes with offline_access too', async () => {
    const first = await launchToken(ehr, {
      scope: 'launch openid offline_access patient/Patient.rs',
    });
    expect(String(first.body['scope']).split(' ')).toContain('offline_access');
    const second = await refresh(ehr.issuer, 'everydose', String(first.body['refresh_token']));
    expect(second.status).toBe(200);
  });

  it('issues no refresh token without online_access or offline_access', async () => {
    const res = await launchToken(ehr, { scope: 'launch openid patient/Patient.rs' });
    expect(res.status).toBe(200);
    expect(res.body['refresh_token']).toBeUndefined();
  });

  it('refuses an aud that is not this FHIR server', async () => {
    await expect(
      headlessLaunch({
        issuer: ehr.issuer,
        fhirBase: 'http://127.0.0.1:1/fhir',
        redirectUri: REDIRECT_URI,
        clientId: 'everydose',
        scope: SCOPE,
        launch: ehr.launches.create({
          userId: 'nurse-1',
          patientId: PT1,
          encounterId: undefined,
          intent: undefined,
          needPatientBanner: true,
          withholdTypes: [],
        }),
      }),
    ).rejects.toThrow(/access_denied/);
  });
});

it('answers an unknown sign-in step with a plain page', async () => {
  const res = await fetch(`${ehr.issuer}/interaction/unknown-uid`);
  expect(res.status).toBe(400);
  expect(await res.text()).toContain('This sign-in has expired');
});

describe('standalone launch', () => {
  it('asks for a patient on the picker page and puts it in context', async () => {
    const res = await headlessLaunch({
      issuer: ehr.issuer,
      fhirBase: ehr.fhirBase,
      redirectUri: REDIRECT_URI,
      clientId: 'everydose',
      scope: 'launch/patient openid fhirUser patient/Patient.rs',
      pick: { patient: PT2, role: 'coder' },
    });
    expect(res.status).toBe(200);
    expect(res.body['patient']).toBe(PT2);
    expect(decodeJwt(String(res.body['id_token']))['fhirUser']).toContain('Practitioner/coder-1');
  });
});

describe('401 from the FHIR server', () => {
  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
    ['a token signed by someone else', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'],
  ])('refuses %s with an OperationOutcome', async (_name, token) => {
    const res = await fhirGet(ehr, `Patient/${PT1}`, token);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await res.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
  });

  it('refuses an expired token', async () => {
    const token = await accessToken(ehr, { scope: SCOPE });
    expect((await fhirGet(ehr, `Patient/${PT1}`, token)).status).toBe(200);
    now = new Date(Date.now() + 2 * 3600 * 1000);
    try {
      expect((await fhirGet(ehr, `Patient/${PT1}`, token)).status).toBe(401);
    } finally {
      now = new Date();
    }
  });
});

// Sanity check of the S256 helper used by the headless client (RFC 7636 appendix B).
it('computes S256 challenges as RFC 7636 does', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
    'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  );
});
