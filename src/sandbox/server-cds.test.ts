// Contract tests of the CDS Hooks service against the CDS Hooks 2.0 shapes (HL7 CDS Hooks 2.0
// logical models CDSHooksServices, CDSHooksRequest, CDSHooksResponse and CDSHooksFeedback: required
// fields, code values, summary under 140 characters, selectionBehavior with suggestions, appContext
// only on smart links), served by the local EHR on the fixture stories.
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prefetchFromStore } from './cds-client.ts';
import { FIXTURES_DIR } from './fixtures.ts';
import { startEhr, type EhrServer } from './server.ts';
import type { Card } from '../cds/cds-types.ts';
import { SERVICES } from '../cds/services.ts';
import { defined } from '../../test/defined.ts';

const APP = 'http://127.0.0.1:5999';
const PATIENT = 'pt-auth-expired';
const NEXT_VISIT = 'enc-auth-expired-20260819';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let ehr: EhrServer; // JWT on (the default), FHIR open
let open: EhrServer; // npm start -- --open-fhir --no-app with CDS_OPEN=1
beforeAll(async () => {
  [ehr, open] = await Promise.all([
    startEhr({ appOrigin: APP, openFhir: true, fixtureDirs: [FIXTURES_DIR] }),
    startEhr({ appOrigin: APP, openFhir: true, cdsOpen: true, fixtureDirs: [FIXTURES_DIR] }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all([ehr.close(), open.close()]);
});

/** CDS Hooks 2.0 card rules; the list of what is wrong (empty = conforms). */
function cardProblems(c: Card): string[] {
  const p: string[] = [];
  if (typeof c.summary !== 'string' || c.summary.length === 0) p.push('summary missing');
  if (c.summary.length >= 140) p.push(`summary ${c.summary.length} characters`);
  if (!['info', 'warning', 'critical'].includes(c.indicator)) p.push('indicator');
  if (typeof c.source?.label !== 'string') p.push('source.label');
  if (c.uuid !== undefined && !UUID.test(c.uuid)) p.push('uuid');
  if (c.detail !== undefined && typeof c.detail !== 'string') p.push('detail');
  if (c.suggestions?.length && !['at-most-one', 'any'].includes(c.selectionBehavior ?? ''))
    p.push('selectionBehavior required with suggestions');
  for (const s of c.suggestions ?? []) {
    if (typeof s.label !== 'string') p.push('suggestion.label');
    for (const a of s.actions ?? []) {
      if (!['create', 'update', 'delete'].includes(a.type)) p.push('action.type');
      if (a.type !== 'delete' && !a.resource) p.push('action.resource');
    }
  }
  for (const l of c.links ?? []) {
    if (typeof l.label !== 'string' || typeof l.url !== 'string') p.push('link label/url');
    if (!['absolute', 'smart'].includes(l.type)) p.push('link.type');
    if (l.appContext !== undefined && l.type !== 'smart') p.push('appContext on absolute link');
  }
  for (const r of c.overrideReasons ?? []) if (typeof r.code !== 'string') p.push('overrideReason');
  return p;
}

function draft(over: Record<string, unknown> = {}) {
  return {
    resourceType: 'MedicationRequest',
    id: 'draft-nivo',
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${PATIENT}` },
    medicationReference: { reference: 'Medication/auth-expired-med-nivolumab' },
    dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 240, unit: 'mg' } }] }],
    ...over,
  };
}

function hookBody(server: EhrServer, hook = 'order-sign', extra: Record<string, unknown> = {}) {
  return {
    hook,
    hookInstance: randomUUID(),
    fhirServer: server.fhirBase,
    context: {
      userId: 'Practitioner/clinician-1',
      patientId: PATIENT,
      encounterId: NEXT_VISIT,
      draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: draft() }] },
    },
    ...extra,
  };
}

async function post(server: EhrServer, path: string, body: unknown, jwt?: string | null) {
  const url = `${server.url}${path}`;
  const token = jwt === undefined ? await server.cdsClient.sign(url) : jwt;
  return fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

const SIGN = '/cds-services/everydose-order-sign';

describe('CDS Hooks 2.0 discovery', () => {
  it('lists order-sign, order-select and appointment-book with their prefetch templates', async () => {
    const res = await fetch(`${ehr.url}/cds-services`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { services: Record<string, unknown>[] };
    expect(body.services.map((s) => s['hook'])).toEqual([
      'order-sign',
      'order-select',
      'appointment-book',
    ]);
    for (const s of body.services) {
      expect(typeof s['id']).toBe('string');
      expect(typeof s['description']).toBe('string');
      const prefetch = s['prefetch'] as Record<string, string>;
      expect(Object.values(prefetch).every((q) => typeof q === 'string')).toBe(true);
      expect(Object.keys(prefetch)).toEqual(
        expect.arrayContaining([
          'patient',
          'coverage',
          'claimResponses',
          'researchSubjects',
          'medicationKnowledge',
        ]),
      );
      expect(prefetch['patient']).toBe('Patient/{{context.patientId}}');
    }
  });
});

describe('JWT bearer authentication of the CDS client (on by default)', () => {
  it.each([
    ['no Authorization header → 401', async () => null, 401],
    [
      'a JWT for another URL (aud)',
      async () => ehr.cdsClient.sign(`${ehr.url}/cds-services/other`),
      401,
    ],
    [
      'a JWT signed by an untrusted key → 401',
      async () => {
        const { privateKey } = await generateKeyPair('ES384');
        return new SignJWT({})
          .setProtectedHeader({ alg: 'ES384', typ: 'JWT' })
          .setIssuer(ehr.cdsClient.iss)
          .setAudience(`${ehr.url}${SIGN}`)
          .setIssuedAt()
          .setExpirationTime('5m')
          .setJti(randomUUID())
          .sign(privateKey);
      },
      401,
    ],
    [
      'a JWT from the trusted EHR for this URL',
      async () => ehr.cdsClient.sign(`${ehr.url}${SIGN}`),
      200,
    ],
  ])('%s', async (_label, token, status) => {
    const res = await post(ehr, SIGN, hookBody(ehr), await token());
    expect(res.status).toBe(status);
  });

  it('a JWT is used once (jti)', async () => {
    const jwt = await ehr.cdsClient.sign(`${ehr.url}${SIGN}`);
    expect((await post(ehr, SIGN, hookBody(ehr), jwt)).status).toBe(200);
    expect((await post(ehr, SIGN, hookBody(ehr), jwt)).status).toBe(401);
  });

  it('publishes the local EHR client’s public key set', async () => {
    const jwks = (await (await fetch(`${ehr.url}/cds-client/jwks.json`)).json()) as {
      keys: { kty: string; d?: string }[];
    };
    expect(jwks.keys[0]?.kty).toBe('EC');
    expect(jwks.keys[0]?.d).toBeUndefined();
    expect(await exportJWK((await generateKeyPair('ES384')).publicKey)).toHaveProperty('kty', 'EC');
  });
});

describe('order-sign: the expired authorization of story 06 (billing-rules P-4)', () => {
  it('answers a critical card with the dollars, a SMART link and override reasons (with prefetch)', async () => {
    const service = defined(SERVICES.find((s) => s.hook === 'order-sign'));
    const prefetch = await prefetchFromStore(ehr.store, service.prefetch, {
      patientId: PATIENT,
      encounterId: NEXT_VISIT,
    });
    const res = await post(ehr, SIGN, hookBody(ehr, 'order-sign', { prefetch }));
    expect(res.status).toBe(200);
    const { cards } = (await res.json()) as { cards: Card[] };
    expect(cards.flatMap(cardProblems)).toEqual([]);
    const first = defined(cards[0]);
    expect(first.indicator).toBe('critical');
    expect(first.summary).toBe(
      'Nivolumab: prior authorization PA-55120 ended 29 July 2026 ($8,213.28 at stake)',
    );
    expect(first.detail).toContain('**At stake:** $8,213.28');
    expect(first.source).toMatchObject({ label: 'EveryDose', topic: { code: 'AUTH_EXPIRED' } });
    expect(first.links?.[0]).toEqual({
      label: 'Open EveryDose for this patient',
      url: `${APP}/launch.html`,
      type: 'smart',
      appContext: JSON.stringify({ patient: PATIENT, encounter: NEXT_VISIT }),
    });
    expect(first.overrideReasons?.length).toBeGreaterThan(0);
    expect(cards.map((c) => c.source.topic?.code)).not.toContain('CONTAINER_TYPE_UNKNOWN'); // P-8
  });

  it('with only fhirServer (no prefetch, no fhirAuthorization; CDS_OPEN=1, FHIR open) it reads the server itself', async () => {
    const res = await post(open, SIGN, hookBody(open), null);
    expect(res.status).toBe(200);
    const { cards } = (await res.json()) as { cards: Card[] };
    expect(cards[0]).toMatchObject({
      indicator: 'critical',
      source: { topic: { code: 'AUTH_EXPIRED' } },
    });
    expect(cards.map((c) => c.source.topic?.code)).not.toContain('CDS_DATA_UNREADABLE');
  });

  it('says in a card what could not be read when there is neither prefetch nor a reachable server', async () => {
    const body = { ...hookBody(open), fhirServer: 'http://127.0.0.1:9/fhir' };
    const { cards } = (await (await post(open, SIGN, body, null)).json()) as { cards: Card[] };
    const unread = cards.find((c) => c.source.topic?.code === 'CDS_DATA_UNREADABLE');
    expect(unread?.detail).toContain('prior authorizations (ClaimResponse)');
    expect(unread?.detail).toContain('the ordered drug (Medication/auth-expired-med-nivolumab)');
    expect(cards.flatMap(cardProblems)).toEqual([]);
  });

  it.each([
    ['another hook name', { hook: 'patient-view' }, 400],
    ['no hookInstance', { hookInstance: '' }, 400],
    [
      'fhirAuthorization without fhirServer',
      {
        fhirServer: undefined,
        fhirAuthorization: {
          access_token: 'x',
          token_type: 'Bearer',
          expires_in: 60,
          scope: '',
          subject: 'x',
        },
      },
      400,
    ],
  ])('a broken call (%s) is a 400', async (_l, change, status) => {
    const res = await post(open, SIGN, { ...hookBody(open), ...change }, null);
    expect(res.status).toBe(status);
  });
});

describe('order-select and appointment-book', () => {
  it.each([
    ['the nivolumab draft selected', ['MedicationRequest/draft-nivo'], 'critical'],
    ['another draft selected', ['MedicationRequest/other'], undefined],
  ])('order-select with %s', async (_l, selections, indicator) => {
    const body = hookBody(open, 'order-select');
    (body.context as Record<string, unknown>)['selections'] = selections;
    const res = await post(open, '/cds-services/everydose-order-select', body, null);
    const { cards } = (await res.json()) as { cards: Card[] };
    expect(cards[0]?.indicator).toBe(indicator);
  });

  it('appointment-book checks the active orders on the booked date', async () => {
    const body = {
      hook: 'appointment-book',
      hookInstance: randomUUID(),
      fhirServer: open.fhirBase,
      context: {
        userId: 'PractitionerRole/clinician-1-role',
        patientId: PATIENT,
        appointments: {
          resourceType: 'Bundle',
          type: 'collection',
          entry: [
            {
              resource: {
                resourceType: 'Appointment',
                id: 'appt-new',
                status: 'proposed',
                start: '2026-08-19T13:00:00-04:00',
                participant: [
                  { actor: { reference: `Patient/${PATIENT}` }, status: 'needs-action' },
                ],
              },
            },
          ],
        },
      },
    };
    const res = await post(open, '/cds-services/everydose-appointment-book', body, null);
    const { cards } = (await res.json()) as { cards: Card[] };
    expect(cards[0]).toMatchObject({ indicator: 'critical' });
    expect(cards[0]?.detail).toContain('MedicationRequest/auth-expired-rx-nivolumab-cycle2');
  });
});

describe('feedback', () => {
  it('records an overridden card with its reason, and refuses a malformed one', async () => {
    const { cards } = (await (await post(open, SIGN, hookBody(open), null)).json()) as {
      cards: Card[];
    };
    const card = defined(cards[0]);
    const feedback = {
      feedback: [
        {
          card: card.uuid,
          outcome: 'overridden',
          overrideReason: { reason: card.overrideReasons?.[0], userComment: 'renewal faxed' },
          outcomeTimestamp: '2026-08-19T12:00:00Z',
        },
      ],
    };
    expect((await post(open, `${SIGN}/feedback`, feedback, null)).status).toBe(200);
    expect(open.cds.feedback.at(-1)).toMatchObject({
      card: card.uuid,
      outcome: 'overridden',
      code: 'AUTH_EXPIRED',
      service: 'everydose-order-sign',
      overrideReason: { userComment: 'renewal faxed' },
    });
    const bad = { feedback: [{ card: card.uuid, outcome: 'ignored', outcomeTimestamp: 'x' }] };
    expect((await post(open, `${SIGN}/feedback`, bad, null)).status).toBe(400);
  });
});
