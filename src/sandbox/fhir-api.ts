// The local EHR's FHIR endpoint over node:http: discovery documents, bearer-token checks,
// fault injection, paging links, ETag / Location headers, OperationOutcome errors.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ProfileHolder } from './ehr-profiles.ts';
import { authorizeAndRun, classify, modifyCharge, type AccessDeps } from './fhir-access.ts';
import type { FhirStore, HttpMethod, StoreRequest, StoreResponse } from './fhir-store.ts';
import type { Faults, Stats } from './faults.ts';
import { parseForm, readBody, sendJson } from './http-util.ts';
import { capabilityStatement, smartConfiguration } from './metadata.ts';
import { modifyTarget, profileRefusal } from './profile-gate.ts';
import { outcome } from './operation-outcome.ts';
import type { TokenVerifier } from './token-verifier.ts';

export interface FhirApiDeps {
  store: FhirStore;
  fhirBase: string;
  issuer: string;
  /** Undefined in open mode: no authorization at all (loopback only). */
  verify: TokenVerifier | undefined;
  /** Test-only token that bypasses scopes and faults (admin mode only). */
  adminToken: string | undefined;
  faults: Faults;
  stats: Stats;
  /** The kind of EHR imitated (default full). */
  profile?: ProfileHolder;
}

const FHIR_JSON = 'application/fhir+json';
const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
const DEFAULT_COUNT = 20;

function send(res: ServerResponse, out: StoreResponse, extra: Record<string, string> = {}): void {
  const headers: Record<string, string> = { ...extra };
  const body = out.body;
  const versionId = body.meta?.versionId;
  if (versionId && body.resourceType !== 'Bundle' && body.resourceType !== 'OperationOutcome') {
    headers['ETag'] = `W/"${versionId}"`;
    if (body.meta?.lastUpdated)
      headers['Last-Modified'] = new Date(body.meta.lastUpdated).toUTCString();
  }
  sendJson(res, out.status, body, headers, FHIR_JSON);
}

/** A POST `Type/_search` as the equivalent GET `Type?…`, for paging links. */
export function searchUrl(req: StoreRequest): string {
  const path = req.url.split('?')[0] ?? '';
  if (req.method !== 'POST' || !path.endsWith('/_search')) return req.url;
  const form = req.body && typeof req.body === 'object' ? (req.body as Record<string, string>) : {};
  return `${path.slice(0, -'/_search'.length)}?${new URLSearchParams(form).toString()}`;
}

/** self/next/previous links from the store's total; fullUrl on every entry. */
export function addPagingLinks(bundle: Bundle, fhirBase: string, url: string, loop: boolean): void {
  const u = new URL(url, 'http://local');
  const params = u.searchParams;
  const count = Number.parseInt(params.get('_count') ?? '', 10) || DEFAULT_COUNT;
  const offset = Number.parseInt(params.get('_offset') ?? '', 10) || 0;
  const at = (o: number) => {
    const p = new URLSearchParams(params);
    p.set('_offset', String(o));
    p.set('_count', String(count));
    return `${fhirBase}${u.pathname}?${p.toString()}`;
  };
  const self = `${fhirBase}${u.pathname}${u.search}`;
  const link: NonNullable<Bundle['link']> = [{ relation: 'self', url: self }];
  const total = bundle.total;
  const matches = (bundle.entry ?? []).filter((e) => e.search?.mode !== 'include').length;
  const hasNext = total !== undefined ? offset + count < total : matches >= count;
  if (loop) link.push({ relation: 'next', url: self });
  else if (hasNext && count > 0) link.push({ relation: 'next', url: at(offset + count) });
  if (offset > 0) link.push({ relation: 'previous', url: at(Math.max(0, offset - count)) });
  bundle.link = link;
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (r?.id && !entry.fullUrl) entry.fullUrl = `${fhirBase}/${r.resourceType}/${r.id}`;
  }
}

