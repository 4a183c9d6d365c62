// The CDS Hooks 2.0 service over plain node:http: GET /cds-services (discovery),
// POST /cds-services/{id} (a hook call → cards), POST /cds-services/{id}/feedback.
// Mounted by the local EHR (`npm start`) and by `npm run cds-service`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Appointment, Bundle, FhirResource, MedicationRequest } from 'fhir/r4';
import { defaultConfig, type PlannedResult } from '../engine/index.ts';
import { planResources } from '../fhir/map/planned-doses.ts';
import type { ReferenceData } from '../reference/types.ts';
import { cardsFor, unreadableCard, type CardContext } from './cards.ts';
import type { Card, FeedbackItem, HookRequest } from './cds-types.ts';
import type { CdsJwtVerifier } from './jwt-auth.ts';
import { gatherHookData, readMissingMedications, type Fetcher } from './prefetch-data.ts';
import { discovery, SERVICES, type CdsServiceDefinition } from './services.ts';

export interface CdsOptions {
  /** The app's SMART launch URL for card links, e.g. http://127.0.0.1:5173/launch.html */
  appLaunchUrl: string;
  /** Public base URL of this service (JWT `aud` is `<base>/cds-services/<id>`). */
  publicBase: string;
  /** undefined = open (CDS_OPEN=1): no JWT asked. */
  verify: CdsJwtVerifier | undefined;
  reference: () => ReferenceData;
  clock?: () => Date;
  fetcher?: Fetcher;
}

export interface FeedbackRecord extends FeedbackItem {
  service: string;
  /** The warning code of the card, when this service issued it. */
  code?: string;
  receivedAt: string;
}

export interface CdsService {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /** Feedback received (accepted / overridden, with reasons), oldest first. */
  readonly feedback: FeedbackRecord[];
}

const MAX_BODY = 5 * 1024 * 1024;
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
};

