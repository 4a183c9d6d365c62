// Test support for the local EHR's own tests: an in-process server on a free port seeded
// with the sandbox data set, and tokens obtained through the real authorization flow.
import { SANDBOX_DATA_DIR } from '../fixtures.ts';
import { startEhr, type EhrOptions, type EhrServer } from '../server.ts';
import { headlessLaunch, type TokenResult } from './smart-client.ts';

export const APP_ORIGIN = 'http://127.0.0.1:5999';
export const REDIRECT_URI = `${APP_ORIGIN}/index.html`;
export const PT1 = 'sandbox-pt-1';
export const PT2 = 'sandbox-pt-2';
export const ENC1 = 'sandbox-enc-1';

export function startTestEhr(opts: Partial<EhrOptions> = {}): Promise<EhrServer> {
  return startEhr({ appOrigin: APP_ORIGIN, admin: true, fixtureDirs: [SANDBOX_DATA_DIR], ...opts });
}

export interface TokenRequest {
  scope: string;
  patientId?: string;
  encounterId?: string;
  role?: 'nurse' | 'clinician' | 'coder';
  /** Sign in as the launch patient themself (fhirUser Patient/<id>) instead of a Practitioner. */
  patientUser?: boolean;
  withhold?: string[];
  tamperVerifier?: string;
}

/** An EHR launch through the launch registry and the real authorize/token endpoints. */
export function launchToken(ehr: EhrServer, req: TokenRequest): Promise<TokenResult> {
  const role = req.role ?? 'nurse';
  const patientId = req.patientId ?? PT1;
  const launch = ehr.launches.create({
    ...(req.patientUser
      ? { userId: patientId, userType: 'Patient' as const, intent: undefined }
      : { userId: `${role}-1`, intent: role }),
    patientId,
    encounterId: req.encounterId,
    needPatientBanner: false,
    withholdTypes: req.withhold ?? [],
  });
  return headlessLaunch({
    issuer: ehr.issuer,
    fhirBase: ehr.fhirBase,
    redirectUri: REDIRECT_URI,
    clientId: 'everydose',
    scope: req.scope,
    launch,
    ...(req.tamperVerifier ? { tamperVerifier: req.tamperVerifier } : {}),
  });
}

export async function accessToken(ehr: EhrServer, req: TokenRequest): Promise<string> {
  const res = await launchToken(ehr, req);
  const token = res.body['access_token'];
  if (res.status !== 200 || typeof token !== 'string') {
    throw new Error(`token request failed: ${res.status}`);
  }
  return token;
}

export function fhirGet(
  ehr: EhrServer,
  path: string,
  token?: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${ehr.fhirBase}/${path}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

export function adminGet(ehr: EhrServer, path: string) {
  return fhirGet(ehr, path, ehr.adminToken);
}
