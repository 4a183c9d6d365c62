import type { CapabilityStatement, FhirResource, Medication } from 'fhir/r4';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  FHIR_BASE,
  capabilityStatement,
  testLaunch,
  startMswServer,
} from '../../../test/msw/fhir-server.ts';
import { memoryServer } from '../../../test/msw/memory-server.ts';
import { FhirclientGateway } from '../fhirclient-gateway.ts';
import type { FhirGateway, LaunchContext } from '../gateway.ts';
import { MemoryGateway } from '../test-kit/memory-gateway.ts';
import { REQUESTED_SCOPES } from '../scopes.ts';
import { loadBillingPicture } from './load-billing-picture.ts';

const server = startMswServer();

const P = 'Patient/p1';
const bag: Medication = {
  resourceType: 'Medication',
  id: 'bag',
  code: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '0338-0049-04' }] },
};
const resources: FhirResource[] = [
  {
    resourceType: 'MedicationAdministration',
    id: 'a1',
    status: 'completed',
    subject: { reference: P },
    context: { reference: 'Encounter/e1' },
    medicationReference: { reference: 'Medication/m1' },
    request: { reference: `${FHIR_BASE}/MedicationRequest/r1` },
    effectivePeriod: { start: '2026-11-26T10:00:00-05:00', end: '2026-11-26T10:40:00-05:00' },
  },
  {
    resourceType: 'MedicationAdministration',
    id: 'a2',
    status: 'completed',
    subject: { reference: P },
    context: { reference: 'Encounter/e1' },
    contained: [bag],
    medicationReference: { reference: '#bag' },
    effectivePeriod: { start: '2026-11-26T10:45:00-05:00', end: '2026-11-26T11:50:00-05:00' },
  },
  {
    resourceType: 'MedicationAdministration',
    id: 'a3',
    status: 'completed',
    subject: { reference: P },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: 'Ondansetron' },
    effectiveDateTime: '2026-11-26T09:55:00-05:00',
  },
  {
    resourceType: 'Medication',
    id: 'm1',
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '0006-3026-02' }] },
  },
  {
    resourceType: 'MedicationRequest',
    id: 'r1',
    status: 'active',
    intent: 'order',
    subject: { reference: P },
    medicationReference: { reference: 'Medication/m1' },
  },
  {
    resourceType: 'Encounter',
    id: 'e1',
    status: 'finished',
    class: { code: 'AMB' },
    subject: { reference: P },
    location: [{ location: { reference: 'Location/l1' } }],
  },
  { resourceType: 'Location', id: 'l1' },
  {
    resourceType: 'Coverage',
    id: 'c1',
    status: 'active',
    beneficiary: { reference: P },
    payor: [],
  },
  {
    resourceType: 'Claim',
    id: 'pa1',
    status: 'active',
    use: 'preauthorization',
    patient: { reference: P },
  } as FhirResource,
  {
    resourceType: 'ClaimResponse',
    id: 'par1',
    status: 'active',
    use: 'preauthorization',
    outcome: 'complete',
    patient: { reference: P },
    request: { reference: 'Claim/pa1' },
  } as FhirResource,
  ...['eob1', 'eob2', 'eob3'].map((id): FhirResource => ({
    resourceType: 'ExplanationOfBenefit',
    id,
    status: 'active',
    type: { coding: [{ code: 'institutional' }] },
    use: 'claim',
    patient: { reference: P },
    created: '2026-07-20',
    insurer: { display: 'Acme PPO' },
    provider: { display: 'Clinic' },
    outcome: 'complete',
    insurance: [{ focal: true, coverage: { reference: 'Coverage/c1' } }],
  })),
  {
    resourceType: 'ResearchSubject',
    id: 'rs1',
    status: 'on-study',
    individual: { reference: P },
    study: { reference: 'ResearchStudy/st1' },
  },
  { resourceType: 'ResearchStudy', id: 'st1', status: 'active' },
  {
    resourceType: 'MedicationKnowledge',
    id: 'mk1',
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00006-3026-02' }] },
  },
];

const ALL_TYPES = [
  'MedicationAdministration',
  'Medication',
  'MedicationRequest',
  'Encounter',
  'Location',
  'Coverage',
  'CoverageEligibilityResponse',
  'Claim',
  'ClaimResponse',
  'ExplanationOfBenefit',
  'ResearchSubject',
  'ResearchStudy',
];

interface ServerSetup {
  includes?: boolean;
  revinclude?: boolean;
  types?: string[];
  forbidden?: string[];
  failing?: string[];
  pageSize?: number;
}

