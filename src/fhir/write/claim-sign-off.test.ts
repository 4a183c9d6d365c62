import type { CapabilityStatement, Claim, FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { FhirError, type FhirGateway, type LaunchContext } from '../gateway.ts';
import { findExistingClaim } from './claim-existing.ts';
import { SignOffNotRecorded, writeBlockers, writeSignOff } from './claim-sign-off.ts';

const WRITE_SCOPES = ['patient/Claim.cu', 'patient/Provenance.c'];

type RestResource = NonNullable<
  NonNullable<CapabilityStatement['rest']>[number]['resource']
>[number];

function capability(types: Partial<Record<RestResource['type'], string[]>>): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        resource: (Object.keys(types) as RestResource['type'][]).map((type) => ({
          type,
          interaction: (types[type] ?? []).map((code) => ({ code: code as 'create' })),
        })),
      },
    ],
  };
}
const FULL = capability({ Claim: ['read', 'create', 'update'], Provenance: ['create'] });

describe('writeBlockers', () => {
  it.each<[string, CapabilityStatement | undefined, string[], boolean, RegExp[]]>([
    ['all allowed (create)', FULL, WRITE_SCOPES, false, []],
    ['all allowed (update)', FULL, WRITE_SCOPES, true, []],
    [
      'no Claim write scope',
      FULL,
      ['patient/Provenance.c'],
      false,
      [/permission to create claims/],
    ],
    ['no Provenance scope', FULL, ['patient/Claim.cu'], false, [/who signed off/]],
    [
      'read-only Claim scope',
      FULL,
      ['patient/Claim.rs', 'patient/Provenance.c'],
      false,
      [/create claims/],
    ],
    [
      'create-only Claim scope, updating',
      FULL,
      ['patient/Claim.c', 'patient/Provenance.c'],
      true,
      [/update claims/],
    ],
    ['v1 write scopes', FULL, ['patient/Claim.write', 'patient/Provenance.write'], true, []],
    ['wildcard scope', FULL, ['patient/*.*'], true, []],
    ['no scope list given: the server decides', FULL, [], true, []],
    [
      'server without Claim create',
      capability({ Claim: ['read'], Provenance: ['create'] }),
      WRITE_SCOPES,
      false,
      [/does not accept claim creates/],
    ],
    [
      'server without Claim update (existing draft)',
      capability({ Claim: ['read', 'create'], Provenance: ['create'] }),
      WRITE_SCOPES,
      true,
      [/does not accept claim updates/],
    ],
    [
      'server without Provenance at all',
      capability({ Claim: ['create'] }),
      WRITE_SCOPES,
      false,
      [/does not accept sign-off records/],
    ],
    [
      'types listed without declared interactions: the server decides',
      capability({ Claim: [], Provenance: [] }),
      WRITE_SCOPES,
      true,
      [],
    ],
    ['no CapabilityStatement', undefined, WRITE_SCOPES, false, [/did not say what it supports/]],
  ])('%s', (_name, cs, scopes, updating, expected) => {
    const reasons = writeBlockers(cs, scopes, updating);
    expect(reasons).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(reasons[i]).toMatch(re));
  });
});

interface Call {
  op: 'create' | 'update' | 'read';
  resource?: FhirResource;
  ifMatch?: string;
}

function fakeGateway(over: Partial<FhirGateway> = {}): { gw: FhirGateway; calls: Call[] } {
  const calls: Call[] = [];
  let n = 0;
  const launch: LaunchContext = {
    serverUrl: 'http://ehr/fhir',
    patientId: 'p1',
    encounterId: 'e1',
    fhirUser: 'Practitioner/coder-1',
    needPatientBanner: false,
    intent: 'coder',
    grantedScopes: WRITE_SCOPES,
  };
  const gw: FhirGateway = {
    launch,
    capabilities: () => Promise.resolve(FULL),
    read: () => Promise.reject(new FhirError('not-found', 'Not found', 404)),
    search: () => Promise.resolve([]),
    create: <T extends FhirResource>(r: T) => {
      calls.push({ op: 'create', resource: r });
      n += 1;
      return Promise.resolve({
        resource: { ...r, id: `new-${n}`, meta: { versionId: '1' } } as T,
        etag: 'W/"1"',
      });
    },
    update: <T extends FhirResource>(r: T & { id: string }, ifMatch: string) => {
      calls.push({ op: 'update', resource: r, ifMatch });
      return Promise.resolve({ resource: { ...r, meta: { versionId: '4' } } as T, etag: 'W/"4"' });
    },
    ...over,
  };
  return { gw, calls };
}

