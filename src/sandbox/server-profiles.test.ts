// EHR profiles of the local EHR (--ehr-profile): CapabilityStatement, granted scopes, the
// router's allowed interactions, ChargeItem create and $modify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileAllows, profileFrom, type EhrProfile } from './ehr-profiles.ts';
import type { EhrServer } from './server.ts';
import { launchToken, PT1, PT2, startTestEhr } from './test-kit/ehr-server.ts';

interface Statement {
  software?: { version?: string };
  rest: {
    resource: {
      type: string;
      interaction: { code: string }[];
      operation?: { name: string }[];
    }[];
  }[];
}

const SCOPE = [
  'launch openid fhirUser',
  'patient/MedicationAdministration.rs patient/MedicationAdministration.u',
  'patient/Claim.c patient/Provenance.c patient/ChargeItem.crs patient/DocumentReference.crs',
].join(' ');

let ehr: EhrServer;
beforeAll(async () => {
  ehr = await startTestEhr();
});
afterAll(() => ehr.close());

async function useProfile(profile: EhrProfile): Promise<void> {
  const res = await fetch(`${ehr.url}/_admin/profile`, {
    method: 'POST',
    body: JSON.stringify({ profile }),
  });
  expect(res.status).toBe(200);
}

async function statement(): Promise<Statement> {
  return (await (await fetch(`${ehr.fhirBase}/metadata`)).json()) as Statement;
}

function offered(s: Statement, type: string): string[] | undefined {
  const r = s.rest[0]?.resource.find((x) => x.type === type);
  return r
    ? [...r.interaction.map((i) => i.code), ...(r.operation ?? []).map((o) => `$${o.name}`)]
    : undefined;
}

async function token(): Promise<{ token: string; scopes: string[] }> {
  const res = await launchToken(ehr, { scope: SCOPE, role: 'coder', patientId: PT1 });
  expect(res.status).toBe(200);
  return {
    token: String(res.body['access_token']),
    scopes: String(res.body['scope']).split(' '),
  };
}