/** The memory gateway over msw, paging `pageSize` at a time. */
function serve(setup: ServerSetup = {}) {
  const includes = setup.includes !== false;
  const revinclude = setup.revinclude ?? includes;
  const store = new MemoryGateway(testLaunch(), resources, { includes, revincludes: revinclude });
  const requests: string[] = [];
  const types = setup.types ?? ALL_TYPES;
  const statement: CapabilityStatement = capabilityStatement(
    Object.fromEntries(
      types.map((t) => [
        t,
        {
          include: includes
            ? [
                'MedicationAdministration:medication',
                'MedicationAdministration:request',
                'MedicationAdministration:context',
                'Encounter:location',
                'ResearchSubject:study',
              ].filter((i) => i.startsWith(`${t}:`))
            : [],
          revinclude: revinclude && t === 'Claim' ? ['ClaimResponse:request'] : [],
        },
      ]),
    ),
  );
  // Searches are logged and may fail by type; everything else is the memory gateway's answer.
  const around = async (request: Request, answer: () => Promise<Response>) => {
    const url = new URL(request.url);
    const [type = '', id] = url.pathname.split('/').slice(2);
    if (type === 'metadata' || id !== undefined) return answer();
    requests.push(`${type}?${url.searchParams.toString()}`);
    if (setup.forbidden?.includes(type)) return new HttpResponse(null, { status: 403 });
    if (setup.failing?.includes(type)) return new HttpResponse(null, { status: 503 });
    return answer();
  };
  server.use(...memoryServer(store, { statement, pageSize: setup.pageSize ?? 100, around }));
  return { requests };
}

/** Wraps a gateway and measures sequential depth: a call's round is 1 + the deepest round
 * finished before it started. */
function measured(inner: FhirGateway): FhirGateway & { rounds: () => number } {
  let finishedDepth = 0;
  let maxDepth = 0;
  const track = <T>(p: () => Promise<T>): Promise<T> => {
    const depth = finishedDepth + 1;
    maxDepth = Math.max(maxDepth, depth);
    return p().finally(() => {
      finishedDepth = Math.max(finishedDepth, depth);
    });
  };
  return {
    launch: inner.launch,
    capabilities: () => track(() => inner.capabilities()),
    read: (t, id) => track(() => inner.read(t, id)),
    search: (t, p) => track(() => inner.search(t, p)),
    create: (r) => track(() => inner.create(r)),
    update: (r, m) => track(() => inner.update(r, m)),
    rounds: () => maxDepth,
  };
}

function httpGateway(launch: Partial<LaunchContext> = {}) {
  return measured(
    new FhirclientGateway({
      launch: testLaunch(launch),
      token: { accessToken: () => Promise.resolve('t'), refresh: () => Promise.resolve(false) },
    }),
  );
}

const ids = (rs: FhirResource[]) => rs.map((r) => `${r.resourceType}/${r.id}`).sort();
const EXPECTED_WITHOUT_MK = ids(resources.filter((r) => r.resourceType !== 'MedicationKnowledge'));