class BadRequest extends Error {}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...CORS,
  });
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BadRequest('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new BadRequest('the body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The request's shape (CDS Hooks 2.0 "HTTP Request"); a broken call is a 400 saying why. */
export function parseHookRequest(body: unknown, service: CdsServiceDefinition): HookRequest {
  if (!isObject(body)) throw new BadRequest('the body must be a JSON object');
  if (body.hook !== service.hook)
    throw new BadRequest(`hook must be "${service.hook}" for this service`);
  if (typeof body.hookInstance !== 'string' || body.hookInstance === '')
    throw new BadRequest('hookInstance is required');
  if (!isObject(body.context) || typeof body.context.patientId !== 'string')
    throw new BadRequest('context.patientId is required');
  if (body.fhirServer !== undefined && typeof body.fhirServer !== 'string')
    throw new BadRequest('fhirServer must be a URL');
  if (body.fhirAuthorization !== undefined) {
    const a = body.fhirAuthorization;
    if (!isObject(a) || typeof a.access_token !== 'string' || a.token_type !== 'Bearer')
      throw new BadRequest('fhirAuthorization needs access_token and token_type "Bearer"');
    if (typeof body.fhirServer !== 'string')
      throw new BadRequest('fhirServer is required with fhirAuthorization');
  }
  if (body.prefetch !== undefined && !isObject(body.prefetch))
    throw new BadRequest('prefetch must be an object');
  return body as unknown as HookRequest;
}

function bundleResources(v: unknown): FhirResource[] {
  if (!isObject(v) || v.resourceType !== 'Bundle') return [];
  return ((v as unknown as Bundle).entry ?? []).flatMap((e) =>
    e.resource ? [e.resource as FhirResource] : [],
  );
}

interface Planned {
  orders: FhirResource[];
  only?: string[];
  appointmentDate?: string;
  extra: FhirResource[];
}

/** The orders to check: the drafts (order-sign), the selected drafts (order-select), or the
 * patient's active orders on the booked date (appointment-book). */
function plannedOrders(req: HookRequest): Planned {
  const ctx = req.context;
  if (req.hook === 'appointment-book') {
    const appts = bundleResources(ctx.appointments).filter(
      (r): r is Appointment => r.resourceType === 'Appointment',
    );
    const start = appts.map((a) => a.start?.slice(0, 10)).find((d) => d);
    return { orders: [], extra: appts, ...(start ? { appointmentDate: start } : {}) };
  }
  const selections = Array.isArray(ctx.selections)
    ? new Set(ctx.selections.filter((s): s is string => typeof s === 'string'))
    : undefined;
  const drafts = bundleResources(ctx.draftOrders)
    .filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest')
    .map((r, i) => {
      const withId = r.id ? r : { ...r, id: `draft-${i + 1}` };
      const enc = typeof ctx.encounterId === 'string' ? ctx.encounterId : undefined;
      return withId.encounter || !enc
        ? withId
        : { ...withId, encounter: { reference: `Encounter/${enc}` } };
    })
    .filter(
      (r) =>
        req.hook !== 'order-select' || !selections || selections.has(`MedicationRequest/${r.id}`),
    );
  return {
    orders: drafts,
    only: drafts.map((d) => `MedicationRequest/${d.id}`),
    extra: [],
  };
}

export function createCdsService(options: CdsOptions): CdsService {
  const clock = options.clock ?? (() => new Date());
  const fetcher = options.fetcher ?? fetch;
  const feedback: FeedbackRecord[] = [];
  const issued = new Map<string, { service: string; code?: string }>();

  async function authorised(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<boolean> {
    if (!options.verify) return true;
    const check = await options.verify(req.headers.authorization, `${options.publicBase}${path}`);
    if (check.ok) return true;
    res.setHeader('WWW-Authenticate', 'Bearer');
    send(res, 401, { error: `Unauthorized: ${check.reason}` });
    return false;
  }

  async function callHook(service: CdsServiceDefinition, body: unknown): Promise<Card[]> {
    const req = parseHookRequest(body, service);
    const patientId = req.context.patientId as string;
    const planned = plannedOrders(req);
    const data = await gatherHookData(req, service.prefetch, fetcher);
    await readMissingMedications(req, [...planned.orders, ...data.resources], data, fetcher);
    const results: PlannedResult[] = planResources(
      [...data.resources, ...planned.orders, ...planned.extra],
      {
        config: defaultConfig(),
        reference: options.reference(),
        readable: data.readable,
        today: localDate(clock()),
        ...(planned.only ? { only: planned.only } : {}),
        ...(planned.appointmentDate ? { appointmentDate: planned.appointmentDate } : {}),
      },
    );
    const encounterId =
      typeof req.context.encounterId === 'string' ? req.context.encounterId : undefined;
    const ctx: CardContext = {
      patientId,
      ...(encounterId ? { encounterId } : {}),
      appLaunchUrl: options.appLaunchUrl,
      drafts: new Map(
        planned.orders
          .filter((o): o is MedicationRequest => o.resourceType === 'MedicationRequest')
          .map((o) => [`MedicationRequest/${o.id}`, o]),
      ),
    };
    const cards = cardsFor(
      results.filter((r) => r.dose.ref && (!planned.only || planned.only.includes(r.dose.ref))),
      ctx,
    );
    const unread = unreadableCard(data.unreadable, ctx);
    if (unread) cards.push(unread);
    for (const c of cards)
      if (c.uuid)
        issued.set(c.uuid, {
          service: service.id,
          ...(c.source.topic ? { code: c.source.topic.code } : {}),
        });
    return cards;
  }

  function recordFeedback(service: CdsServiceDefinition, body: unknown): void {
    if (!isObject(body) || !Array.isArray(body.feedback))
      throw new BadRequest('feedback must be an array');
    const items: FeedbackRecord[] = [];
    for (const f of body.feedback as unknown[]) {
      if (!isObject(f) || typeof f.card !== 'string')
        throw new BadRequest('each feedback needs a card uuid');
      if (f.outcome !== 'accepted' && f.outcome !== 'overridden')
        throw new BadRequest('outcome must be "accepted" or "overridden"');
      if (typeof f.outcomeTimestamp !== 'string')
        throw new BadRequest('outcomeTimestamp is required');
      const known = issued.get(f.card);
      items.push({
        ...(f as unknown as FeedbackItem),
        service: service.id,
        ...(known?.code ? { code: known.code } : {}),
        receivedAt: clock().toISOString(),
      });
    }
    feedback.push(...items);
  }

  return {
    feedback,
    async handle(req, res, url) {
      const path = url.pathname.replace(/\/$/, '');
      if (path !== '/cds-services' && !path.startsWith('/cds-services/')) return false;
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS).end();
        return true;
      }
      if (path === '/cds-services') {
        if (req.method !== 'GET') send(res, 405, { error: 'use GET' });
        else send(res, 200, discovery());
        return true;
      }
      const m = /^\/cds-services\/([A-Za-z0-9\-_.]+)(\/feedback)?$/.exec(path);
      const service = m ? SERVICES.find((s) => s.id === m[1]) : undefined;
      if (!m || !service) {
        send(res, 404, { error: 'no such CDS service' });
        return true;
      }
      if (req.method !== 'POST') {
        send(res, 405, { error: 'use POST' });
        return true;
      }
      if (!(await authorised(req, res, path))) return true;
      try {
        const body = await readJson(req);
        if (m[2]) {
          recordFeedback(service, body);
          send(res, 200, {});
        } else {
          send(res, 200, { cards: await callHook(service, body) });
        }
      } catch (e) {
        if (e instanceof BadRequest) send(res, 400, { error: e.message });
        else send(res, 500, { error: 'EveryDose could not check this call' });
      }
      return true;
    },
  };
}
