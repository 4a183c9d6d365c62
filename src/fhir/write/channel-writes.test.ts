import type { ChargeItem, Claim, DocumentReference, MedicationAdministration } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { testLaunch } from '../../../test/msw/fhir-server.ts';
import { FhirError } from '../gateway.ts';
import { MemoryGateway } from '../test-kit/memory-gateway.ts';
import { buildAdministrationNote, changeText, marTaskList } from './administration-note.ts';
import { existingCharges, writeCharges } from './charge-write.ts';
import type { SignedLine } from './claim-builder.ts';
import { buildCodingNote } from './coding-note.ts';
import { base64Utf8, structuredOf } from './document-note.ts';
import type { NurseChange } from './medication-administration.ts';
import { writeNurseFallback } from './nurse-channels.ts';
import { writeSignOffByChannel, type ChannelSignOff } from './sign-off-channels.ts';
import type { WriteSupport } from './write-support.ts';

const ma: MedicationAdministration & { id: string } = {
  resourceType: 'MedicationAdministration',
  id: 'a1',
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  context: { reference: 'Encounter/e1' },
  medicationCodeableConcept: { text: 'Paclitaxel' },
  effectivePeriod: { start: '2026-11-26T09:00:00-05:00' },
};
const stop: NurseChange = { kind: 'stop', at: '2026-11-26T10:31:00-05:00' };

function textOf(doc: DocumentReference): string {
  return base64Utf8(doc.content[0]?.attachment.data ?? '');
}

describe('nurse: clinical note and MAR task list', () => {
  it.each<[string, NurseChange, RegExp]>([
    [
      'start',
      { kind: 'start', at: '2026-11-26T09:00:00-05:00' },
      /start time 2026-11-26T09:00:00-05:00\.$/,
    ],
    ['stop', stop, /stop time 2026-11-26T10:31:00-05:00\.$/],
    ['stopped early', { ...stop, stoppedEarly: true }, /\(stopped early\)\.$/],
    [
      'waste',
      {
        kind: 'waste',
        containers: [
          { ndc: '0069-0076-01', count: 2 },
          { ndc: 'x', count: 0 },
        ],
        discarded: { value: 20, unit: 'mg' },
      },
      /containers opened 2 × NDC 0069-0076-01; amount discarded 20 mg\.$/,
    ],
    [
      'waste, nothing opened',
      { kind: 'waste', containers: [], discarded: { value: 0, unit: 'mg' } },
      /containers opened none/,
    ],
  ])('%s is said in plain words', (_name, change, want) => {
    expect(changeText({ administration: ma, change, drugName: 'Paclitaxel' })).toMatch(want);
  });

  it('the note links the administration and encounter, and carries the changed record', () => {
    const doc = buildAdministrationNote({
      administration: ma,
      change: stop,
      drugName: 'Paclitaxel',
      author: 'Practitioner/nurse-1',
      recorded: '2026-11-26T15:31:05Z',
    });
    expect(doc.subject?.reference).toBe('Patient/p1');
    expect(doc.context?.encounter?.[0]?.reference).toBe('Encounter/e1');
    expect(doc.context?.related?.[0]?.reference).toBe('MedicationAdministration/a1');
    expect(doc.author?.[0]?.reference).toBe('Practitioner/nurse-1');
    expect(textOf(doc)).toContain('the EHR does not let apps change the MAR'.replace('the', 'The'));
    const structured = structuredOf(doc) as MedicationAdministration;
    expect(structured.effectivePeriod?.end).toBe(stop.at);
    expect(structured.status).toBe('completed');
  });

  it('a refused note (405) falls to the task list, never to silence', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    gw.create = () => Promise.reject(new FhirError('invalid', 'no', 405));
    const input = {
      administration: ma,
      change: stop,
      drugName: 'Paclitaxel',
      author: undefined,
      recorded: '2026-11-26T15:31:05Z',
    };
    const r = await writeNurseFallback(gw, 'clinical-note', input);
    expect(r).toEqual({ channel: 'task-list', text: marTaskList([input]) });
  });

  it('a note that is written is read back with its text', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    const r = await writeNurseFallback(gw, 'clinical-note', {
      administration: ma,
      change: stop,
      drugName: undefined,
      author: 'Practitioner/nurse-1',
      recorded: '2026-11-26T15:31:05Z',
    });
    expect(r.channel).toBe('clinical-note');
    const [saved] = (await gw.search('DocumentReference', {
      patient: 'p1',
    })) as DocumentReference[];
    expect(saved && textOf(saved)).toContain('Medication (MedicationAdministration/a1): stop time');
  });
});

