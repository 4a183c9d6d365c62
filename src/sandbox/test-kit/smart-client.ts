// A headless SMART client for the local EHR's own tests: follows the authorization redirects
// with a tiny cookie jar, then exchanges the code (PKCE S256) at the token endpoint.
import { createHash, randomBytes } from 'node:crypto';

export interface HeadlessLaunch {
  issuer: string;
  fhirBase: string;
  redirectUri: string;
  clientId: string;
  scope: string;
  launch?: string;
  /** Standalone picker answers (no `launch`). */
  pick?: { patient: string; role: string };
  /** Override the verifier sent at the token endpoint (to test PKCE refusal). */
  tamperVerifier?: string;
}

export interface TokenResult {
  status: number;
  body: Record<string, unknown>;
}

const base64url = (b: Buffer) => b.toString('base64url');

class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Runs authorize → interaction → code → token. Returns the token endpoint's answer. */
export async function headlessLaunch(opts: HeadlessLaunch): Promise<TokenResult> {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: opts.clientId,
    redirect_uri: opts.redirectUri,
    scope: opts.scope,
    state: base64url(randomBytes(8)),
    aud: opts.fhirBase,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  if (opts.launch) params.set('launch', opts.launch);
  const jar = new CookieJar();
  let next = `${opts.issuer}/auth?${params.toString()}`;
  let code: string | undefined;
  for (let hop = 0; hop < 10 && !code; hop += 1) {
    const isPicker = opts.pick && next.includes('/interaction/') && hop > 0;
    const res = await fetch(next, {
      redirect: 'manual',
      method: isPicker ? 'POST' : 'GET',
      headers: {
        cookie: jar.header(),
        ...(isPicker ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: isPicker && opts.pick ? new URLSearchParams(opts.pick).toString() : undefined,
    });
    jar.take(res);
    const location = res.headers.get('location');
    if (!location) {
      throw new Error(
        `authorization stopped at ${res.status}: ${(await res.text()).slice(0, 200)}`,
      );
    }
    const target = new URL(location, next);
    if (target.href.startsWith(opts.redirectUri)) {
      const err = target.searchParams.get('error');
      if (err) throw new Error(`authorization refused: ${err}`);
      code = target.searchParams.get('code') ?? undefined;
    }
    next = target.href;
  }
  if (!code) throw new Error('no authorization code');
  const res = await fetch(`${opts.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: opts.redirectUri,
      client_id: opts.clientId,
      code_verifier: opts.tamperVerifier ?? verifier,
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function refresh(
  issuer: string,
  clientId: string,
  refreshToken: string,
): Promise<TokenResult> {
  const res = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
