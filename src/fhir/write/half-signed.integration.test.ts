// Issue 14 §3 over HTTP (msw): the sign-off's Provenance POST fails after its Claim was saved;
// a new launch finds the claim half-signed and writes only the missing Provenance, for that
// exact Claim version, naming the coder. A Provenance that landed with its answer lost is found
// again and never written twice.
import type { Claim, Provenance } from 'fhir/r4';
import { beforeEach, describe, expect, it } from 'vitest';
import { startMswServer, testLaunch } from '../../../test/msw/fhir-server.ts';
import { memoryServer } from '../../../test/msw/memory-server.ts';
import { FhirError } from '../gateway.ts';
import { MemoryGateway } from '../test-kit/memory-gateway.ts';
import { FhirclientGateway } from '../fhirclient-gateway.ts';
import { findExistingClaim } from './claim-existing.ts';
import { finishSignOff, SignOffNotRecorded, writeSignOff } from './claim-sign-off.ts';
import { preflightSignOff, readSignOffs } from './sign-off-record.ts';

const CODER = 'Practitioner/coder-1';

const draft: Claim & { id: string } = {
  resourceType: 'Claim',
  id: 'c1',
  meta: { versionId: '1' },
  status: 'draft',
  use: 'claim',
  type: { coding: [{ code: 'professional' }] },
  patient: { reference: 'Patient/p1' },
  created: '2026-08-07',
  provider: { reference: 'Organization/clinic' },
  priority: { coding: [{ code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/cov1' } }],
  item: [
    {
      sequence: 1,
      productOrService: { coding: [{ code: '96413' }] },
      encounter: [{ reference: 'Encounter/e1' }],
    },
  ],
};

/** The one memory FHIR server, over HTTP: every Claim version and Provenance it stores. */
let store = new MemoryGateway(testLaunch(), [draft]);
/** Claim writes and Provenance POSTs the server received (stored or not), in order. */
const writes = () => store.calls.filter((c) => /^(create|update) /.test(c));
const versions = () => store.versions('Claim', 'c1') as (Claim & { id: string })[];
const provenances = () => store.stored('Provenance') as Provenance[];
const current = () => versions().at(-1);
const dropped = () => new FhirError('network', 'Connection dropped.');

const server = startMswServer();
beforeEach(() => {
  store = new MemoryGateway(testLaunch(), [draft]);
  server.use(...memoryServer(store));
});

/** A launch as the coder: a fresh gateway, as after a reload. */
function launchGateway() {
  return new FhirclientGateway({
    launch: testLaunch({ fhirUser: CODER, intent: 'coder' }),
    token: { accessToken: () => Promise.resolve('t'), refresh: () => Promise.resolve(false) },
    sleep: () => Promise.resolve(),
  });
}

/** What a new launch does when the coder presses "Sign off" on the visit. */
async function signOnNewLaunch(now: string) {
  const gw = launchGateway();
  const reviewed = findExistingClaim(await gw.search('Claim', { patient: 'p1' }), 'Encounter/e1');
  const pre = await preflightSignOff(gw, {
    reviewed,
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    amending: false,
  });
  if (pre.kind !== 'half-signed') return pre.kind;
  const done = await finishSignOff(gw, pre.claim, { author: CODER, now, sources: [] }, pre.mark);
  return `finished:${done.kind}`;
}

async function firstAttempt(): Promise<unknown> {
  const gw = launchGateway();
  const existing = findExistingClaim([draft], 'Encounter/e1');
  return writeSignOff(gw, {
    claim: { ...draft, item: draft.item },
    ...(existing ? { existing } : {}),
    author: CODER,
    recorded: '2026-08-07T19:00:00.000Z',
    sources: ['MedicationAdministration/a1'],
  }).catch((e: unknown) => e);
}

describe('a reload between the Claim write and its Provenance (issue 14 §3)', () => {
  it('the Provenance POST fails once; the next launch writes only it, for version 2', async () => {
    store.failOn('create Provenance', dropped()); // nothing stored, the connection drops
    expect(await firstAttempt()).toBeInstanceOf(SignOffNotRecorded);
    expect(versions()).toHaveLength(2);
    expect(provenances()).toHaveLength(0);

    expect(await signOnNewLaunch('2026-08-07T19:05:00.000Z')).toBe('finished:recorded');
    expect(writes()).toEqual(['update Claim/c1', 'create Provenance', 'create Provenance']);
    expect(versions()).toHaveLength(2); // never a second claim version
    expect(provenances()).toHaveLength(1);
    const p = provenances()[0];
    expect(p?.target).toEqual([{ reference: 'Claim/c1' }]);
    expect(p?.agent[0]?.who?.reference).toBe(CODER);
    // The coder who signed finishes it: the instant of her sign-off, not of the reload.
    expect(p?.recorded).toBe('2026-08-07T19:00:00.000Z');
    const records = await readSignOffs(launchGateway(), 'c1');
    expect(records.map((r) => r.version)).toEqual(['2']);

    // Yet another launch: signed, nothing written.
    expect(await signOnNewLaunch('2026-08-07T19:10:00.000Z')).toBe('already-signed');
    expect(writes()).toHaveLength(3);
  });

  it('a Provenance that landed with its answer lost is found, never written twice', async () => {
    store.failOn('create Provenance', 'lose-answer'); // stored, then it drops
    expect(await firstAttempt()).toBeInstanceOf(SignOffNotRecorded);
    expect(provenances()).toHaveLength(1);
    // Its record already matches the claim's mark: the next launch sees it signed.
    expect(await signOnNewLaunch('2026-08-07T19:05:00.000Z')).toBe('already-signed');
    // Finishing from the failed screen (no reload) reads first and writes nothing either.
    const saved = current();
    if (!saved) throw new Error('no claim');
    const done = await finishSignOff(launchGateway(), saved, {
      author: CODER,
      now: '2026-08-07T19:06:00.000Z',
      sources: [],
    });
    expect(done.kind).toBe('already');
    expect(provenances()).toHaveLength(1);
    expect(versions()).toHaveLength(2);
  });

  it('a clean sign-off marks the claim and records it at once (nothing half-signed)', async () => {
    const result = await firstAttempt();
    expect(result).not.toBeInstanceOf(Error);
    expect(provenances()).toHaveLength(1);
    expect(await signOnNewLaunch('2026-08-07T19:05:00.000Z')).toBe('already-signed');
    expect(versions()).toHaveLength(2);
  });
});
