// Every nurse write gets a Provenance naming the nurse (issue 14; fhir-modeling §1.8): a start,
// stop or waste on a record, a start from an order, an injection (R21), a port flush (R24), a
// pump refill (R23.6) and a pump disconnect (R23.7). A retry never writes a second one; an EHR
// that does not take Provenance from this launch leaves the record saved without one.
import type {
  FhirResource,
  MedicationAdministration,
  MedicationRequest,
  Provenance,
} from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { FhirError } from '../../gateway.ts';
import {
  newAdministrationFromRequest,
  newInjectionFromRequest,
  newPumpDisconnect,
  newServiceFromRequest,
  type NewAdministrationInput,
  type NurseChange,
} from '../medication-administration.ts';
import {
  MemoryGateway,
  provenanceWrites,
  recordWrites,
  TEST_LAUNCH,
} from '../../test-kit/memory-gateway.ts';
import { sendEntry } from './pending-sender.ts';
import type { PendingEntry } from './pending-types.ts';

const NURSE = 'Practitioner/nurse-1';
const RECORDED = '2026-03-02T15:00:00.000Z';
const AT = '2026-03-02T10:00:00-05:00';
const scope = 'https://ehr.test/fhir|p1';

const running: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'ma1',
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  context: { reference: 'Encounter/e1' },
  medicationCodeableConcept: { text: 'Fluorouracil' },
  effectivePeriod: { start: '2026-03-02T09:00:00-05:00' },
};
const order: MedicationRequest & { id: string } = {
  resourceType: 'MedicationRequest',
  id: 'mr1',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Ondansetron' },
};
const fromOrder: NewAdministrationInput = {
  request: order,
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  performer: NURSE,
  at: AT,
  clientId: 'c-1',
};

function change(c: NurseChange): PendingEntry {
  return {
    key: 'k',
    scope,
    target: 'MedicationAdministration/ma1',
    baseEtag: 'W/"1"',
    change: c,
    label: 'x',
    state: 'waiting',
    attempts: 0,
    author: NURSE,
    recorded: RECORDED,
  };
}
function create(resource: MedicationAdministration): PendingEntry {
  return {
    key: 'k',
    scope,
    target: 'local:c-1',
    create: resource,
    clientId: 'c-1',
    label: 'x',
    state: 'waiting',
    attempts: 0,
    author: NURSE,
    recorded: RECORDED,
  };
}

const disconnect = newPumpDisconnect({
  pump: running,
  pumpRef: 'MedicationAdministration/ma1',
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  performer: NURSE,
  at: AT,
  clientId: 'c-1',
});

/** The one Provenance written, and the record it names. */
async function sent(gateway: MemoryGateway, entry: PendingEntry) {
  const out = await sendEntry(gateway, entry);
  expect(out.kind).toBe('sent');
  const id = out.kind === 'sent' ? out.result.resource.id : undefined;
  const provs = provenanceWrites(gateway).map((w) => w.resource as Provenance);
  return { id, provs };
}

