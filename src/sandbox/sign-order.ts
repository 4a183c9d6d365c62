// The launcher's "Sign order" page: a clinician drafts a drug order and signs it; the local EHR
// calls EveryDose's CDS Hooks service like an EHR would (order-sign, JWT, prefetch) and shows the
// cards, with the SMART link that opens EveryDose on the patient and an override with a reason.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Medication } from '@medplum/fhirtypes';
import type { Card } from '../cds/cds-types.ts';
import { OVERRIDE_REASONS } from '../cds/cards.ts';
import { SERVICES } from '../cds/services.ts';
import { prefetchFromStore, type CdsClient } from './cds-client.ts';
import type { FhirStore } from './fhir-store.ts';
import { escapeHtml, page, parseForm, readBody, sendHtml } from './http-util.ts';
import { listPatients } from './launcher.ts';

export interface SignOrderDeps {
  store: FhirStore;
  /** The EHR's own origin (the service is mounted at <url>/cds-services). */
  url: string;
  fhirBase: string;
  /** undefined when the service is open (CDS_OPEN=1). */
  client: CdsClient | undefined;
}

const ORDER_SIGN = SERVICES.find((s) => s.hook === 'order-sign');
const UNITS = ['mg', 'mcg', 'g', 'mL', '[iU]'];

