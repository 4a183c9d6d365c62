// The coder's worklist over HTTP (msw): 50 visits of 50 patients load in a fixed number of
// requests and sequential rounds, never one request per visit in sequence.
import type { FhirResource, List } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { capabilityStatement, startMswServer, testLaunch } from '../../../test/msw/fhir-server.ts';
import { memoryServer } from '../../../test/msw/memory-server.ts';
import { FhirclientGateway } from '../fhirclient-gateway.ts';
import { MemoryGateway } from '../test-kit/memory-gateway.ts';
import { loadWorklist, type WorklistSource } from './work-queue.ts';

const server = startMswServer();

const VISITS = 50;

function clinicDay(): FhirResource[] {
  const out: FhirResource[] = [];
  for (let i = 0; i < VISITS; i++) {
    out.push(
      {
        resourceType: 'Patient',
        id: `p${i}`,
        name: [{ given: ['Test'], family: `Patient${i}` }],
      },
      {
        resourceType: 'Encounter',
        id: `e${i}`,
        status: 'finished',
        class: { code: 'AMB' },
        subject: { reference: `Patient/p${i}` },
        period: { start: '2026-08-03T09:00:00-04:00' },
        location: [{ location: { reference: 'Location/infusion' } }],
      },
      {
        resourceType: 'MedicationAdministration',
        id: `a${i}`,
        status: 'completed',
        subject: { reference: `Patient/p${i}` },
        context: { reference: `Encounter/e${i}` },
        medicationCodeableConcept: { text: 'ondansetron' },
        effectivePeriod: { start: '2026-08-03T09:10:00-04:00', end: '2026-08-03T09:40:00-04:00' },
      },
    );
  }
  const queue: List = {
    resourceType: 'List',
    id: 'queue',
    status: 'current',
    mode: 'working',
    title: 'Coding queue',
    entry: Array.from({ length: VISITS }, (_, i) => ({ item: { reference: `Encounter/e${i}` } })),
  };
  out.push({ resourceType: 'Location', id: 'infusion', name: 'Infusion center' }, queue);
  return out;
}

const TYPES = [
  'Patient',
  'Encounter',
  'MedicationAdministration',
  'Coverage',
  'CoverageEligibilityResponse',
  'Claim',
  'ExplanationOfBenefit',
  'ClaimResponse',
  'ResearchSubject',
  'Provenance',
  'Location',
  'List',
];

/** The memory gateway over msw; each request's sequential depth is recorded (1 + the deepest
 * request answered before it was received). */
function serve() {
  const store = new MemoryGateway(testLaunch(), clinicDay());
  const requests: { path: string; depth: number }[] = [];
  let answeredDepth = 0;
  const statement = capabilityStatement(
    Object.fromEntries(
      TYPES.map((t) => [
        t,
        {
          include: ['Encounter:patient', 'Encounter:location'].filter((i) => i.startsWith(`${t}:`)),
          revinclude: t === 'Claim' ? ['ClaimResponse:request', 'Provenance:target'] : [],
        },
      ]),
    ),
  );
  const around = async (request: Request, answer: () => Promise<Response>) => {
    const [type = '', id] = new URL(request.url).pathname.split('/').slice(2);
    if (type === 'metadata') return answer();
    const depth = answeredDepth + 1;
    requests.push({ path: id === undefined ? type : `${type}/:id`, depth });
    const response = await answer();
    answeredDepth = Math.max(answeredDepth, depth);
    return response;
  };
  server.use(...memoryServer(store, { statement, around }));
  return requests;
}

async function measure(source: WorklistSource) {
  const requests = serve();
  const gateway = new FhirclientGateway({
    launch: testLaunch({
      patientId: undefined,
      encounterId: undefined,
      grantedScopes: ['user/*.rs'],
    }),
    token: { accessToken: async () => 'token', refresh: async () => false },
  });
  await gateway.capabilities(); // the app asks for it at launch, before any screen
  const progress: (number | undefined)[] = [];
  const picture = await loadWorklist(gateway, source, (p) => progress.push(p.visits?.loaded));
  return {
    picture,
    requests: requests.length,
    rounds: Math.max(...requests.map((r) => r.depth)),
    perType: requests.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.path]: (acc[r.path] ?? 0) + 1 }),
      {},
    ),
    progress,
  };
}

describe('worklist of 50 visits over HTTP', () => {
  it('a day at a location: 12 requests in 2 sequential rounds, visit progress to 50', async () => {
    const m = await measure({ kind: 'day', date: '2026-08-03', location: 'Location/infusion' });
    expect(m.picture.encounters).toHaveLength(VISITS);
    expect([m.requests, m.rounds]).toEqual([12, 2]);
    // Never one per visit: each type is asked once per chunk of 40 patients at most.
    expect(Math.max(...Object.values(m.perType))).toBeLessThanOrEqual(2);
    expect(m.progress.at(-1)).toBe(VISITS);
    expect(m.progress.filter((n) => n !== undefined && n > 0 && n < VISITS)).not.toHaveLength(0);
  });

  it('a work-queue List: the List read, then 14 requests, 3 sequential rounds', async () => {
    const m = await measure({ kind: 'queue', list: 'List/queue' });
    expect(m.picture.encounters).toHaveLength(VISITS);
    expect(m.picture.title).toBe('Coding queue');
    expect(m.picture.skipped).toEqual([]);
    // List (1); Encounter by _id (2 chunks); Coverage, eligibility, Claim, ExplanationOfBenefit,
    // ResearchSubject (2 patient chunks each) and MedicationAdministration by visit (2 chunks).
    expect([m.requests, m.rounds]).toEqual([15, 3]);
    expect(m.perType['List/:id']).toBe(1);
    expect(Math.max(...Object.values(m.perType))).toBeLessThanOrEqual(2);
  });
});
