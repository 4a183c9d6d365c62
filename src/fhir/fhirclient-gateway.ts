// The FhirGateway over HTTP, fed by a fhirclient session (house habit 3). fhirclient owns the
// SMART session and token refresh; this adapter owns the wire: ETags, paging with a cap and
// loop detection, If-Match, and turning HTTP failures into FhirError kinds with plain words.
// Messages never carry URLs, ids or server text: they may hold patient data.
import type { Bundle, CapabilityStatement, FhirResource, Parameters } from 'fhir/r4';
import type Client from 'fhirclient/lib/Client';
import {
  FhirError,
  type FhirGateway,
  type LaunchContext,
  type ReadResult,
  type SearchParams,
} from './gateway.ts';
import { workQueueOf } from './work-queue-context.ts';

/** Where the bearer token comes from (fhirclient in the app, a constant in tests). */
export interface TokenSource {
  accessToken(): Promise<string | undefined>;
  /** Get a new access token after a 401; false when there is no way to. */
  refresh(): Promise<boolean>;
}

export interface HttpGatewayOptions {
  launch: LaunchContext;
  token: TokenSource;
  /** Pages read per search before giving up (default 50). */
  pageCap?: number;
  /** Longest Retry-After the app waits for by itself, in seconds (default 30). */
  maxRetryAfterSeconds?: number;
  /** Injected so tests never wait on the wall clock. */
  sleep?: (ms: number) => Promise<void>;
}

const FHIR_JSON = 'application/fhir+json';
const RETRIES_429 = 2;
const RETRIES_GET = 1;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

function errorFor(status: number, what: string, retryAfter?: number): FhirError {
  if (status === 401)
    return new FhirError(
      'unauthorized',
      'The EHR session has ended. Close this tab and launch EveryDose again from the chart.',
      status,
    );
  if (status === 403)
    return new FhirError('forbidden', `The EHR did not allow EveryDose to read ${what}.`, status);
  if (status === 404 || status === 410)
    return new FhirError('not-found', `The EHR has no ${what} at that address.`, status);
  if (status === 409 || status === 412)
    return new FhirError(
      'conflict',
      'Someone else changed this record after you opened it. Reload it and try again.',
      status,
    );
  if (status === 429)
    return new FhirError(
      'rate-limited',
      'The EHR is busy and asked EveryDose to wait. Try again in a moment.',
      status,
      retryAfter,
    );
  // Say what was asked for: a failure names what could not be read (issue 14 part 7).
  if (status >= 500)
    return new FhirError(
      'server',
      `The EHR had a problem answering (error ${status}) when asked for ${what}.`,
      status,
    );
  return new FhirError(
    'invalid',
    `The EHR turned the request down (error ${status}) when asked for ${what}.`,
    status,
  );
}

function etagOf(response: Response, resource: FhirResource | undefined): string | undefined {
  const header = response.headers.get('ETag');
  if (header) return header;
  const version = resource?.meta?.versionId;
  return version ? `W/"${version}"` : undefined;
}

function isResource(value: unknown): value is FhirResource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}

