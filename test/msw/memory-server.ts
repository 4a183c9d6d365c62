// The memory gateway served over HTTP (msw), for tests that drive the real FhirclientGateway:
// the same store, versions, If-Match and faults as in-process tests, answered as a FHIR server
// sends them (ETag and Location headers, 201 on create, 412 on a stale If-Match, searchset
// Bundles with match and include entries). A fault that plays a dropped connection (a network
// error, a lost answer) drops the HTTP connection; any other error answers its status.
import type { CapabilityStatement, FhirResource, OperationOutcome, Parameters } from 'fhir/r4';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { FhirError, type SearchParams } from '../../src/fhir/gateway.ts';
import type { MemoryGateway } from '../../src/fhir/test-kit/memory-gateway.ts';
import { FHIR_BASE, searchset } from './fhir-server.ts';

export interface MemoryServerOptions {
  /** Base URL served (default FHIR_BASE). */
  base?: string;
  /** The CapabilityStatement to answer instead of the gateway's own. */
  statement?: CapabilityStatement;
  /** Entries per search page; a `next` link (`_page=n`) leads on (default: one page). */
  pageSize?: number;
  /** Runs around every answer: to log or time requests, or to answer one itself (a type
   * failing with 503) instead of calling `answer`. */
  around?: (request: Request, answer: () => Promise<Response>) => Promise<Response>;
}

const headers = (r: FhirResource, base: string): Record<string, string> => ({
  ETag: `W/"${r.meta?.versionId ?? ''}"`,
  Location: `${base}/${r.resourceType}/${r.id ?? ''}/_history/${r.meta?.versionId ?? ''}`,
});

/** The HTTP answer of a failed call: a dropped connection, or the error's status. */
function failure(e: unknown): Response {
  if (!(e instanceof FhirError)) throw e;
  if (e.kind === 'network') return HttpResponse.error();
  const outcome: OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'processing', diagnostics: e.message }],
  };
  return HttpResponse.json(outcome, {
    status: e.status ?? 500,
    headers:
      e.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(e.retryAfterSeconds) },
  });
}

async function settle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    return failure(e);
  }
}

/** msw handlers answering every FHIR request at `base` from the gateway's store. */
export function memoryServer(
  gateway: MemoryGateway,
  options: MemoryServerOptions = {},
): RequestHandler[] {
  const base = options.base ?? FHIR_BASE;
  const answer = (request: Request, run: () => Promise<Response>): Promise<Response> =>
    options.around ? options.around(request, () => settle(run)) : settle(run);
  return [
    http.get(`${base}/metadata`, ({ request }) =>
      answer(request, async () =>
        HttpResponse.json(options.statement ?? (await gateway.capabilities())),
      ),
    ),
    http.get(`${base}/:type/:id/_history/:version`, ({ params, request }) =>
      answer(request, () => {
        const [type, id] = [String(params.type), String(params.id)];
        const found = gateway.versions(type, id)[Number(params.version) - 1];
        return Promise.resolve(
          found
            ? HttpResponse.json(found, { headers: headers(found, base) })
            : new HttpResponse(null, { status: 404 }),
        );
      }),
    ),
    http.get(`${base}/:type/:id`, ({ params, request }) =>
      answer(request, async () => {
        const type = String(params.type) as FhirResource['resourceType'];
        const { resource } = await gateway.read(type, String(params.id));
        return HttpResponse.json(resource, { headers: headers(resource, base) });
      }),
    ),
    http.get(`${base}/:type`, ({ params, request }) =>
      answer(request, async () => {
        const type = String(params.type);
        const url = new URL(request.url);
        const query: SearchParams = {};
        for (const key of new Set(url.searchParams.keys()))
          if (key !== '_page' && key !== '_count') query[key] = url.searchParams.getAll(key);
        const found = await gateway.search(type, query);
        const size = options.pageSize ?? Math.max(found.length, 1);
        const page = Number(url.searchParams.get('_page') ?? '0');
        const next = new URL(url);
        next.searchParams.set('_page', String(page + 1));
        const shown = found.slice(page * size, (page + 1) * size);
        return HttpResponse.json(
          searchset(
            shown.filter((r) => r.resourceType === type),
            {
              included: shown.filter((r) => r.resourceType !== type),
              ...((page + 1) * size < found.length ? { next: next.href } : {}),
            },
          ),
        );
      }),
    ),
    http.post(`${base}/:type/:operation`, ({ params, request }) =>
      answer(request, async () => {
        const name = String(params.operation);
        if (!name.startsWith('$')) return new HttpResponse(null, { status: 405 });
        const type = String(params.type) as FhirResource['resourceType'];
        const body = (await request.json()) as Parameters;
        const { resource } = await gateway.operation(type, name.slice(1), body);
        return HttpResponse.json(resource, { headers: headers(resource, base) });
      }),
    ),
    http.post(`${base}/:type`, ({ request }) =>
      answer(request, async () => {
        const body = (await request.json()) as FhirResource;
        const { resource } = await gateway.create(body);
        return HttpResponse.json(resource, { status: 201, headers: headers(resource, base) });
      }),
    ),
    http.put(`${base}/:type/:id`, ({ params, request }) =>
      answer(request, async () => {
        const body = (await request.json()) as FhirResource;
        const resource = { ...body, id: String(params.id) };
        const out = await gateway.update(resource, request.headers.get('If-Match') ?? '');
        return HttpResponse.json(out.resource, { headers: headers(out.resource, base) });
      }),
    ),
  ];
}
