// @vitest-environment jsdom
// Issue 15 §5: the chair shows injections, pumps and port flushes as the engine classes them
// (serviceKindOf: route step R20.1, administration-method R26.4), and records them as
// injection-pump-rules R21.10, R23.7, R24 and R26.1–R26.4 say.
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { cleanup, configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FhirResource, MedicationAdministration, MedicationRequest } from 'fhir/r4';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMINISTRATION_METHOD_SYSTEM, SYSTEMS } from '../../fhir/extensions.ts';
import { ChairScreen } from './chair-screen.tsx';
import { toIsoWithOffset } from './local-time.ts';
import { MemoryGateway, TEST_LAUNCH } from '../../fhir/test-kit/memory-gateway.ts';
import { testReference } from './test-kit/nurse-reference.ts';

configure({ asyncUtilTimeout: 5000 });

const NOW = new Date(2026, 2, 4, 12, 0, 0);
const day = (d: number, h: number, m = 0) => toIsoWithOffset(new Date(2026, 2, d, h, m));
const SC = { coding: [{ system: SYSTEMS.snomed, code: '34206005' }] };
const IM = { coding: [{ system: SYSTEMS.snomed, code: '78421000' }] };
const IV = { coding: [{ system: SYSTEMS.snomed, code: '47625008' }] };
const method = (code: string) => ({ coding: [{ system: ADMINISTRATION_METHOD_SYSTEM, code }] });

function ma(id: string, extra: Partial<MedicationAdministration>): MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id,
    meta: { versionId: '1' },
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: `Drug ${id}` },
    ...extra,
  };
}

function mr(id: string, dosage: NonNullable<MedicationRequest['dosageInstruction']>[number]) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: `Ordered ${id}` },
    dosageInstruction: [dosage],
  } satisfies MedicationRequest;
}

/** A 46-hour fluorouracil pump started two days ago at another visit (FOLFOX day 1). */
const pumpOrder = {
  ...mr('rx-pump', {
    route: IV,
    method: method('pump-initiation'),
    timing: { repeat: { duration: 46, durationUnit: 'h' } },
  }),
  encounter: { reference: 'Encounter/e0' },
} satisfies MedicationRequest;
const pump = ma('pump', {
  status: 'in-progress',
  context: { reference: 'Encounter/e0' },
  effectivePeriod: { start: day(2, 14) },
  medicationCodeableConcept: { text: 'Fluorouracil pump' },
  request: { reference: 'MedicationRequest/rx-pump' },
  dosage: { route: IV, method: method('pump-initiation'), site: { text: 'Right chest port' } },
});

function Harness({ gateway }: { gateway: MemoryGateway }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['p1', 'chair'],
    queryFn: async (): Promise<FhirResource[]> => [
      ...(await gateway.search('MedicationAdministration', { patient: 'p1' })),
      ...(await gateway.search('MedicationRequest', { patient: 'p1' })),
    ],
  });
  return (
    <ChairScreen
      gateway={gateway}
      resources={q.data}
      isPending={q.isPending}
      error={q.error}
      reference={testReference()}
      onWritten={() => void qc.invalidateQueries()}
      now={() => NOW}
    />
  );
}

function show(resources: FhirResource[]) {
  const gateway = new MemoryGateway(TEST_LAUNCH, resources);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <Harness gateway={gateway} />
    </QueryClientProvider>,
  );
  return { gateway, user: userEvent.setup() };
}

async function cardOf(name: string) {
  const heading = await screen.findByRole('heading', { name });
  const card = heading.closest('article');
  if (!card) throw new Error('no card');
  return within(card as HTMLElement);
}

async function all(gateway: MemoryGateway): Promise<MedicationAdministration[]> {
  return (await gateway.search('MedicationAdministration', {})) as MedicationAdministration[];
}

afterEach(cleanup);