async function parseBody(
  req: IncomingMessage,
): Promise<{ ok: true; body: unknown } | { ok: false }> {
  const text = await readBody(req);
  if (text.trim() === '') return { ok: true, body: undefined };
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded'))
    return { ok: true, body: parseForm(text) };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  const m = h ? /^Bearer\s+(.+)$/i.exec(h) : null;
  return m?.[1]?.trim();
}

/** Handles a request whose path starts after /fhir (`sub` keeps the query string). */
export async function handleFhir(
  deps: FhirApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  sub: string,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const path = sub === '' ? '/' : sub;
  const pathname = path.split('?')[0] ?? '/';
  const token = bearer(req);
  const isAdmin = deps.adminToken !== undefined && token === deps.adminToken;

  if (!isAdmin) {
    deps.stats.count(method, path);
    const decision = deps.faults.decide(path);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    if (decision.action.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (decision.action.kind === 'status') {
      const { status, retryAfterSeconds } = decision.action;
      const headers: Record<string, string> = {};
      if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
      if (status === 401) headers['WWW-Authenticate'] = 'Bearer error="invalid_token"';
      deps.stats.status(status);
      sendJson(
        res,
        status,
        outcome(
          status === 429 ? 'throttled' : status >= 500 ? 'transient' : 'security',
          `Injected fault: ${status}`,
        ),
        headers,
        FHIR_JSON,
      );
      return;
    }
  }

  const reply = (out: StoreResponse, extra?: Record<string, string>) => {
    if (!isAdmin) deps.stats.status(out.status);
    send(res, out, extra);
  };
  const urls = { fhirBase: deps.fhirBase, issuer: deps.issuer };
  const profile = deps.profile?.current ?? 'full';
  if (method === 'GET' && pathname === '/metadata') {
    const statement = capabilityStatement(urls, deps.verify === undefined, profile);
    reply({ status: 200, body: statement as Resource });
    return;
  }
  if (method === 'GET' && pathname === '/.well-known/smart-configuration') {
    if (!isAdmin) deps.stats.status(200);
    sendJson(res, 200, smartConfiguration(urls));
    return;
  }
  if (!METHODS.includes(method)) {
    reply({ status: 405, body: outcome('not-supported', 'Method not allowed') });
    return;
  }

  let claims = undefined;
  if (!isAdmin && deps.verify) {
    claims = token ? await deps.verify(token) : undefined;
    if (!claims) {
      reply(
        { status: 401, body: outcome('login', 'A valid access token is required.') },
        { 'WWW-Authenticate': token ? 'Bearer error="invalid_token"' : 'Bearer' },
      );
      return;
    }
  }

  const parsed = await parseBody(req);
  if (!parsed.ok) {
    reply({ status: 400, body: outcome('invalid', 'The request body is not valid JSON.') });
    return;
  }
  const storeReq: StoreRequest = {
    method: method as HttpMethod,
    url: path,
    body: parsed.body,
    headers: req.headers,
  };
  const access: AccessDeps = {
    store: deps.store,
    decorateSearch: (bundle, r) =>
      addPagingLinks(bundle, deps.fhirBase, searchUrl(r), deps.faults.loopPaging),
    profile,
  };
  let out: StoreResponse;
  const modify = method === 'POST' ? modifyTarget(pathname) : undefined;
  const openRefusal =
    !claims && !isAdmin && !modify
      ? profileRefusal(profile, classify(method as HttpMethod, pathname))
      : undefined;
  if (!claims && modify) {
    out = await modifyCharge(access, undefined, profile, modify.id, parsed.body);
  } else if (claims) {
    out = await authorizeAndRun(access, claims, storeReq);
  } else if (openRefusal) {
    out = openRefusal;
  } else {
    out = await deps.store.handle(storeReq);
    if (out.body.resourceType === 'Bundle' && out.body.type === 'searchset') {
      access.decorateSearch(out.body, storeReq);
    }
  }
  const extra: Record<string, string> = {};
  if (out.status === 201 && out.body.id) {
    extra['Location'] =
      `${deps.fhirBase}/${out.body.resourceType}/${out.body.id}/_history/${out.body.meta?.versionId ?? ''}`;
  }
  reply(out, extra);
}