const drafted: Claim = {
  resourceType: 'Claim',
  id: 'claim-1',
  meta: { versionId: '3' },
  status: 'draft',
  use: 'claim',
  type: { coding: [{ code: 'professional' }] },
  patient: { reference: 'Patient/p1' },
  created: '2026-03-02',
  provider: { reference: 'Organization/clinic' },
  priority: { coding: [{ code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/c1' } }],
  item: [
    {
      sequence: 1,
      productOrService: { coding: [{ code: '96413' }] },
      encounter: [{ reference: 'Encounter/e1' }],
    },
  ],
};
const newClaim: Claim = { ...drafted, id: undefined, meta: undefined };

describe('writeSignOff', () => {
  it('creates a new draft and a Provenance pointing at its version', async () => {
    const { gw, calls } = fakeGateway();
    const out = await writeSignOff(gw, {
      claim: newClaim,
      author: 'Practitioner/coder-1',
      recorded: '2026-03-03T10:00:00.000Z',
      sources: ['MedicationAdministration/a1'],
    });
    expect(calls.map((c) => c.op)).toEqual(['create', 'create']);
    expect(calls[0]?.resource?.resourceType).toBe('Claim');
    expect(out.claim.id).toBe('new-1');
    expect(out.provenance).toMatchObject({
      target: [{ reference: 'Claim/new-1' }],
      agent: [{ who: { reference: 'Practitioner/coder-1' } }],
    });
  });

  it('updates the existing draft with If-Match from the version the coder reviewed', async () => {
    const { gw, calls } = fakeGateway();
    const existing = findExistingClaim([drafted], 'Encounter/e1');
    expect(existing?.etag).toBe('W/"3"');
    const out = await writeSignOff(gw, {
      claim: newClaim,
      ...(existing ? { existing } : {}),
      author: 'Practitioner/coder-1',
      recorded: '2026-03-03T10:00:00.000Z',
      sources: [],
    });
    expect(calls[0]).toMatchObject({ op: 'update', ifMatch: 'W/"3"', resource: { id: 'claim-1' } });
    expect(out.provenance.target[0]?.reference).toBe('Claim/claim-1');
    expect(out.provenance.entity?.[0]).toEqual({
      role: 'revision',
      what: { reference: 'Claim/claim-1/_history/3' },
    });
    expect(out.provenance.activity?.coding?.[0]?.code).toBe('UPDATE');
  });

  it('creates a new draft when the existing claim is no longer a draft', async () => {
    const { gw, calls } = fakeGateway();
    const existing = findExistingClaim([{ ...drafted, status: 'active' }], 'Encounter/e1');
    await writeSignOff(gw, {
      claim: newClaim,
      ...(existing ? { existing } : {}),
      author: 'Practitioner/coder-1',
      recorded: '2026-03-03T10:00:00.000Z',
      sources: [],
    });
    expect(calls.map((c) => c.op)).toEqual(['create', 'create']);
  });

  it('passes a conflict (someone changed the claim) through without writing a Provenance', async () => {
    const { gw, calls } = fakeGateway({
      update: () => Promise.reject(new FhirError('conflict', 'Changed', 412)),
    });
    const existing = findExistingClaim([drafted], 'Encounter/e1');
    await expect(
      writeSignOff(gw, {
        claim: newClaim,
        ...(existing ? { existing } : {}),
        author: 'Practitioner/coder-1',
        recorded: '2026-03-03T10:00:00.000Z',
        sources: [],
      }),
    ).rejects.toMatchObject({ kind: 'conflict' });
    expect(calls).toHaveLength(0);
  });

  it('says the claim was saved but the sign-off not recorded when the Provenance fails', async () => {
    let creates = 0;
    const { gw } = fakeGateway();
    const inner = gw.create.bind(gw);
    const failing: FhirGateway = {
      ...gw,
      create: <T extends FhirResource>(r: T) => {
        creates += 1;
        return r.resourceType === 'Provenance'
          ? Promise.reject(new FhirError('forbidden', 'No', 403))
          : inner(r);
      },
    };
    const err: unknown = await writeSignOff(failing, {
      claim: newClaim,
      author: 'Practitioner/coder-1',
      recorded: '2026-03-03T10:00:00.000Z',
      sources: [],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignOffNotRecorded);
    expect((err as SignOffNotRecorded).claim.id).toBe('new-1');
    expect(creates).toBe(2);
  });
});
