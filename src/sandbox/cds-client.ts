// The local EHR as a CDS Hooks client: its own ES384 key (public set at /cds-client/jwks.json),
// a signed JWT per call (iss, sub, aud = the URL called, exp in 5 minutes, iat, jti), and the
// prefetch it performs from its own store, as an EHR would (CDS Hooks 2.0).
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JSONWebKeySet } from 'jose';
import type { FhirResource } from 'fhir/r4';
import type { FhirStore } from './fhir-store.ts';

export interface CdsClient {
  iss: string;
  jwks: JSONWebKeySet;
  /** A JWT for one call to `audience`. */
  sign(audience: string): Promise<string>;
}

export async function createCdsClient(iss: string): Promise<CdsClient> {
  const { publicKey, privateKey } = await generateKeyPair('ES384');
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES384', use: 'sig' };
  return {
    iss,
    jwks: { keys: [jwk] },
    sign: (audience) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES384', kid, typ: 'JWT', jku: `${iss}/jwks.json` })
        .setIssuer(iss)
        .setSubject('local-ehr')
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .setJti(randomUUID())
        .sign(privateKey),
  };
}

/** The prefetch templates filled and run against the store (missing or failed → left out). */
export async function prefetchFromStore(
  store: FhirStore,
  templates: Record<string, string>,
  context: Record<string, string>,
): Promise<Record<string, FhirResource>> {
  const out: Record<string, FhirResource> = {};
  for (const [key, template] of Object.entries(templates)) {
    let missing = false;
    const query = template.replace(/\{\{context\.([A-Za-z]+)\}\}/g, (_m, name: string) => {
      if (!context[name]) missing = true;
      return encodeURIComponent(context[name] ?? '');
    });
    if (missing) continue; // nothing in the hook's context to fill it with
    const res = await store.handle({ method: 'GET', url: `/${query}` });
    if (res.status === 200) out[key] = res.body as FhirResource;
  }
  return out;
}
