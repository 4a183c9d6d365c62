// The local EHR in one node:http server on 127.0.0.1: FHIR at /fhir, SMART authorization at
// /auth, the launcher at /, admin endpoints at /_admin (admin mode, loopback only).
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCdsService, type CdsService } from '../cds/cds-handler.ts';
import { createCdsJwtVerifier, trustedClientsFrom } from '../cds/jwt-auth.ts';
import { builtinReference } from '../reference/builtin.ts';
import { handleAdmin } from './admin.ts';
import { createCdsClient } from './cds-client.ts';
import { CLIENT_ID_DEFAULT, createAuthServer } from './auth-server.ts';
import { profileHolder, type EhrProfile, type ProfileHolder } from './ehr-profiles.ts';
import { Faults, Stats, type FaultConfig } from './faults.ts';
import { handleFhir } from './fhir-api.ts';
import { createFhirStore, type FhirStore, type SeedSummary } from './fhir-store.ts';
import { defaultFixtureDirs, loadSeedData } from './fixtures.ts';
import { isLoopback, sendJson } from './http-util.ts';
import { handleInteraction } from './interaction.ts';
import { handleLauncher, listPatients } from './launcher.ts';
import { LaunchRegistry } from './launch-registry.ts';
import { outcome } from './operation-outcome.ts';
import { handleSignOrder } from './sign-order.ts';
import { createTokenVerifier } from './token-verifier.ts';

export interface EhrOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** The app's origin, e.g. http://127.0.0.1:5173: CORS and redirect URIs. */
  appOrigin: string;
  /** No authorization on /fhir (loopback only), for an external SMART launcher or proxy. */
  openFhir?: boolean;
  /** Admin endpoints and the admin token (test/dev mode). */
  admin?: boolean;
  fixtureDirs?: string[];
  faults?: FaultConfig;
  clientId?: string;
  accessTokenTtlSeconds?: number;
  /** The clock tokens are checked against (tests move it forward). */
  clock?: () => Date;
  /** The kind of EHR imitated (ehr-profiles.ts); default full. */
  profile?: EhrProfile;
  /** CDS Hooks service without JWT authentication (CDS_OPEN=1). */
  cdsOpen?: boolean;
}

