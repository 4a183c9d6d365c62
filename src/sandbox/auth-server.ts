// SMART authorization server for the local EHR, on oidc-provider: authorization code with
// PKCE S256 (required; plain refused), refresh with online_access/offline_access, launch
// context in the token response, JWT access tokens whose `aud` is the FHIR base.
import { exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { KoaContextLike, Provider, TokenLike } from 'oidc-provider';
import { accountIdOf, fhirUserPathOf, type LaunchContext } from './launch-registry.ts';
import { SandboxAdapter } from './oidc-memory-adapter.ts';
import { isResourceScope } from './smart-scopes.ts';

/** oidc-provider warns that Node 20 is unsupported when it loads; it works, so stay quiet. */
async function loadOidcProvider(): Promise<typeof import('oidc-provider')> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (String(args[0]).includes('Unsupported runtime')) return;
    warn(...args);
  };
  try {
    return await import('oidc-provider');
  } finally {
    console.warn = warn;
  }
}

export const CLIENT_ID_DEFAULT = 'everydose';

export const OIDC_SCOPES = [
  'openid',
  'fhirUser',
  'profile',
  'launch',
  'launch/patient',
  'launch/encounter',
  'online_access',
  'offline_access',
];

/** What a grant carries beyond scopes: decided at authorization, echoed in every token. */
export interface GrantContext {
  /** The account: a Practitioner id, or `Patient/<id>` for a patient user. */
  userId: string;
  patientId: string | undefined;
  encounterId: string | undefined;
  intent: string | undefined;
  needPatientBanner: boolean;
  /** 'List/<id>' of a work queue, for fhirContext. */
  workQueue?: string;
  /** Every granted scope, OIDC and resource, space-separated. */
  scope: string;
}

export interface AuthServerOptions {
  /** e.g. http://127.0.0.1:4000/auth */
  issuer: string;
  fhirBase: string;
  clientId: string;
  redirectUris: string[];
  /** Browser origins allowed to call the token endpoint. */
  corsOrigins: string[];
  accessTokenTtlSeconds: number;
}

export interface AuthServer {
  readonly provider: Provider;
  readonly publicJwks: JSONWebKeySet;
  /** Record a grant's context; called by the interaction handler. */
  setGrantContext(grantId: string, ctx: GrantContext): void;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export function grantContextFor(launch: LaunchContext, scope: string): GrantContext {
  return {
    userId: accountIdOf(launch),
    patientId: launch.patientId,
    encounterId: launch.encounterId,
    intent: launch.intent,
    needPatientBanner: launch.needPatientBanner,
    ...(launch.workQueue ? { workQueue: launch.workQueue } : {}),
    scope,
  };
}

interface TokenBody {
  access_token?: string;
  scope?: string;
  [key: string]: unknown;
}

/**
 * oidc-provider drops offline_access unless the request says prompt=consent, which SMART apps
 * never send; the sandbox always runs its (headless) consent step anyway, so add it.
 */
function withConsentForOffline(url: string): string {
  const u = new URL(url, 'http://local');
  const scope = u.searchParams.get('scope');
  if (!u.pathname.endsWith('/auth') || !scope || u.searchParams.has('prompt')) return url;
  if (!scope.split(' ').includes('offline_access')) return url;
  u.searchParams.set('prompt', 'consent');
  return `${u.pathname}${u.search}`;
}

export async function createAuthServer(opts: AuthServerOptions): Promise<AuthServer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const grants = new Map<string, GrantContext>();
  // Every SMART resource scope ever requested: oidc-provider needs the resource server's
  // scope list up front, and SMART scopes are open-ended (v1, v2, granular).
  const knownResourceScopes = new Set<string>(['patient/*.rs', 'user/*.rs']);