/** The same page however the server spells its URL (encoding, parameter order). */
export function pageKey(url: string): string {
  const u = new URL(url);
  const params = [...u.searchParams].sort(
    ([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y),
  );
  return `${u.origin}${u.pathname}?${new URLSearchParams(params).toString()}`;
}

function keyOf(r: FhirResource): string | undefined {
  return r.id ? `${r.resourceType}/${r.id}` : undefined;
}

export class FhirclientGateway implements FhirGateway {
  readonly launch: LaunchContext;
  private readonly base: string;
  private readonly token: TokenSource;
  private readonly pageCap: number;
  private readonly maxRetryAfter: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private capabilityPromise: Promise<CapabilityStatement> | undefined;

  constructor(options: HttpGatewayOptions) {
    this.launch = options.launch;
    this.base = options.launch.serverUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.pageCap = options.pageCap ?? 50;
    this.maxRetryAfter = options.maxRetryAfterSeconds ?? 30;
    this.sleep = options.sleep ?? defaultSleep;
  }

  /** One HTTP exchange with the safe retries: 429 (any method: nothing was done), a
   * 401 once after a token refresh, and one more try of a GET after a network or 5xx error. */
  private async send(method: string, url: string, what: string, init: RequestInit = {}) {
    let tries429 = 0;
    let triesGet = 0;
    let refreshed = false;
    for (;;) {
      const token = await this.token.accessToken();
      const headers = new Headers(init.headers);
      headers.set('Accept', FHIR_JSON);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      let response: Response;
      try {
        response = await fetch(url, { ...init, method, headers });
      } catch {
        if (method === 'GET' && triesGet < RETRIES_GET) {
          triesGet += 1;
          await this.sleep(500);
          continue;
        }
        throw new FhirError(
          'network',
          `EveryDose could not reach the EHR when asking for ${what}. Check the connection and try again.`,
        );
      }
      if (response.ok) return response;
      if (response.status === 401 && !refreshed && (await this.token.refresh())) {
        refreshed = true;
        continue;
      }
      if (response.status === 429) {
        const wait = parseRetryAfter(response.headers.get('Retry-After'), Date.now()) ?? 1;
        if (tries429 < RETRIES_429 && wait <= this.maxRetryAfter) {
          tries429 += 1;
          await this.sleep(wait * 1000);
          continue;
        }
        throw errorFor(429, what, wait);
      }
      if (method === 'GET' && response.status >= 500 && triesGet < RETRIES_GET) {
        triesGet += 1;
        await this.sleep(500);
        continue;
      }
      throw errorFor(response.status, what);
    }
  }

  private async json(response: Response, what: string): Promise<unknown> {
    const text = await response.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new FhirError('invalid', `The EHR sent ${what} that EveryDose could not read.`);
    }
  }

  capabilities(): Promise<CapabilityStatement> {
    this.capabilityPromise ??= (async () => {
      const response = await this.send('GET', `${this.base}/metadata`, 'its capability statement');
      const body = await this.json(response, 'a capability statement');
      if (!isResource(body) || body.resourceType !== 'CapabilityStatement')
        throw new FhirError(
          'invalid',
          'The EHR sent a capability statement EveryDose could not read.',
        );
      return body;
    })();
    this.capabilityPromise.catch(() => {
      this.capabilityPromise = undefined;
    });
    return this.capabilityPromise;
  }

  async read<T extends FhirResource>(type: T['resourceType'], id: string): Promise<ReadResult<T>> {
    const what = `${type} records`;
    const response = await this.send('GET', `${this.base}/${type}/${encodeURIComponent(id)}`, what);
    const body = await this.json(response, what);
    if (!isResource(body) || body.resourceType !== type)
      throw new FhirError('invalid', `The EHR sent ${what} that EveryDose could not read.`);
    return { resource: body as T, etag: etagOf(response, body) };
  }

  async search(type: string, params: SearchParams): Promise<FhirResource[]> {
    const what = `${type} records`;
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      for (const v of typeof value === 'string' ? [value] : value) query.append(name, v);
    }
    const origin = new URL(this.base).origin;
    const seenPages = new Set<string>();
    const seenResources = new Set<string>();
    const out: FhirResource[] = [];
    let url: string | undefined = `${this.base}/${type}?${query.toString()}`;
    while (url) {
      if (seenPages.size >= this.pageCap)
        throw new FhirError(
          'invalid',
          `The EHR returned more than ${this.pageCap} pages of ${what}; EveryDose stopped reading.`,
        );
      seenPages.add(pageKey(url));
      const body = await this.json(await this.send('GET', url, what), what);
      if (!isResource(body) || body.resourceType !== 'Bundle')
        throw new FhirError('invalid', `The EHR sent ${what} that EveryDose could not read.`);
      const bundle = body as Bundle<FhirResource>;
      let fresh = 0;
      for (const entry of bundle.entry ?? []) {
        const r = entry.resource;
        if (!r) continue;
        const key = keyOf(r);
        if (key && seenResources.has(key)) continue;
        if (key) seenResources.add(key);
        fresh += 1;
        out.push(r);
      }
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      if (!next) break;
      const resolved = new URL(next, `${this.base}/`);
      if (resolved.origin !== origin)
        throw new FhirError('invalid', `The EHR pointed the next page of ${what} elsewhere.`);
      // A next link already followed, or a page with nothing new, means the paging loops:
      // everything reachable has been read.
      if (seenPages.has(pageKey(resolved.href)) || (fresh === 0 && (bundle.entry?.length ?? 0) > 0))
        break;
      url = resolved.href;
    }
    return out;
  }

  async create<T extends FhirResource>(resource: T): Promise<ReadResult<T>> {
    const what = `${resource.resourceType} records`;
    const response = await this.send('POST', `${this.base}/${resource.resourceType}`, what, {
      body: JSON.stringify(resource),
      headers: { 'Content-Type': FHIR_JSON, Prefer: 'return=representation' },
    });
    return this.written(response, resource, what);
  }

  async update<T extends FhirResource>(
    resource: T & { id: string },
    ifMatch: string,
  ): Promise<ReadResult<T>> {
    const what = `${resource.resourceType} records`;
    const url = `${this.base}/${resource.resourceType}/${encodeURIComponent(resource.id)}`;
    const response = await this.send('PUT', url, what, {
      body: JSON.stringify(resource),
      headers: { 'Content-Type': FHIR_JSON, Prefer: 'return=representation', 'If-Match': ifMatch },
    });
    return this.written(response, resource, what);
  }

  async operation<T extends FhirResource>(
    type: T['resourceType'],
    name: string,
    parameters: Parameters,
  ): Promise<ReadResult<T>> {
    const what = `${type} records`;
    const response = await this.send('POST', `${this.base}/${type}/$${name}`, what, {
      body: JSON.stringify(parameters),
      headers: { 'Content-Type': FHIR_JSON, Prefer: 'return=representation' },
    });
    const body = await this.json(response, what);
    if (!isResource(body) || body.resourceType !== type) {
      throw new FhirError('invalid', `The EHR answered ${type}/$${name} with something else.`);
    }
    return { resource: body as T, etag: etagOf(response, body as T) };
  }

  private async written<T extends FhirResource>(
    response: Response,
    sent: T,
    what: string,
  ): Promise<ReadResult<T>> {
    const body = await this.json(response, what);
    const resource =
      isResource(body) && body.resourceType === sent.resourceType ? (body as T) : sent;
    return { resource, etag: etagOf(response, resource) };
  }
}