describe('nurse writes get a Provenance naming the nurse', () => {
  it.each<[string, PendingEntry, 'CREATE' | 'UPDATE', string]>([
    ['start on a record', change({ kind: 'start', at: AT }), 'UPDATE', 'the start time'],
    ['stop', change({ kind: 'stop', at: AT }), 'UPDATE', 'the stop time'],
    [
      'waste',
      change({
        kind: 'waste',
        containers: [{ ndc: '0069-0076-01', count: 1 }],
        discarded: { value: 20, unit: 'mg' },
      }),
      'UPDATE',
      'the containers opened and the amount discarded',
    ],
    [
      'start from an order',
      create(newAdministrationFromRequest(fromOrder)),
      'CREATE',
      'the start of an ordered administration',
    ],
    [
      'R21 injection',
      create(
        newInjectionFromRequest({
          ...fromOrder,
          site: { code: '368208006', words: 'Left upper arm' },
        }),
      ),
      'CREATE',
      'an injection',
    ],
    [
      'R24 port flush',
      create(newServiceFromRequest(fromOrder, 'port-flush')),
      'CREATE',
      'a port flush',
    ],
    [
      'R23.6 pump refill',
      create(newServiceFromRequest(fromOrder, 'pump-refill')),
      'CREATE',
      'a pump refill',
    ],
    ['R23.7 pump disconnect', create(disconnect), 'CREATE', 'the pump disconnect'],
  ])('%s: one Provenance, target the record, author the nurse', async (_n, entry, op, words) => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running]);
    const { id, provs } = await sent(gateway, entry);
    expect(provs).toHaveLength(1);
    expect(provs[0]).toMatchObject({
      target: [{ reference: `MedicationAdministration/${id ?? ''}` }],
      recorded: RECORDED,
      activity: { coding: [{ code: op }], text: `Nurse recorded ${words}` },
      agent: [{ who: { reference: NURSE } }],
    });
    expect(recordWrites(gateway)).toHaveLength(1);
  });

  it('an entry kept from before it named its nurse: the launch user, the write’s own time', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running]);
    const { author: _a, recorded: _r, ...old } = change({ kind: 'stop', at: AT });
    const { provs } = await sent(gateway, old);
    expect(provs[0]).toMatchObject({ recorded: AT, agent: [{ who: { reference: NURSE } }] });
  });

  it('no nurse known (no fhirUser, none on the entry): no Provenance naming nobody', async () => {
    const gateway = new MemoryGateway({ ...TEST_LAUNCH, fhirUser: undefined }, [running]);
    const { author: _a, ...entry } = change({ kind: 'stop', at: AT });
    const { provs } = await sent(gateway, entry);
    expect(provs).toHaveLength(0);
    expect(recordWrites(gateway)).toHaveLength(1);
  });

  it('launch granted no Provenance create: the record is saved, no Provenance is tried', async () => {
    const gateway = new MemoryGateway(
      {
        ...TEST_LAUNCH,
        grantedScopes: ['patient/MedicationAdministration.cu', 'patient/Provenance.rs'],
      },
      [running],
    );
    const { provs } = await sent(gateway, change({ kind: 'stop', at: AT }));
    expect(provs).toHaveLength(0);
    expect(gateway.calls.some((c) => c.includes('Provenance'))).toBe(false);
  });
});

/** The next Provenance create fails as given: refused (405), dropped before it is stored, or
 * stored with its answer lost. */
function provenanceFaults(fault: 'refuse-405' | 'drop' | 'lose-answer', resources: FhirResource[]) {
  const gateway = new MemoryGateway(TEST_LAUNCH, resources);
  gateway.failOn(
    'create Provenance',
    fault === 'refuse-405'
      ? new FhirError('invalid', 'Not allowed', 405)
      : fault === 'drop'
        ? new FhirError('network', 'Connection dropped.')
        : 'lose-answer',
  );
  return gateway;
}

describe('a nurse Provenance is never written twice, and never loses the record', () => {
  it.each<[string, 'drop' | 'lose-answer', number]>([
    ['the Provenance POST dropped: the retry writes it', 'drop', 1],
    ['the Provenance landed, answer lost: the retry finds it', 'lose-answer', 1],
  ])('%s', async (_n, fault, want) => {
    const gateway = provenanceFaults(fault, [running]);
    const entry = change({ kind: 'stop', at: AT });
    expect((await sendEntry(gateway, entry)).kind).toBe('retry');
    const again = await sendEntry(gateway, { ...entry, attempts: 1 });
    expect(again.kind).toBe('sent');
    expect(provenanceWrites(gateway)).toHaveLength(want);
    expect(recordWrites(gateway)).toHaveLength(1);
  });

  it('a create whose Provenance dropped: the retry finds the record by client id and adds it', async () => {
    const gateway = provenanceFaults('drop', [running]);
    const entry = create(newServiceFromRequest(fromOrder, 'port-flush'));
    expect((await sendEntry(gateway, entry)).kind).toBe('retry');
    expect((await sendEntry(gateway, { ...entry, attempts: 1 })).kind).toBe('sent');
    expect(recordWrites(gateway)).toHaveLength(1);
    expect(provenanceWrites(gateway)).toHaveLength(1);
  });

  it.each<[string, NurseChange, string]>([
    ['a stop: the record stays saved', { kind: 'stop', at: AT }, 'sent'],
    [
      'a correction: its Provenance is required, the nurse is told',
      {
        kind: 'correct',
        field: 'stop',
        at: AT,
        previous: '2026-03-02T10:05:00-05:00',
        reason: 'Pump log',
        author: NURSE,
        recorded: RECORDED,
      },
      'failed',
    ],
  ])('EHR refuses Provenance (405), %s', async (_n, c, want) => {
    const gateway = provenanceFaults('refuse-405', [
      { ...running, effectivePeriod: { start: '2026-03-02T09:00:00-05:00', end: AT } },
    ]);
    expect((await sendEntry(gateway, change(c))).kind).toBe(want);
    expect(provenanceWrites(gateway)).toHaveLength(0);
  });
});