async function medications(store: FhirStore): Promise<{ id: string; label: string }[]> {
  const res = await store.handle({ method: 'GET', url: '/Medication?_count=1000' });
  const body = res.body as { entry?: { resource?: Medication }[] };
  return (body.entry ?? [])
    .flatMap((e) => (e.resource?.id ? [e.resource as Medication & { id: string }] : []))
    .map((m) => ({ id: m.id, label: `${m.code?.text ?? m.id} (${m.id})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

async function form(deps: SignOrderDeps, chosen: Record<string, string>): Promise<string> {
  const option = (value: string, label: string, selected: string | undefined) =>
    `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const patients = (await listPatients(deps.store))
    .map((p) => option(p.id, p.label, chosen['patient']))
    .join('');
  const meds = (await medications(deps.store))
    .map((m) => option(m.id, m.label, chosen['medication']))
    .join('');
  const units = UNITS.map((u) => option(u, u, chosen['unit'] ?? 'mg')).join('');
  return `<form method="post" action="/sign-order">
<label for="patient">Patient</label>
<select id="patient" name="patient" required>${patients}</select>
<label for="encounter">Encounter id (optional)</label>
<input id="encounter" name="encounter" value="${escapeHtml(chosen['encounter'] ?? '')}">
<label for="medication">Drug</label>
<select id="medication" name="medication" required>${meds}</select>
<label for="dose">Dose</label>
<input id="dose" name="dose" type="number" step="any" min="0" required value="${escapeHtml(chosen['dose'] ?? '')}">
<label for="unit">Dose unit</label>
<select id="unit" name="unit">${units}</select>
<button type="submit">Sign order</button>
</form>`;
}

function cardHtml(card: Card, i: number, launch: string): string {
  const id = `card-${i}`;
  const links = (card.links ?? [])
    .map((l) =>
      l.type === 'smart'
        ? `<a href="${escapeHtml(launch)}">${escapeHtml(l.label)}</a>`
        : `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`,
    )
    .join(' ');
  const suggestions = (card.suggestions ?? [])
    .map((s) => `<li>Suggested: ${escapeHtml(s.label)}</li>`)
    .join('');
  const reasons = (card.overrideReasons ?? [])
    .map((r) => `<option value="${escapeHtml(r.code)}">${escapeHtml(r.display ?? r.code)}</option>`)
    .join('');
  const override =
    card.uuid && reasons
      ? `<form method="post" action="/sign-order/feedback">
<input type="hidden" name="card" value="${escapeHtml(card.uuid)}">
<label for="${id}-reason">Override reason</label>
<select id="${id}-reason" name="reason">${reasons}</select>
<button type="submit">Override</button>
</form>`
      : '';
  return `<li><article aria-labelledby="${id}-summary" class="card ${escapeHtml(card.indicator)}">
<h3 id="${id}-summary"><span class="indicator">${escapeHtml(card.indicator)}</span>: ${escapeHtml(card.summary)}</h3>
<pre class="detail">${escapeHtml(card.detail ?? '')}</pre>
<p>Source: ${escapeHtml(card.source.label)}</p>
${suggestions ? `<ul>${suggestions}</ul>` : ''}
<p>${links}</p>
${override}
</article></li>`;
}

function shell(body: string): string {
  return page(
    'Sign order',
    `<header><h1>Sign order</h1></header>
<main>
<p>Drafts a MedicationRequest and signs it: the local EHR calls EveryDose's CDS Hooks service
(<code>order-sign</code>) and shows the cards it answers. <a href="/">Back to the launcher</a></p>
${body}
</main>`,
  );
}

async function call(deps: SignOrderDeps, path: string, body: unknown): Promise<Response> {
  const target = `${deps.url}${path}`;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (deps.client) headers['Authorization'] = `Bearer ${await deps.client.sign(target)}`;
  return fetch(target, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function sign(deps: SignOrderDeps, f: Record<string, string>): Promise<string> {
  const patientId = f['patient'] ?? '';
  const encounterId = f['encounter']?.trim() || undefined;
  const dose = Number(f['dose']);
  if (!ORDER_SIGN || !patientId || !f['medication'] || !Number.isFinite(dose) || dose <= 0) {
    return `<p role="alert">Choose a patient and a drug, and give a dose above zero.</p>`;
  }
  const draft = {
    resourceType: 'MedicationRequest',
    id: `draft-${randomUUID()}`,
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${patientId}` },
    ...(encounterId ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
    medicationReference: { reference: `Medication/${f['medication']}` },
    requester: { reference: 'Practitioner/clinician-1' },
    dosageInstruction: [
      {
        doseAndRate: [
          {
            doseQuantity: {
              value: dose,
              unit: f['unit'] ?? 'mg',
              system: 'http://unitsofmeasure.org',
              code: f['unit'] ?? 'mg',
            },
          },
        ],
      },
    ],
  };
  const context: Record<string, string> = { patientId, userId: 'Practitioner/clinician-1' };
  if (encounterId) context['encounterId'] = encounterId;
  const res = await call(deps, `/cds-services/${ORDER_SIGN.id}`, {
    hook: 'order-sign',
    hookInstance: randomUUID(),
    fhirServer: deps.fhirBase,
    context: {
      ...context,
      draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: draft }] },
    },
    prefetch: await prefetchFromStore(deps.store, ORDER_SIGN.prefetch, context),
  });
  if (!res.ok) return `<p role="alert">The CDS service answered ${res.status}.</p>`;
  const { cards } = (await res.json()) as { cards: Card[] };
  const launch = `/launch?patient=${encodeURIComponent(patientId)}${encounterId ? `&encounter=${encodeURIComponent(encounterId)}` : ''}&role=clinician&embedded=0`;
  const list = cards.length
    ? `<ul aria-label="Cards">${cards.map((c, i) => cardHtml(c, i, launch)).join('')}</ul>`
    : '<p>EveryDose found nothing to check for this order.</p>';
  return `<section aria-labelledby="cards-heading"><h2 id="cards-heading">Cards from EveryDose</h2>${list}</section>`;
}

/** GET|POST /sign-order, POST /sign-order/feedback. */
export async function handleSignOrder(
  deps: SignOrderDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (url.pathname === '/sign-order' && req.method === 'GET') {
    const chosen = Object.fromEntries(url.searchParams.entries());
    sendHtml(res, 200, shell(await form(deps, chosen)));
    return true;
  }
  if (url.pathname === '/sign-order' && req.method === 'POST') {
    const f = parseForm(await readBody(req));
    sendHtml(res, 200, shell(`${await form(deps, f)}${await sign(deps, f)}`));
    return true;
  }
  if (url.pathname === '/sign-order/feedback' && req.method === 'POST' && ORDER_SIGN) {
    const f = parseForm(await readBody(req));
    const reason = OVERRIDE_REASONS.find((r) => r.code === f['reason']);
    const answer = await call(deps, `/cds-services/${ORDER_SIGN.id}/feedback`, {
      feedback: [
        {
          card: f['card'] ?? '',
          outcome: 'overridden',
          ...(reason ? { overrideReason: { reason } } : {}),
          outcomeTimestamp: new Date().toISOString(),
        },
      ],
    });
    sendHtml(
      res,
      answer.ok ? 200 : 502,
      shell(
        answer.ok
          ? `<p role="status">Override recorded${reason ? `: ${escapeHtml(reason.display ?? reason.code)}` : ''}.</p><p><a href="/sign-order">Sign another order</a></p>`
          : `<p role="alert">The CDS service did not record the override (${answer.status}).</p>`,
      ),
    );
    return true;
  }
  return false;
}