describe('loadBillingPicture', () => {
  it('loads everything in two sequential round trips with _include/_revinclude, paging to the end', async () => {
    const { requests } = serve({ pageSize: 2 });
    const gw = httpGateway();
    const picture = await loadBillingPicture(gw);
    expect(ids(picture.resources)).toEqual(EXPECTED_WITHOUT_MK);
    expect(picture.unreadable).toEqual([]);
    expect(gw.rounds()).toBeLessThanOrEqual(2);
    expect(
      requests.filter((r) => r.startsWith('MedicationAdministration?')).length,
    ).toBeGreaterThan(1);
    expect(requests.some((r) => r.startsWith('Medication?'))).toBe(false);
  });

  it('follows relative and absolute references when the server has no _include, never contained ones', async () => {
    const { requests } = serve({ includes: false });
    const gw = httpGateway();
    const picture = await loadBillingPicture(gw);
    expect(ids(picture.resources)).toEqual(EXPECTED_WITHOUT_MK);
    expect(requests).toContain('Medication?_id=m1');
    expect(requests).toContain('MedicationRequest?_id=r1');
    expect(requests.some((r) => r.includes('bag'))).toBe(false);
  });

  it('searches ClaimResponse itself on a server without _revinclude', async () => {
    const { requests } = serve({ revinclude: false });
    const picture = await loadBillingPicture(httpGateway());
    expect(requests).toContain('ClaimResponse?patient=p1');
    expect(ids(picture.resources)).toContain('ClaimResponse/par1');
  });

  it('sends exactly the supported includes once the CapabilityStatement is known', async () => {
    const { requests } = serve({ includes: false });
    const gw = httpGateway();
    await loadBillingPicture(gw);
    requests.length = 0;
    await loadBillingPicture(gw);
    expect(requests.filter((r) => r.includes('_include') || r.includes('_revinclude'))).toEqual([]);
  });

  it('records a 403 type as unreadable with a plain reason, and loads the rest', async () => {
    serve({ forbidden: ['Coverage'] });
    const picture = await loadBillingPicture(httpGateway());
    expect(picture.unreadable).toEqual([
      {
        resourceType: 'Coverage',
        reason: 'The EHR did not allow EveryDose to read insurance coverage.',
        failed: true,
      },
    ]);
    expect(ids(picture.resources)).toContain('MedicationAdministration/a1');
  });

  it('does not ask for a type whose scope was not granted', async () => {
    const { requests } = serve();
    const granted = REQUESTED_SCOPES.filter((s) => !s.startsWith('patient/Claim'));
    const picture = await loadBillingPicture(httpGateway({ grantedScopes: [...granted] }));
    expect(requests.some((r) => r.startsWith('Claim?'))).toBe(false);
    expect(picture.unreadable.map((u) => u.resourceType).sort()).toEqual([
      'Claim',
      'ClaimResponse',
    ]);
    expect(picture.unreadable[0]?.reason).toMatch(/not granted access/);
  });

  it('marks a type the CapabilityStatement does not list as unreadable', async () => {
    serve({ types: ALL_TYPES.filter((t) => t !== 'ResearchSubject' && t !== 'ResearchStudy') });
    const picture = await loadBillingPicture(httpGateway());
    expect(picture.unreadable).toContainEqual({
      resourceType: 'ResearchSubject',
      reason: 'The EHR does not offer clinical trial enrollment.',
    });
    expect(ids(picture.resources)).not.toContain('ResearchSubject/rs1');
  });

  it('asks for MedicationKnowledge by the NDCs seen when the server offers it', async () => {
    const { requests } = serve({ types: [...ALL_TYPES, 'MedicationKnowledge'] });
    const gw = httpGateway();
    const picture = await loadBillingPicture(gw);
    expect(ids(picture.resources)).toContain('MedicationKnowledge/mk1');
    const mk = requests.find((r) => r.startsWith('MedicationKnowledge?')) ?? '';
    expect(decodeURIComponent(mk)).toContain('http://hl7.org/fhir/sid/ndc|00006-3026-02');
    expect(gw.rounds()).toBeLessThanOrEqual(2);
  });

  it('fails with the plain FhirError when the server errors (no silent "none")', async () => {
    serve();
    server.use(http.get(`${FHIR_BASE}/Encounter`, () => new HttpResponse(null, { status: 500 })));
    await expect(loadBillingPicture(httpGateway())).rejects.toMatchObject({ kind: 'server' });
  });

  it('works the same over the memory gateway', async () => {
    const picture = await loadBillingPicture(new MemoryGateway(testLaunch(), resources));
    expect(ids(picture.resources)).toEqual(ids(resources));
  });

  describe('ExplanationOfBenefit (issue 17 §4: payers that report denials only as EOB)', () => {
    const EOB = 'ExplanationOfBenefit';
    const eobRequests = (requests: string[]) => requests.filter((r) => r.startsWith(`${EOB}?`));

    it('reads the patient’s EOBs in round 1, paged to the end, with nothing unreadable', async () => {
      const { requests } = serve({ pageSize: 2 });
      const gw = httpGateway();
      const picture = await loadBillingPicture(gw);
      expect(ids(picture.resources)).toEqual(
        expect.arrayContaining([`${EOB}/eob1`, `${EOB}/eob2`, `${EOB}/eob3`]),
      );
      expect(eobRequests(requests)[0]).toBe(`${EOB}?patient=p1&_count=100`);
      expect(eobRequests(requests).length).toBe(2);
      expect(picture.unreadable).toEqual([]);
      expect(gw.rounds()).toBeLessThanOrEqual(2);
    });

    it('skips a server whose CapabilityStatement does not offer EOB, saying so plainly', async () => {
      const { requests } = serve({ types: ALL_TYPES.filter((t) => t !== EOB) });
      const gw = httpGateway();
      const first = await loadBillingPicture(gw);
      expect(first.unreadable).toEqual([
        { resourceType: EOB, reason: 'The EHR does not offer payers’ explanations of benefit.' },
      ]);
      expect(ids(first.resources)).not.toContain(`${EOB}/eob1`);
      requests.length = 0;
      const again = await loadBillingPicture(gw);
      expect(eobRequests(requests)).toEqual([]);
      expect(again.unreadable.map((u) => u.resourceType)).toEqual([EOB]);
    });

    it.each([
      [403, 'The EHR did not allow EveryDose to read payers’ explanations of benefit.'],
      [
        503,
        'The EHR could not send payers’ explanations of benefit (error 503), so they could not be read.',
      ],
    ] as const)(
      'a %i on EOB is "could not be read" and the visit still loads',
      async (status, reason) => {
        serve(status === 403 ? { forbidden: [EOB] } : { failing: [EOB] });
        const picture = await loadBillingPicture(httpGateway());
        expect(picture.unreadable).toEqual([{ resourceType: EOB, reason, failed: true }]);
        expect(reason).not.toMatch(/does not offer|none|no /i);
        expect(ids(picture.resources)).toContain('MedicationAdministration/a1');
        expect(ids(picture.resources)).toContain('ClaimResponse/par1');
      },
    );

    it('does not ask for EOB when its scope was not granted', async () => {
      const { requests } = serve();
      const granted = REQUESTED_SCOPES.filter((s) => s !== `patient/${EOB}.rs`);
      const picture = await loadBillingPicture(httpGateway({ grantedScopes: [...granted] }));
      expect(eobRequests(requests)).toEqual([]);
      expect(picture.unreadable).toEqual([
        {
          resourceType: EOB,
          reason: 'EveryDose was not granted access to payers’ explanations of benefit.',
        },
      ]);
    });
  });
});