describe('issue 15 §5 cards by the engine’s kind of service', () => {
  it.each<[string, FhirResource[], string, string[], string[]]>([
    [
      'R21 SC injection: given at one time, site in words, no stop',
      [
        ma('inj', {
          effectiveDateTime: day(4, 10, 5),
          medicationCodeableConcept: { text: 'Denosumab' },
          dosage: { route: SC, site: { text: 'Left lower abdomen' } },
        }),
      ],
      'Denosumab',
      ['Given', 'Injection, subcutaneous', 'Site Left lower abdomen'],
      ['Record stop time now', 'Pick stop time', 'Record pump disconnect'],
    ],
    [
      'R21 IM injection without a site says so',
      [
        ma('im', {
          effectiveDateTime: day(4, 10, 5),
          medicationCodeableConcept: { text: 'Fulvestrant' },
          dosage: { route: IM },
        }),
      ],
      'Fulvestrant',
      ['Injection, intramuscular', 'Site not recorded'],
      ['Record stop time now'],
    ],
    [
      'R21.10 a running SC injection is never asked for a stop',
      [
        ma('inj2', {
          status: 'in-progress',
          effectivePeriod: { start: day(4, 10) },
          medicationCodeableConcept: { text: 'Bortezomib' },
          dosage: { route: SC },
        }),
      ],
      'Bortezomib',
      ['Injection, subcutaneous'],
      ['Record stop time now', 'Pick stop time'],
    ],
    [
      'R23 pump from an earlier visit: started, planned disconnect, elapsed, disconnect action',
      [pump, pumpOrder],
      'Fluorouracil pump',
      ['Pump', 'Planned disconnect', '(46 h 0 min)', 'Running for 46 h 0 min'],
      ['Record stop time now', 'Pick stop time'],
    ],
    [
      'R23 pump whose order gives no running time: planned disconnect not known',
      [pump, { ...pumpOrder, dosageInstruction: [{ route: IV }] }],
      'Fluorouracil pump',
      ['Planned disconnect not known (the order gives no running time)'],
      [],
    ],
    [
      'R24 port flush: done at one time',
      [
        ma('flush', {
          effectiveDateTime: day(4, 9),
          medicationCodeableConcept: { text: 'Heparin lock flush' },
          dosage: { route: IV, method: method('port-flush') },
        }),
      ],
      'Heparin lock flush',
      ['Port flush', 'Done'],
      ['Record stop time now', 'Document waste'],
    ],
    [
      'R23.7 pump disconnect record',
      [
        ma('off', {
          effectiveDateTime: day(4, 11),
          medicationCodeableConcept: { text: 'Fluorouracil disconnect' },
          dosage: { route: IV, method: method('pump-disconnect') },
        }),
      ],
      'Fluorouracil disconnect',
      ['Pump disconnect'],
      ['Record stop time now', 'Record pump disconnect'],
    ],
    [
      'contract §2.1 IV infusion keeps its stop actions',
      [
        ma('inf', {
          status: 'in-progress',
          effectivePeriod: { start: day(4, 10) },
          medicationCodeableConcept: { text: 'Oxaliplatin' },
          dosage: { route: IV, rateQuantity: { value: 250, unit: 'mL/h' } },
        }),
      ],
      'Oxaliplatin',
      ['Running'],
      ['Record pump disconnect'],
    ],
  ])('%s', async (_name, resources, heading, texts, absent) => {
    show(resources);
    const card = await cardOf(heading);
    for (const t of texts) expect(card.getAllByText(t, { exact: false }).length).toBeGreaterThan(0);
    for (const b of absent) expect(card.queryByRole('button', { name: new RegExp(b) })).toBeNull();
    expect(card.queryByText(/\b9\d{4}\b|G0498/)).toBeNull(); // no CPT codes for the nurse
  });

  it('an IV infusion still offers "Record stop time now"', async () => {
    show([
      ma('inf', {
        status: 'in-progress',
        effectivePeriod: { start: day(4, 10) },
        medicationCodeableConcept: { text: 'Oxaliplatin' },
        dosage: { route: IV, rateQuantity: { value: 250, unit: 'mL/h' } },
      }),
    ]);
    const card = await cardOf('Oxaliplatin');
    expect(card.getByRole('button', { name: 'Record stop time now for Oxaliplatin' })).toBeTruthy();
  });
});