const line = (over: Partial<SignedLine> = {}): SignedLine => ({
  code: '96413',
  units: 1,
  modifiers: [],
  date: '2026-11-26',
  sources: ['MedicationAdministration/a1'],
  decision: 'accepted',
  ...over,
});
const claim: Claim = {
  resourceType: 'Claim',
  status: 'draft',
  use: 'claim',
  type: { coding: [{ code: 'professional' }] },
  patient: { reference: 'Patient/p1' },
  created: '2026-11-26T18:00:00Z',
  provider: { reference: 'Organization/o1' },
  priority: { coding: [{ code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { display: 'Coverage not on file' } }],
};
const signOff = (lines: SignedLine[]): ChannelSignOff => ({
  claim,
  author: 'Practitioner/coder-1',
  recorded: '2026-11-26T18:00:00Z',
  sources: ['MedicationAdministration/a1'],
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  dateOfService: '2026-11-26',
  lines,
});
const support = (
  over: Partial<Record<'create' | 'update' | 'operation', string[]>>,
): WriteSupport => ({
  known: true,
  create: (t) => (over.create ?? []).includes(t),
  update: (t) => (over.update ?? []).includes(t),
  operation: (t, n) => (over.operation ?? []).includes(`${t}/${n}`),
});

describe('coder: charges, coding note, fallbacks', () => {
  const input = (lines: SignedLine[]) => ({
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    lines,
    enterer: 'Practitioner/coder-1',
    entered: '2026-11-26T18:00:00Z',
  });

  it('creates, then on a second sign-off modifies the changed line, keeps the same one, withdraws the dropped one', async () => {
    const gw = new MemoryGateway(testLaunch());
    const opts = { canCreate: true, canModify: true };
    const first = await writeCharges(
      gw,
      input([line(), line({ code: 'J9267', units: 300 }), line({ code: '96415' })]),
      new Map(),
      opts,
    );
    expect(first.created).toHaveLength(3);
    const existing = await existingCharges(gw, 'Patient/p1', 'Encounter/e1');
    expect(existing.size).toBe(3);
    const second = await writeCharges(
      gw,
      input([line(), line({ code: 'J9267', units: 301 })]),
      existing,
      opts,
    );
    expect(second.unchanged).toHaveLength(1);
    expect(second.modified.map((c) => c.quantity?.value)).toEqual([301]);
    expect(second.withdrawn.map((c) => [c.code.coding?.[0]?.code, c.status])).toEqual([
      ['96415', 'not-billable'],
    ]);
    const live = await existingCharges(gw, 'Patient/p1', 'Encounter/e1');
    expect([...live.values()].map((c) => `${c.code.coding?.[0]?.code}:${c.status}`).sort()).toEqual(
      ['96413:billable', '96415:not-billable', 'J9267:billable'],
    );
  });

  it.each<[string, boolean, boolean, number, number]>([
    ['no create, no modify: all unplaced', false, false, 2, 0],
    ['modify only, nothing entered before: all unplaced', false, true, 2, 0],
    ['create only', true, false, 0, 2],
  ])('%s', async (_name, canCreate, canModify, unplaced, created) => {
    const gw = new MemoryGateway(testLaunch());
    const r = await writeCharges(gw, input([line(), line({ code: 'J9267' })]), new Map(), {
      canCreate,
      canModify,
    });
    expect([r.unplaced.length, r.created.length]).toEqual([unplaced, created]);
  });

  it('unplaced lines go to the chart as a coding note where notes are allowed', async () => {
    const gw = new MemoryGateway(testLaunch());
    const r = await writeSignOffByChannel(
      gw,
      'charge-items',
      signOff([line()]),
      support({ operation: ['ChargeItem/modify'], create: ['DocumentReference'] }),
    );
    expect(r.channel).toBe('charge-items');
    if (r.channel !== 'charge-items') return;
    expect(r.charges.unplaced).toHaveLength(1);
    expect(r.note && textOf(r.note)).toContain('1. 96413 × 1; date 2026-11-26; accepted');
  });

  it('a refused draft Claim (404: not offered) falls to the charges', async () => {
    const gw = new MemoryGateway(testLaunch());
    const create = gw.create.bind(gw);
    gw.create = ((r) =>
      r.resourceType === 'Claim'
        ? Promise.reject(new FhirError('not-found', 'no', 404))
        : create(r)) as typeof gw.create;
    const r = await writeSignOffByChannel(
      gw,
      'draft-claim',
      signOff([line()]),
      support({ create: ['ChargeItem'] }),
    );
    expect(r.channel).toBe('charge-items');
    expect(gw.writes.map((w) => w.resource.resourceType)).toEqual(['ChargeItem']);
  });

  it('a network failure is not a refusal: it is thrown for the screen to offer the download', async () => {
    const gw = new MemoryGateway(testLaunch());
    gw.create = () => Promise.reject(new FhirError('network', 'offline'));
    await expect(
      writeSignOffByChannel(gw, 'coding-note', signOff([line()]), support({})),
    ).rejects.toMatchObject({ kind: 'network' });
  });

  it('coding note lists every signed line with modifiers, NDC, decision and sources; the Claim is the structured part', () => {
    const doc = buildCodingNote({
      ...signOff([
        line({
          code: 'J9271',
          units: 56,
          modifiers: ['JW'],
          ndc: { code: '00006302602', quantity: 2.24, unit: 'ML' },
          decision: 'edited',
          reason: 'late waste',
        }),
      ]),
    });
    expect(textOf(doc)).toContain(
      '1. J9271 × 56; modifiers JW; NDC 00006302602 2.24 ML; date 2026-11-26; edited (late waste); from MedicationAdministration/a1',
    );
    expect((structuredOf(doc) as Claim).resourceType).toBe('Claim');
    expect(doc.context?.related?.map((r) => r.reference)).toEqual(['MedicationAdministration/a1']);
  });

  it('download needs nothing from the EHR', async () => {
    const gw = new MemoryGateway(testLaunch());
    expect(await writeSignOffByChannel(gw, 'download', signOff([line()]), support({}))).toEqual({
      channel: 'download',
    });
    expect(gw.writes).toHaveLength(0);
  });
});

describe('ChargeItem typing', () => {
  it('existingCharges skips aborted charges and charges the app did not enter', async () => {
    const base: ChargeItem = {
      resourceType: 'ChargeItem',
      status: 'billable',
      code: { text: 'x' },
      subject: { reference: 'Patient/p1' },
      context: { reference: 'Encounter/e1' },
    };
    const gw = new MemoryGateway(testLaunch(), [
      { ...base, id: 'c1' },
      {
        ...base,
        id: 'c2',
        status: 'aborted',
        identifier: [{ system: 'https://everydose.dev/fhir/NamingSystem/charge-line', value: 'k' }],
      },
      {
        ...base,
        id: 'c3',
        identifier: [
          { system: 'https://everydose.dev/fhir/NamingSystem/charge-line', value: 'k3' },
        ],
      },
    ]);
    expect([...(await existingCharges(gw, 'Patient/p1', 'Encounter/e1')).keys()]).toEqual(['k3']);
  });
});
