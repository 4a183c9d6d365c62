// The data a hook call is checked against: each prefetch key from the request, else read from
// `fhirServer` (with `fhirAuthorization` when given), else named as unreadable (CDS Hooks 2.0
// "Prefetch" and "FHIR Resource Access"). Nothing unread is ever taken as "none".
import type { Bundle, FhirResource } from 'fhir/r4';
import type { Readability } from '../engine/index.ts';
import type { HookRequest } from './cds-types.ts';
import { PREFETCH_LABELS, PREFETCH_READABLE } from './services.ts';

const MAX_PAGES = 20;

export interface HookData {
  resources: FhirResource[];
  /** Plain labels of what could not be read. */
  unreadable: string[];
  readable: Partial<Readability>;
}

export type Fetcher = typeof fetch;

function fill(template: string, context: Record<string, unknown>): string | undefined {
  let missing = false;
  const out = template.replace(/\{\{context\.([A-Za-z]+)\}\}/g, (_m, name: string) => {
    const v = context[name];
    if (typeof v !== 'string' || v === '') missing = true;
    return encodeURIComponent(typeof v === 'string' ? v : '');
  });
  return missing ? undefined : out;
}

function resourcesOf(value: FhirResource): FhirResource[] {
  if (value.resourceType !== 'Bundle') return [value];
  return (value.entry ?? []).flatMap((e) => (e.resource ? [e.resource as FhirResource] : []));
}

/** GET one query from the FHIR server, following `next` links (bounded). */
export async function readFromServer(
  base: string,
  query: string,
  token: string | undefined,
  fetcher: Fetcher,
): Promise<FhirResource[] | undefined> {
  const headers: Record<string, string> = { Accept: 'application/fhir+json' };
  if (token) headers['Authorization'] = `Bearer ${token}`;
  const out: FhirResource[] = [];
  let url: string | undefined = `${base.replace(/\/$/, '')}/${query}`;
  const origin = new URL(base).origin;
  for (let page = 0; url && page < MAX_PAGES; page += 1) {
    let res: Response;
    try {
      res = await fetcher(url, { headers });
    } catch {
      return undefined;
    }
    if (!res.ok) return undefined;
    const body = (await res.json().catch(() => undefined)) as FhirResource | undefined;
    if (!body || typeof body.resourceType !== 'string') return undefined;
    out.push(...resourcesOf(body));
    const next: string | undefined =
      body.resourceType === 'Bundle'
        ? (body as Bundle).link?.find((l) => l.relation === 'next')?.url
        : undefined;
    // Only follow links on the same server (the token must not travel elsewhere).
    url = next && new URL(next, base).origin === origin ? new URL(next, base).href : undefined;
  }
  return out;
}

export async function gatherHookData(
  req: HookRequest,
  prefetch: Record<string, string>,
  fetcher: Fetcher,
): Promise<HookData> {
  const resources: FhirResource[] = [];
  const unreadable: string[] = [];
  const readable: Partial<Readability> = {};
  const token = req.fhirAuthorization?.access_token;
  await Promise.all(
    Object.entries(prefetch).map(async ([key, template]) => {
      const given = req.prefetch?.[key];
      let found: FhirResource[] | undefined = given ? resourcesOf(given) : undefined;
      const query = fill(template, req.context);
      if (!found && !query) return; // the hook's context has no such field (no encounter): nothing to read
      if (!found && req.fhirServer && query) {
        found = await readFromServer(req.fhirServer, query, token, fetcher);
      }
      if (found) {
        resources.push(...found.filter((r) => r.resourceType !== 'OperationOutcome'));
        return;
      }
      unreadable.push(PREFETCH_LABELS[key] ?? key);
      const flag = PREFETCH_READABLE[key];
      if (flag) readable[flag] = false;
    }),
  );
  unreadable.sort();
  return { resources, unreadable, readable };
}

/** Medications the draft orders name and the data lacks: read them, else name them unread. */
export async function readMissingMedications(
  req: HookRequest,
  orders: readonly FhirResource[],
  data: HookData,
  fetcher: Fetcher,
): Promise<void> {
  const have = new Set(
    data.resources.filter((r) => r.resourceType === 'Medication').map((r) => `Medication/${r.id}`),
  );
  for (const o of orders) {
    if (o.resourceType !== 'MedicationRequest') continue;
    const ref = o.medicationReference?.reference;
    const key = ref && /^Medication\/[A-Za-z0-9\-.]{1,64}$/.test(ref) ? ref : undefined;
    if (!key || have.has(key)) continue;
    have.add(key);
    const found = req.fhirServer
      ? await readFromServer(req.fhirServer, key, req.fhirAuthorization?.access_token, fetcher)
      : undefined;
    if (found) data.resources.push(...found);
    else data.unreadable.push(`the ordered drug (${key})`);
  }
}
