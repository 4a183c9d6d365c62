// Verifies the local EHR's JWT access tokens (signature from the provider's key set, issuer,
// audience = FHIR base, expiry against an injectable clock) and reads the SMART claims.
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

export interface TokenClaims {
  sub: string;
  scopes: string[];
  patientId: string | undefined;
  encounterId: string | undefined;
}

export type TokenVerifier = (token: string) => Promise<TokenClaims | undefined>;

export function createTokenVerifier(opts: {
  jwks: JSONWebKeySet;
  issuer: string;
  audience: string;
  clock: () => Date;
}): TokenVerifier {
  const keys = createLocalJWKSet(opts.jwks);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: opts.issuer,
        audience: opts.audience,
        currentDate: opts.clock(),
      });
      const scope = typeof payload['scope'] === 'string' ? payload['scope'] : '';
      const patient = payload['patient'];
      const encounter = payload['encounter'];
      return {
        sub: payload.sub ?? '',
        scopes: scope.split(' ').filter(Boolean),
        patientId: typeof patient === 'string' ? patient : undefined,
        encounterId: typeof encounter === 'string' ? encounter : undefined,
      };
    } catch {
      return undefined;
    }
  };
}