describe('issue 15 §5 recording injections, pumps and port flushes', () => {
  it('R21.10/R26.3 "Given now" writes one instant with the picked SNOMED site and the order’s route', async () => {
    const { gateway, user } = show([mr('rx-deno', { route: SC })]);
    const card = await cardOf('Ordered rx-deno');
    expect(card.queryByRole('button', { name: /Record start time now/ })).toBeNull();
    await user.click(card.getByRole('button', { name: 'Given now for Ordered rx-deno' }));
    const save = card.getByRole('button', { name: 'Save injection' });
    expect(save).toBeDisabled();
    await user.click(card.getByRole('radio', { name: 'Left lower abdomen' }));
    await user.click(card.getByRole('button', { name: 'Save injection' }));
    await screen.findByText('All entries saved.');
    const [written] = await all(gateway);
    expect(written?.effectiveDateTime).toBe(toIsoWithOffset(NOW));
    expect(written?.effectivePeriod).toBeUndefined();
    expect(written?.status).toBe('completed');
    expect(written?.dosage?.route).toEqual(SC);
    expect(written?.dosage?.site?.coding?.[0]).toMatchObject({
      system: SYSTEMS.snomed,
      code: '68505006',
    });
  });

  it('R24/R26.4 "Record port flush" writes a completed flush with the port-flush method', async () => {
    const { gateway, user } = show([mr('rx-flush', { route: IV, method: method('port-flush') })]);
    const card = await cardOf('Ordered rx-flush');
    await user.click(card.getByRole('button', { name: 'Record port flush for Ordered rx-flush' }));
    await screen.findByText('All entries saved.');
    const [written] = await all(gateway);
    expect(written?.effectiveDateTime).toBe(toIsoWithOffset(NOW));
    expect(written?.dosage?.method?.coding?.[0]?.code).toBe('port-flush');
  });

  it('R23.6/R26.4 "Record pump refill" writes a completed refill at one instant', async () => {
    const { gateway, user } = show([mr('rx-refill', { route: IV, method: method('pump-refill') })]);
    const card = await cardOf('Ordered rx-refill');
    expect(card.queryByRole('button', { name: /Record start time now/ })).toBeNull();
    await user.click(
      card.getByRole('button', { name: 'Record pump refill for Ordered rx-refill' }),
    );
    await screen.findByText('All entries saved.');
    const [written] = await all(gateway);
    expect(written?.status).toBe('completed');
    expect(written?.effectiveDateTime).toBe(toIsoWithOffset(NOW));
    expect(written?.dosage?.method?.coding?.[0]?.code).toBe('pump-refill');
  });

  it('R23.7/R26.1 "Record pump disconnect" ends the pump (If-Match) and writes the disconnect in this visit', async () => {
    const { gateway, user } = show([pump, pumpOrder]);
    const card = await cardOf('Fluorouracil pump');
    await user.click(
      card.getByRole('button', { name: 'Record pump disconnect for Fluorouracil pump' }),
    );
    await screen.findByText('All entries saved.');
    const records = await all(gateway);
    const ended = records.find((r) => r.id === 'pump');
    expect(ended?.effectivePeriod).toEqual({ start: day(2, 14), end: toIsoWithOffset(NOW) });
    expect(ended?.status).toBe('completed');
    expect(ended?.meta?.versionId).toBe('2');
    const off = records.find((r) => r.id !== 'pump');
    expect(off?.dosage?.method?.coding?.[0]?.code).toBe('pump-disconnect');
    expect(off?.effectiveDateTime).toBe(toIsoWithOffset(NOW));
    expect(off?.partOf?.[0]?.reference).toBe('MedicationAdministration/pump');
    expect(off?.context?.reference).toBe('Encounter/e1');
    expect(gateway.calls.filter((c) => c.startsWith('update'))).toHaveLength(1);
  });

  it.each<[string, string, string]>([
    ['R23.1 8 hours or less asks first', day(4, 4), 'The pump would have run 8 hours or less'],
    ['more than an hour before the plan asks first', day(3, 20), 'more than an hour away'],
  ])('%s', async (_name, start, warning) => {
    const { gateway, user } = show([
      { ...pump, effectivePeriod: { start } } satisfies MedicationAdministration,
      pumpOrder,
    ]);
    const card = await cardOf('Fluorouracil pump');
    await user.click(
      card.getByRole('button', { name: 'Record pump disconnect for Fluorouracil pump' }),
    );
    expect(card.getByText(warning, { exact: false })).toBeTruthy();
    expect(gateway.calls.filter((c) => c.startsWith('update'))).toHaveLength(0);
    await user.click(card.getByRole('button', { name: 'Save disconnect time anyway' }));
    await screen.findByText('All entries saved.');
    expect((await all(gateway)).length).toBe(2);
  });
});

describe('R20.7 an injection applied with an on-body injector', () => {
  it.each<[string, 'SC' | 'IM', boolean, boolean]>([
    ['R20.7 SC, ticked → method on-body-injector', 'SC', true, true],
    ['R20.7 boundary: SC, not ticked → no method (96372)', 'SC', false, false],
    ['R20.7 boundary: IM → not offered (an on-body injector is SC)', 'IM', false, false],
  ])('%s', async (_name, route, tick, written) => {
    const { gateway, user } = show([mr('rx-peg', { route: route === 'SC' ? SC : IM })]);
    const card = await cardOf('Ordered rx-peg');
    await user.click(card.getByRole('button', { name: 'Given now for Ordered rx-peg' }));
    const box = card.queryByRole('checkbox', { name: /applied with an on-body injector/i });
    expect(box !== null).toBe(route === 'SC');
    await user.click(card.getByRole('radio', { name: 'Left lower abdomen' }));
    if (tick && box) await user.click(box);
    // What will be saved, in words, before saving.
    expect(
      card.getByText(/^Saves: injection of Ordered rx-peg at left lower abdomen/).textContent,
    ).toBe(
      `Saves: injection of Ordered rx-peg at left lower abdomen${written ? ', applied with an on-body injector' : ''}.`,
    );
    await user.click(card.getByRole('button', { name: 'Save injection' }));
    await screen.findByText('All entries saved.');
    const [ma] = await all(gateway);
    const codes = (ma?.dosage?.method?.coding ?? []).map(
      (c) => `${c.system ?? ''}#${c.code ?? ''}`,
    );
    expect(codes).toEqual(written ? [`${ADMINISTRATION_METHOD_SYSTEM}#on-body-injector`] : []);
    // The confirmation says what was saved.
    await screen.findByText(
      `Saved: injection of Ordered rx-peg${written ? ' with an on-body injector' : ''}.`,
    );
  });
});
