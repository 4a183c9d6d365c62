import type { MedicationAdministration, MedicationRequest } from 'fhir/r4';
import { beforeEach, describe, expect, it } from 'vitest';
import { FhirError } from '../../gateway.ts';
import { newAdministrationFromRequest } from '../medication-administration.ts';
import {
  MemoryGateway,
  TEST_LAUNCH,
  provenanceWrites,
  recordWrites,
} from '../../test-kit/memory-gateway.ts';
import { PendingQueue, type QueueClock } from './pending-queue.ts';
import { PENDING_STORAGE_KEY, PendingStore } from './pending-store.ts';
import type { PendingEntry } from './pending-types.ts';

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

class FakeClock implements QueueClock {
  t = 1_000_000;
  timers: { at: number; fn: () => void }[] = [];
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const timer = { at: this.t + ms, fn };
    this.timers.push(timer);
    return timer;
  };
  clearTimeout = (h: unknown) => {
    this.timers = this.timers.filter((x) => x !== h);
  };
  advance(ms: number) {
    this.t += ms;
    const due = this.timers.filter((x) => x.at <= this.t);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const d of due) d.fn();
  }
}

const ma: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'ma1',
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  context: { reference: 'Encounter/e1' },
  medicationCodeableConcept: { text: 'Pembrolizumab' },
  effectivePeriod: { start: '2026-03-02T09:00:00-05:00' },
};
const order: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'mr1',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Ondansetron' },
};
const STOP = '2026-03-02T10:00:00-05:00';
const scope = 'https://ehr.test/fhir|p1';

function stopEntry(key = 'k1', baseEtag = 'W/"1"'): PendingEntry {
  return {
    key,
    scope,
    target: 'MedicationAdministration/ma1',
    baseEtag,
    change: { kind: 'stop', at: STOP },
    label: 'Stop time',
    state: 'waiting',
    attempts: 0,
  };
}

let storage: MemoryStorage;
let clock: FakeClock;
let gateway: MemoryGateway;
let sent: MedicationAdministration[];
let online: boolean;

function makeQueue(store: PendingStore) {
  return new PendingQueue({
    store,
    gateway,
    clock,
    onSent: (r) => sent.push(r),
    isOnline: () => online,
  });
}

async function stored(id: string) {
  return (await gateway.read<MedicationAdministration>('MedicationAdministration', id)).resource;
}

beforeEach(() => {
  storage = new MemoryStorage();
  clock = new FakeClock();
  gateway = new MemoryGateway(TEST_LAUNCH, [ma, order]);
  sent = [];
  online = true;
});

describe('pending queue: nothing lost', () => {
  it('sends a stop time with If-Match and forgets the entry once confirmed', async () => {
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    store.add(stopEntry());
    queue.kick();
    await queue.whenIdle();
    expect((await stored('ma1')).effectivePeriod?.end).toBe(STOP);
    expect(store.list()).toEqual([]);
    expect(storage.getItem(PENDING_STORAGE_KEY)).toBeNull();
    expect(sent).toHaveLength(1);
  });

  it('keeps the entry while offline, survives a reload, and sends it on the online event', async () => {
    online = false;
    const store = new PendingStore(storage, scope);
    makeQueue(store).kick();
    store.add(stopEntry());
    expect(gateway.calls).toEqual([]);
    // Page reload: a new store reads sessionStorage back.
    const reloaded = new PendingStore(storage, scope);
    expect(reloaded.list().map((e) => e.key)).toEqual(['k1']);
    expect(new PendingStore(storage, 'https://ehr.test/fhir|p2').list()).toEqual([]);
    const queue = makeQueue(reloaded);
    queue.kick();
    await queue.whenIdle();
    expect(gateway.calls).toEqual([]);
    online = true;
    queue.kick(); // what the window 'online' listener does
    await queue.whenIdle();
    expect((await stored('ma1')).effectivePeriod?.end).toBe(STOP);
    expect(reloaded.list()).toEqual([]);
  });

  it('retries a lost network with backoff and says why meanwhile', async () => {
    gateway.offline = true;
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    store.add(stopEntry());
    queue.kick();
    await queue.whenIdle();
    expect(store.get('k1')).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(store.get('k1')?.error).toMatch(/No connection/);
    clock.advance(1999);
    await queue.whenIdle();
    expect(gateway.calls).toHaveLength(1);
    clock.advance(1);
    await queue.whenIdle();
    expect(gateway.calls).toHaveLength(2);
    expect(store.get('k1')?.attempts).toBe(2);
    gateway.offline = false;
    clock.advance(4000);
    await queue.whenIdle();
    expect(store.list()).toEqual([]);
  });

  it('waits as long as a 429 Retry-After asks', async () => {
    gateway.failNext = [new FhirError('rate-limited', 'Too many', 429, 30)];
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    store.add(stopEntry());
    queue.kick();
    await queue.whenIdle();
    expect(store.get('k1')?.nextAttemptAt).toBe(clock.t + 30_000);
  });

  it.each([
    ['forbidden', 403, /permission/],
    ['unauthorized', 401, /sign-in/],
    ['not-found', 404, /no longer/],
  ] as const)(
    'a %s answer keeps the entry as failed with plain words',
    async (kind, status, why) => {
      gateway.failNext = [new FhirError(kind, 'x', status)];
      const store = new PendingStore(storage, scope);
      const queue = makeQueue(store);
      store.add(stopEntry());
      queue.kick();
      await queue.whenIdle();
      expect(store.get('k1')).toMatchObject({ state: 'failed' });
      expect(store.get('k1')?.error).toMatch(why);
      queue.retry('k1');
      await queue.whenIdle();
      expect(store.list()).toEqual([]);
    },
  );

  it('a write that landed but whose answer was lost is not sent twice', async () => {
    gateway.loseNextWriteAnswer = true;
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    store.add(stopEntry());
    queue.kick();
    await queue.whenIdle();
    expect(store.get('k1')?.state).toBe('waiting');
    clock.advance(2000);
    await queue.whenIdle();
    expect(store.list()).toEqual([]);
    expect(recordWrites(gateway)).toHaveLength(1);
    expect(provenanceWrites(gateway)).toHaveLength(1); // its Provenance, once too
  });

  it('a create whose answer was lost is found by its client id, and a queued stop follows it', async () => {
    const create = newAdministrationFromRequest({
      request: { ...order, id: 'mr1' },
      patient: 'Patient/p1',
      encounter: 'Encounter/e1',
      performer: 'Practitioner/nurse-1',
      at: '2026-03-02T09:30:00-05:00',
      clientId: 'c-1',
    });
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    gateway.loseNextWriteAnswer = true;
    store.add({
      key: 'a',
      scope,
      target: 'local:c-1',
      create,
      clientId: 'c-1',
      label: 'Start',
      state: 'waiting',
      attempts: 0,
    });
    store.add({
      key: 'b',
      scope,
      target: 'local:c-1',
      change: { kind: 'stop', at: STOP },
      label: 'Stop',
      state: 'waiting',
      attempts: 0,
    });
    queue.kick();
    await queue.whenIdle();
    expect(store.list().map((e) => e.key)).toEqual(['a', 'b']);
    clock.advance(2000);
    await queue.whenIdle();
    expect(store.list()).toEqual([]);
    const creates = recordWrites(gateway).filter((w) => w.method === 'create');
    expect(creates).toHaveLength(1);
    const id = creates[0]?.resource.id ?? '';
    expect((await stored(id)).effectivePeriod).toEqual({
      start: '2026-03-02T09:30:00-05:00',
      end: STOP,
    });
  });

  it('two entries on one record go in order, the second on the first’s new version', async () => {
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    store.add(stopEntry('k1'));
    store.add({
      ...stopEntry('k2'),
      change: {
        kind: 'waste',
        containers: [{ ndc: '00006302602', count: 2 }],
        discarded: { value: 56, unit: 'mg' },
      },
    });
    queue.kick();
    await queue.whenIdle();
    expect(store.list()).toEqual([]);
    const saved = await stored('ma1');
    expect(saved.effectivePeriod?.end).toBe(STOP);
    expect(saved.extension?.length).toBe(2);
  });
});