function send(method: string, path: string, body: unknown, bearer: string, headers = {}) {
  return fetch(`${ehr.fhirBase}/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/fhir+json',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

const note = {
  resourceType: 'DocumentReference',
  status: 'current',
  subject: { reference: `Patient/${PT1}` },
  content: [{ attachment: { contentType: 'text/plain', data: 'U3RvcA==' } }],
};

const charge = (patient = PT1) => ({
  resourceType: 'ChargeItem',
  status: 'billable',
  code: { coding: [{ system: 'http://www.ama-assn.org/go/cpt', code: '96413' }] },
  subject: { reference: `Patient/${patient}` },
  quantity: { value: 1 },
});

describe('profileFrom (--ehr-profile / EHR_PROFILE)', () => {
  it.each([
    [[], undefined, 'full'],
    [['--ehr-profile', 'claim-less'], undefined, 'claim-less'],
    [['--ehr-profile=mar-read-only'], undefined, 'mar-read-only'],
    [[], 'claim-less', 'claim-less'],
    [['--ehr-profile', 'full'], 'claim-less', 'full'],
    [[], '', 'full'],
  ])('%j with EHR_PROFILE=%s → %s', (argv, env, want) => {
    expect(profileFrom(argv, env)).toBe(want);
  });
  it('refuses an unknown profile', () => {
    expect(() => profileFrom(['--ehr-profile', 'epic'], undefined)).toThrow(/Unknown EHR profile/);
  });
});

describe('profileAllows', () => {
  it.each([
    ['full', 'Claim', 'c', true],
    ['full', 'MedicationAdministration', 'u', true],
    ['full', 'ChargeItem', 'c', true],
    ['claim-less', 'Claim', 'r', false],
    ['claim-less', 'Claim', 'c', false],
    ['claim-less', 'ChargeItem', 'c', true],
    ['claim-less', 'ChargeItem', 'u', false],
    ['claim-less', 'Provenance', 'c', false],
    ['claim-less', 'Provenance', 'r', true],
    ['mar-read-only', 'MedicationAdministration', 'u', false],
    ['mar-read-only', 'MedicationAdministration', 's', true],
    ['mar-read-only', 'DocumentReference', 'c', true],
    ['mar-read-only', 'ChargeItem', 'r', false],
    ['mar-read-only', 'Claim', 'c', false],
    ['full', 'Patient', 'd', false],
  ] as const)('%s: %s.%s → %s', (profile, type, perm, want) => {
    expect(profileAllows(profile, type, perm)).toBe(want);
  });
});

describe('CapabilityStatement and granted scopes per profile', () => {
  it.each([
    ['full', 'Claim', ['read', 'vread', 'history-instance', 'search-type', 'create', 'update']],
    [
      'full',
      'ChargeItem',
      ['read', 'vread', 'history-instance', 'search-type', 'create', '$modify'],
    ],
    ['claim-less', 'Claim', undefined],
    ['claim-less', 'ClaimResponse', undefined],
    [
      'claim-less',
      'ChargeItem',
      ['read', 'vread', 'history-instance', 'search-type', 'create', '$modify'],
    ],
    ['claim-less', 'Provenance', ['read', 'vread', 'history-instance', 'search-type']],
    [
      'mar-read-only',
      'MedicationAdministration',
      ['read', 'vread', 'history-instance', 'search-type'],
    ],
    ['mar-read-only', 'ChargeItem', undefined],
    [
      'mar-read-only',
      'DocumentReference',
      ['read', 'vread', 'history-instance', 'search-type', 'create'],
    ],
  ] as const)('%s lists %s with %j', async (profile, type, want) => {
    await useProfile(profile);
    const s = await statement();
    expect(s.software?.version).toBe(`profile ${profile}`);
    expect(offered(s, type)).toEqual(want);
  });

  it.each([
    ['full', ['patient/Claim.c', 'patient/MedicationAdministration.u', 'patient/Provenance.c'], []],
    [
      'claim-less',
      ['patient/ChargeItem.crs', 'patient/MedicationAdministration.u'],
      ['patient/Claim.c', 'patient/Provenance.c'],
    ],
    [
      'mar-read-only',
      ['patient/DocumentReference.crs', 'patient/MedicationAdministration.rs'],
      ['patient/MedicationAdministration.u', 'patient/Claim.c', 'patient/ChargeItem.crs'],
    ],
  ] as const)('%s grants %j and refuses %j', async (profile, granted, refused) => {
    await useProfile(profile);
    const { scopes } = await token();
    for (const s of granted) expect(scopes).toContain(s);
    for (const s of refused) expect(scopes).not.toContain(s);
  });
});

describe('router per profile', () => {
  it('mar-read-only: MedicationAdministration update is 405 even for a token that had the scope', async () => {
    await useProfile('full');
    const { token: t } = await token();
    const ma = (await (
      await fetch(`${ehr.fhirBase}/MedicationAdministration/sandbox-ma-1`, {
        headers: { authorization: `Bearer ${t}` },
      })
    ).json()) as Record<string, unknown>;
    await useProfile('mar-read-only');
    const res = await send('PUT', 'MedicationAdministration/sandbox-ma-1', ma, t);
    expect(res.status).toBe(405);
    const created = await send('POST', 'DocumentReference', note, t);
    expect(created.status).toBe(201);
  });

  it('claim-less: Claim is 404 (not offered), ChargeItem create is 201', async () => {
    await useProfile('full');
    const { token: t } = await token();
    await useProfile('claim-less');
    const claim = await send('POST', 'Claim', { resourceType: 'Claim', status: 'draft' }, t);
    expect(claim.status).toBe(404);
    const made = await send('POST', 'ChargeItem', charge(), t);
    expect(made.status).toBe(201);
  });
});

describe('ChargeItem/$modify', () => {
  async function created(t: string): Promise<{ id: string }> {
    const res = await send('POST', 'ChargeItem', charge(), t);
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  }
  const params = (resource: unknown) => ({
    resourceType: 'Parameters',
    parameter: [{ name: 'chargeItem', resource }],
  });

  it('creates the replacement, links both ways and aborts the original', async () => {
    await useProfile('claim-less');
    const { token: t } = await token();
    const old = await created(t);
    const res = await send(
      'POST',
      'ChargeItem/$modify',
      params({ ...charge(), id: old.id, quantity: { value: 2 } }),
      t,
    );
    expect(res.status).toBe(201);
    const fresh = (await res.json()) as {
      id: string;
      quantity: { value: number };
      extension: { url: string; valueReference: { reference: string } }[];
    };
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.quantity.value).toBe(2);
    expect(
      fresh.extension.find((e) => e.url.endsWith('/replacing'))?.valueReference.reference,
    ).toBe(`ChargeItem/${old.id}`);
    const back = (await (
      await fetch(`${ehr.fhirBase}/ChargeItem/${old.id}`, {
        headers: { authorization: `Bearer ${t}` },
      })
    ).json()) as {
      status: string;
      extension: { url: string; valueReference: { reference: string } }[];
    };
    expect(back.status).toBe('aborted');
    expect(back.extension.find((e) => e.url.endsWith('/offset-by'))?.valueReference.reference).toBe(
      `ChargeItem/${fresh.id}`,
    );
    const again = await send('POST', `ChargeItem/${old.id}/$modify`, params({ ...charge() }), t);
    expect(again.status).toBe(409);
  });

  it.each([
    ['no parameter', { resourceType: 'Parameters', parameter: [] }, 400],
    ['no id', params(charge()), 400],
    ['unknown id', params({ ...charge(), id: 'nope' }), 404],
  ])('refuses %s (%i)', async (_what, body, status) => {
    await useProfile('claim-less');
    const { token: t } = await token();
    expect((await send('POST', 'ChargeItem/$modify', body, t)).status).toBe(status);
  });

  it("refuses another patient's charge and is 404 where the profile has no ChargeItem", async () => {
    await useProfile('claim-less');
    const other = await fetch(`${ehr.fhirBase}/ChargeItem`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ehr.adminToken ?? ''}`,
        'content-type': 'application/fhir+json',
      },
      body: JSON.stringify(charge(PT2)),
    });
    const { id } = (await other.json()) as { id: string };
    const { token: t } = await token();
    expect((await send('POST', `ChargeItem/${id}/$modify`, params(charge()), t)).status).toBe(403);
    await useProfile('mar-read-only');
    expect((await send('POST', `ChargeItem/${id}/$modify`, params(charge()), t)).status).toBe(404);
  });
});