export interface EhrServer {
  url: string;
  fhirBase: string;
  issuer: string;
  appLaunchUrl: string;
  adminToken: string | undefined;
  store: FhirStore;
  faults: Faults;
  stats: Stats;
  launches: LaunchRegistry;
  seeded: SeedSummary;
  profile: ProfileHolder;
  /** The CDS Hooks service at <url>/cds-services (its feedback log too). */
  cds: CdsService;
  /** The EHR's own CDS client identity (JWT issuer); signs calls from "Sign order". */
  cdsClient: Awaited<ReturnType<typeof createCdsClient>>;
  close(): Promise<void>;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Accept, If-Match, If-None-Match, If-None-Exist, Prefer',
  'Access-Control-Expose-Headers': 'ETag, Location, Last-Modified, Retry-After, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

/** Both spellings of a loopback origin (127.0.0.1 and localhost). */
export function originVariants(origin: string): string[] {
  const u = new URL(origin);
  const other =
    u.hostname === 'localhost' ? '127.0.0.1' : u.hostname === '127.0.0.1' ? 'localhost' : undefined;
  return other ? [u.origin, `${u.protocol}//${other}:${u.port}`] : [u.origin];
}

export async function startEhr(opts: EhrOptions): Promise<EhrServer> {
  // The port must be known before the authorization server is built; requests that arrive
  // meanwhile wait for it instead of failing.
  let handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async () => {};
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const server = createServer((req, res) => {
    ready
      .then(() => handler(req, res))
      .catch(() => {
        if (!res.headersSent)
          sendJson(
            res,
            500,
            outcome('exception', 'Internal error in the local EHR'),
            {},
            'application/fhir+json',
          );
        else res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const fhirBase = `${url}/fhir`;
  const issuer = `${url}/auth`;
  const appOrigins = originVariants(opts.appOrigin);
  const appLaunchUrl = `${new URL(opts.appOrigin).origin}/launch.html`;
  const clientId = opts.clientId ?? CLIENT_ID_DEFAULT;
  const dirs = opts.fixtureDirs ?? defaultFixtureDirs();
  const store = createFhirStore(() => loadSeedData(dirs));
  const seeded = await store.reset();
  const faults = new Faults();
  if (opts.faults) faults.set(opts.faults);
  const stats = new Stats();
  const launches = new LaunchRegistry();
  const profile = profileHolder(opts.profile ?? 'full');
  const adminToken = opts.admin ? randomBytes(24).toString('hex') : undefined;
  const auth = await createAuthServer({
    issuer,
    fhirBase,
    clientId,
    redirectUris: appOrigins.flatMap((o) => [`${o}/index.html`, `${o}/`]),
    corsOrigins: appOrigins,
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
  });
  const verify = opts.openFhir
    ? undefined
    : createTokenVerifier({
        jwks: auth.publicJwks,
        issuer,
        audience: fhirBase,
        clock: opts.clock ?? (() => new Date()),
      });
  const fhirDeps = { store, fhirBase, issuer, verify, adminToken, faults, stats, profile };
  // The CDS Hooks service (docs/cds-hooks.md) trusts this EHR's own client key and any EHR
  // named in CDS_CLIENTS; CDS_OPEN=1 (cdsOpen) asks for no JWT.
  const cdsClient = await createCdsClient(`${url}/cds-client`);
  let reference: ReturnType<typeof builtinReference> | undefined;
  const cds = createCdsService({
    appLaunchUrl,
    publicBase: url,
    verify: opts.cdsOpen
      ? undefined
      : createCdsJwtVerifier(
          [
            { iss: cdsClient.iss, jwks: cdsClient.jwks },
            ...trustedClientsFrom(process.env['CDS_CLIENTS']),
          ],
          opts.clock,
        ),
    reference: () => (reference ??= builtinReference()),
  });
  const signOrderDeps = {
    store,
    url,
    fhirBase,
    client: opts.cdsOpen ? undefined : cdsClient,
  };
  const interactionDeps = {
    auth,
    launches,
    fhirBase,
    clientId,
    listPatients: () => listPatients(store),
    profile,
  };
  const launcherDeps = { store, launches, fhirBase, appLaunchUrl };
  const adminDeps = { store, faults, stats, launches, fhirBase, appLaunchUrl, profile };

  handler = async (req, res) => {
    if (!isLoopback(req)) {
      res.writeHead(403).end();
      return;
    }
    const reqUrl = new URL(req.url ?? '/', url);
    const path = reqUrl.pathname;
    if (path === '/fhir' || path.startsWith('/fhir/')) {
      const origin = req.headers.origin;
      if (origin) {
        if (!appOrigins.includes(origin)) {
          if (req.method === 'OPTIONS') {
            res.writeHead(403).end();
            return;
          }
        } else {
          res.setHeader('Access-Control-Allow-Origin', origin);
          res.setHeader('Vary', 'Origin');
          for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
          if (req.method === 'OPTIONS') {
            res.writeHead(204).end();
            return;
          }
        }
      }
      await handleFhir(fhirDeps, req, res, (req.url ?? '').slice('/fhir'.length));
      return;
    }
    if (path.startsWith('/auth/interaction/')) {
      await handleInteraction(interactionDeps, req, res);
      return;
    }
    if (path === '/auth' || path.startsWith('/auth/')) {
      auth.handle(req, res);
      return;
    }
    if (path.startsWith('/_admin/')) {
      if (!adminToken) {
        sendJson(res, 404, { error: 'admin endpoints are off (start in test or dev mode)' });
        return;
      }
      // Scripts and tests send no Origin; a browser page on another site does (no CSRF).
      const from = req.headers.origin;
      if (from !== undefined && !originVariants(url).includes(from)) {
        sendJson(res, 403, { error: 'admin endpoints refuse requests from web pages' });
        return;
      }
      await handleAdmin(adminDeps, req, res, path);
      return;
    }
    if (path === '/cds-services' || path.startsWith('/cds-services/')) {
      await cds.handle(req, res, reqUrl);
      return;
    }
    if (path === '/cds-client/jwks.json' && req.method === 'GET') {
      sendJson(res, 200, cdsClient.jwks);
      return;
    }
    if (await handleSignOrder(signOrderDeps, req, res, reqUrl)) return;
    if (await handleLauncher(launcherDeps, req, res, reqUrl)) return;
    sendJson(res, 404, { error: 'not found' });
  };

  markReady();
  return {
    url,
    fhirBase,
    issuer,
    appLaunchUrl,
    adminToken,
    store,
    faults,
    stats,
    launches,
    seeded,
    profile,
    cds,
    cdsClient,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