  const { Provider, errors } = await loadOidcProvider();
  const provider = new Provider(opts.issuer, {
    adapter: SandboxAdapter,
    clients: [
      {
        client_id: opts.clientId,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: opts.redirectUris,
      },
    ],
    scopes: OIDC_SCOPES,
    claims: { openid: ['sub'], fhirUser: ['fhirUser'], profile: ['fhirUser'] },
    extraParams: ['launch', 'aud'],
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    jwks: { keys: [privateJwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    ttl: {
      AccessToken: opts.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: 8 * 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/auth/interaction/${interaction.uid}`,
    },
    features: {
      devInteractions: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => opts.fhirBase,
        useGrantedResource: () => true,
        getResourceServerInfo: (ctx: KoaContextLike, indicator: string) => {
          if (indicator !== opts.fhirBase) throw new errors.InvalidTarget();
          const requested = ctx.oidc?.params?.scope;
          if (typeof requested === 'string') {
            for (const s of requested.split(' '))
              if (isResourceScope(s)) knownResourceScopes.add(s);
          }
          return {
            scope: [...knownResourceScopes].join(' '),
            audience: opts.fhirBase,
            accessTokenFormat: 'jwt',
            accessTokenTTL: opts.accessTokenTtlSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    loadExistingGrant: async (ctx: KoaContextLike) => {
      // Every launch gets its own grant: the launcher may switch user, patient or role.
      const grantId = ctx.oidc?.result?.consent?.grantId;
      return grantId ? ctx.oidc?.provider.Grant.find(grantId) : undefined;
    },
    issueRefreshToken: async (
      _ctx: unknown,
      client: { grantTypeAllowed(t: string): boolean },
      source: { scopes: Set<string> },
    ) =>
      client.grantTypeAllowed('refresh_token') &&
      (source.scopes.has('online_access') || source.scopes.has('offline_access')),
    extraTokenClaims: async (_ctx: unknown, token: TokenLike) => {
      if (token.kind !== 'AccessToken' || !token.grantId) return undefined;
      const g = grants.get(token.grantId);
      if (!g) return undefined;
      return {
        ...(g.patientId ? { patient: g.patientId } : {}),
        ...(g.encounterId ? { encounter: g.encounterId } : {}),
        fhirUser: `${opts.fhirBase}/${fhirUserPathOf(g.userId)}`,
      };
    },
    clientBasedCORS: (_ctx: unknown, origin: string) => opts.corsOrigins.includes(origin),
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, fhirUser: `${opts.fhirBase}/${fhirUserPathOf(sub)}` }),
    }),
    renderError: async (ctx: KoaContextLike, out: Record<string, unknown>) => {
      ctx.body = `The sign-in could not be completed: ${String(out['error_description'] ?? out['error'] ?? 'unknown error')}`;
    },
  });

  // SMART launch context in the token response (code and refresh grants alike).
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'token' || ctx.status !== 200) return;
    const body = ctx.body as TokenBody | undefined;
    if (!body?.access_token) return;
    const grantId = ctx.oidc.entities?.AccessToken?.grantId;
    const g = grantId ? grants.get(grantId) : undefined;
    if (!g) return;
    if (g.patientId) body['patient'] = g.patientId;
    if (g.encounterId) body['encounter'] = g.encounterId;
    if (g.intent) body['intent'] = g.intent;
    body['need_patient_banner'] = g.needPatientBanner;
    const context = [
      ...(g.encounterId ? [{ reference: `Encounter/${g.encounterId}` }] : []),
      ...(g.workQueue ? [{ reference: g.workQueue }] : []),
    ];
    if (context.length > 0) body['fhirContext'] = context;
    body.scope = g.scope;
  });

  const callback = provider.callback();

  return {
    provider,
    publicJwks: { keys: [publicJwk] },
    setGrantContext: (grantId, ctx) => grants.set(grantId, ctx),
    handle(req, res) {
      const original = withConsentForOffline(req.url ?? '/');
      const prefix = new URL(opts.issuer).pathname.replace(/\/$/, '');
      const stripped = original.startsWith(prefix) ? original.slice(prefix.length) : original;
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
      req.url = stripped === '' ? '/' : stripped;
      callback(req, res);
    },
  };
}