describe('pending queue: 412, someone else changed it', () => {
  async function theyChangedIt() {
    const { resource, etag } = await gateway.read<MedicationAdministration>(
      'MedicationAdministration',
      'ma1',
    );
    await gateway.update(
      {
        ...resource,
        id: 'ma1',
        note: [{ text: 'their note' }],
        effectivePeriod: {
          start: resource.effectivePeriod?.start ?? '',
          end: '2026-03-02T09:50:00-05:00',
        },
        status: 'completed',
      },
      etag ?? '',
    );
  }

  it('shows both versions; keep mine re-applies on the fresh version', async () => {
    await theyChangedIt();
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    store.add(stopEntry());
    queue.kick();
    await queue.whenIdle();
    const e = store.get('k1');
    expect(e?.state).toBe('conflict');
    expect(e?.conflict?.theirs.effectivePeriod?.end).toBe('2026-03-02T09:50:00-05:00');
    expect(e?.conflict?.etag).toBe('W/"2"');
    expect((await stored('ma1')).effectivePeriod?.end).toBe('2026-03-02T09:50:00-05:00');
    queue.keepMine('k1');
    await queue.whenIdle();
    const saved = await stored('ma1');
    expect(saved.effectivePeriod?.end).toBe(STOP);
    expect(saved.note).toEqual([{ text: 'their note' }]);
    expect(store.list()).toEqual([]);
  });

  it('keep theirs drops mine and writes nothing', async () => {
    await theyChangedIt();
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    store.add(stopEntry());
    queue.kick();
    await queue.whenIdle();
    queue.drop('k1');
    await queue.whenIdle();
    expect(store.list()).toEqual([]);
    expect(gateway.writes).toHaveLength(1);
    expect((await stored('ma1')).effectivePeriod?.end).toBe('2026-03-02T09:50:00-05:00');
  });

  it('a race between read and PUT ends in the same choice (If-Match)', async () => {
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    const realRead = gateway.read.bind(gateway);
    let first = true;
    gateway.read = async (type, id) => {
      const r = await realRead(type, id);
      if (first) {
        first = false;
        await theyChangedIt();
      }
      return r as never;
    };
    store.add(stopEntry());
    queue.kick();
    await queue.whenIdle();
    expect(store.get('k1')?.state).toBe('conflict');
    expect(store.get('k1')?.conflict?.etag).toBe('W/"2"');
  });

  it('a conflict is found again after a reload (not persisted, re-detected)', async () => {
    await theyChangedIt();
    const store = new PendingStore(storage, scope);
    const queue = makeQueue(store);
    store.add(stopEntry());
    queue.kick();
    await queue.whenIdle();
    const reloaded = new PendingStore(storage, scope);
    expect(reloaded.get('k1')).toMatchObject({ state: 'waiting' });
    expect(reloaded.get('k1')?.conflict).toBeUndefined();
    const q2 = makeQueue(reloaded);
    q2.kick();
    await q2.whenIdle();
    expect(reloaded.get('k1')?.state).toBe('conflict');
  });
});