/**
 * SMART's fhirUser is often an absolute URL (`https://ehr/fhir/Practitioner/7`); the app keeps
 * the relative `Practitioner/7` so searches and written references stay on this server.
 */
export function relativeFhirUser(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const m =
    /(Practitioner|PractitionerRole|Patient|RelatedPerson|Person)\/([A-Za-z0-9\-.]{1,64})\/?$/.exec(
      value,
    );
  return m ? `${m[1]}/${m[2]}` : value;
}

/** Launch context from a ready fhirclient session (token response fields per SMART 2.x). */
export function launchContextFromClient(client: Client): LaunchContext {
  const token = client.state.tokenResponse ?? {};
  const intent = (token as { intent?: unknown }).intent;
  const workQueue = workQueueOf((token as { fhirContext?: unknown }).fhirContext);
  return {
    serverUrl: client.state.serverUrl,
    patientId: client.patient.id ?? undefined,
    encounterId: client.encounter.id ?? undefined,
    fhirUser: relativeFhirUser(client.getFhirUser()),
    needPatientBanner: token.need_patient_banner !== false,
    intent: typeof intent === 'string' ? intent : undefined,
    grantedScopes: (token.scope ?? '').split(/\s+/).filter(Boolean),
    ...(workQueue ? { workQueue } : {}),
  };
}

/** The app's gateway: fhirclient keeps the token (sessionStorage) and refreshes it. */
export function gatewayFromClient(client: Client): FhirclientGateway {
  return new FhirclientGateway({
    launch: launchContextFromClient(client),
    token: {
      async accessToken() {
        try {
          await client.refreshIfNeeded();
        } catch {
          // An expired session surfaces as the server's 401 below.
        }
        return client.state.tokenResponse?.access_token;
      },
      async refresh() {
        if (!client.state.tokenResponse?.refresh_token) return false;
        try {
          await client.refresh();
          return true;
        } catch {
          return false;
        }
      },
    },
  });
}
