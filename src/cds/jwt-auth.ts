// JWT bearer authentication of the CDS Client (CDS Hooks 2.0 "Trusting CDS Clients"): the EHR
// signs a short-lived JWT (ES384 or RS384) with iss, sub, aud = the URL called, exp, iat, jti;
// the service checks it against the key set of a client it was told to trust. CDS_OPEN=1 turns
// this off for local testing.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from 'jose';

export interface TrustedClient {
  /** The JWT `iss` of the EHR. */
  iss: string;
  jwks?: JSONWebKeySet;
  jwksUri?: string;
}

export type JwtCheck = { ok: true; iss: string } | { ok: false; reason: string };

export type CdsJwtVerifier = (
  authorization: string | undefined,
  audience: string,
) => Promise<JwtCheck>;

const ALGORITHMS = ['ES384', 'RS384'];
const MAX_AGE_SECONDS = 300;

export function createCdsJwtVerifier(
  clients: readonly TrustedClient[],
  clock: () => Date = () => new Date(),
): CdsJwtVerifier {
  const keys = new Map<string, JWTVerifyGetKey>();
  for (const c of clients) {
    if (c.jwks) keys.set(c.iss, createLocalJWKSet(c.jwks));
    else if (c.jwksUri) keys.set(c.iss, createRemoteJWKSet(new URL(c.jwksUri)));
  }
  const seen = new Map<string, number>(); // jti → expiry (ms): a token is used once
  return async (authorization, audience) => {
    const m = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization ?? '');
    if (!m?.[1]) return { ok: false, reason: 'a Bearer JWT is required' };
    let iss: string | undefined;
    try {
      iss = decodeJwt(m[1]).iss;
    } catch {
      return { ok: false, reason: 'the token is not a JWT' };
    }
    const key = iss ? keys.get(iss) : undefined;
    if (!iss || !key)
      return { ok: false, reason: 'the token’s issuer is not a trusted CDS client' };
    try {
      const now = clock();
      const { payload } = await jwtVerify(m[1], key, {
        issuer: iss,
        audience,
        algorithms: ALGORITHMS,
        currentDate: now,
        maxTokenAge: MAX_AGE_SECONDS,
        requiredClaims: ['iss', 'aud', 'exp', 'iat', 'jti'],
      });
      const jti = String(payload.jti);
      for (const [k, exp] of seen) if (exp < now.getTime()) seen.delete(k);
      if (seen.has(`${iss} ${jti}`)) return { ok: false, reason: 'the token was already used' };
      seen.set(`${iss} ${jti}`, (payload.exp ?? 0) * 1000);
      return { ok: true, iss };
    } catch {
      return { ok: false, reason: 'the token could not be verified' };
    }
  };
}

/** CDS_CLIENTS: `[{"iss": "...", "jwks_uri": "..."}]` → trusted clients. */
export function trustedClientsFrom(text: string | undefined): TrustedClient[] {
  if (!text) return [];
  const list: unknown = JSON.parse(text);
  if (!Array.isArray(list)) throw new Error('CDS_CLIENTS must be a JSON list');
  return list.map((c: unknown) => {
    const o = c as { iss?: unknown; jwks_uri?: unknown };
    if (typeof o.iss !== 'string' || typeof o.jwks_uri !== 'string')
      throw new Error('each CDS_CLIENTS entry needs "iss" and "jwks_uri"');
    return { iss: o.iss, jwksUri: o.jwks_uri };
  });
}
