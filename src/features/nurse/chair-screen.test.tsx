// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FhirResource, MedicationAdministration, MedicationRequest } from 'fhir/r4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXT, SYSTEMS } from '../../fhir/extensions.ts';
import { FhirError } from '../../fhir/gateway.ts';
import { ChairScreen } from './chair-screen.tsx';
import { toIsoWithOffset } from './local-time.ts';
import {
  MemoryGateway,
  TEST_LAUNCH,
  provenanceWrites,
  recordWrites,
} from '../../fhir/test-kit/memory-gateway.ts';
import { PENDING_STORAGE_KEY } from '../../fhir/write/pending/pending-store.ts';
import { testReference } from './test-kit/nurse-reference.ts';

// A busy machine renders the first screen slowly; wait up to 5 s for it.
configure({ asyncUtilTimeout: 5000 });

const NOW = new Date(2026, 2, 2, 12, 0, 0);
const at = (h: number, m = 0) => toIsoWithOffset(new Date(2026, 2, 2, h, m));
const reference = testReference();

function ma(id: string, extra: Partial<MedicationAdministration>): MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id,
    status: 'in-progress',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: `Drug ${id}` },
    ...extra,
  };
}

const pembro = ma('pembro', {
  status: 'completed',
  effectivePeriod: { start: at(9), end: at(9, 30) },
  medicationCodeableConcept: {
    text: 'Pembrolizumab',
    coding: [{ system: SYSTEMS.ndc, code: '00006-3026-02' }],
  },
  dosage: { dose: { value: 144, unit: 'mg', system: SYSTEMS.ucum, code: 'mg' } },
});
const hydration = ma('fluids', {
  effectivePeriod: { start: at(10) },
  medicationCodeableConcept: { text: 'Sodium chloride 0.9%' },
});
const order: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'ond',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  encounter: { reference: 'Encounter/e1' },
  medicationCodeableConcept: { text: 'Ondansetron' },
  dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 8, unit: 'mg', code: 'mg' } }] }],
};

let online = true;
Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });

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
      reference={reference}
      onWritten={() => void qc.invalidateQueries()}
      now={() => NOW}
    />
  );
}

function show(gateway: MemoryGateway) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const ui = render(
    <QueryClientProvider client={qc}>
      <Harness gateway={gateway} />
    </QueryClientProvider>,
  );
  return { ...ui, user: userEvent.setup() };
}

async function saved(gateway: MemoryGateway, id: string) {
  return (await gateway.read<MedicationAdministration>('MedicationAdministration', id)).resource;
}

function cardOf(name: string) {
  const heading = screen.getByRole('heading', { name });
  const card = heading.closest('article');
  if (!card) throw new Error('no card');
  return within(card);
}

beforeEach(() => {
  online = true;
  window.sessionStorage.clear();
});
afterEach(cleanup);

describe('chair view', () => {
  it('shows running infusions first, orders not started, then the timeline, in plain words', async () => {
    show(new MemoryGateway(TEST_LAUNCH, [pembro, hydration, order]));
    const running = await screen.findByRole('region', { name: 'Running now' });
    expect(within(running).getByText('Sodium chloride 0.9%')).toBeInTheDocument();
    expect(within(running).getByText('Running')).toBeInTheDocument();
    const orders = screen.getByRole('region', { name: 'Ordered, not started' });
    expect(within(orders).getByText('Ondansetron')).toBeInTheDocument();
    const timeline = screen.getByRole('region', { name: 'Today’s timeline'.replace('’', "'") });
    expect(within(timeline).getByText('Done')).toBeInTheDocument();
    expect(within(timeline).getByText('Dose 144 mg')).toBeInTheDocument();
  });

  it('records a stop time in one tap and the server has it (If-Match update)', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [pembro, hydration]);
    const { user } = show(gateway);
    await user.click(
      await screen.findByRole('button', { name: /record stop time now for sodium chloride/i }),
    );
    await waitFor(async () =>
      expect((await saved(gateway, 'fluids')).effectivePeriod?.end).toBe(toIsoWithOffset(NOW)),
    );
    expect((await saved(gateway, 'fluids')).status).toBe('completed');
    await screen.findByText('All entries saved.');
    expect(cardOf('Sodium chloride 0.9%').getByText('Done')).toBeInTheDocument();
  });

  // issue 14 §1: a stop equal to the start was a warning to confirm; it is now refused (below).
  it.each([['R4.2 a 15-minute infusion', 11, 45, /15 minutes or less/]])(
    'warns before saving %s, and saves when confirmed',
    async (_n, h, m, warning) => {
      const gateway = new MemoryGateway(TEST_LAUNCH, [
        ma('short', { effectivePeriod: { start: at(h, m) } }),
      ]);
      const { user } = show(gateway);
      await user.click(await screen.findByRole('button', { name: /record stop time now/i }));
      expect(await screen.findByRole('alert')).toHaveTextContent(warning);
      expect(gateway.writes).toHaveLength(0);
      await user.click(screen.getByRole('button', { name: /save stop time anyway/i }));
      await waitFor(async () =>
        expect((await saved(gateway, 'short')).effectivePeriod?.end).toBeDefined(),
      );
    },
  );

  it.each([
    ['issue 14 §1 stop == start', 12, 0],
    ['issue 14 §1 stop 1 minute before start', 12, 1],
  ])('refuses %s: no save, whatever she taps', async (_n, h, m) => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [
      ma('short', { effectivePeriod: { start: at(h, m) } }),
    ]);
    const { user } = show(gateway);
    await user.click(await screen.findByRole('button', { name: /record stop time now/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/must be after the start/);
    expect(screen.getByRole('button', { name: 'Save stop time' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /anyway/i })).toBeNull();
    expect(gateway.writes).toHaveLength(0);
  });

  it('R4.2 a 16-minute infusion saves without a warning', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [
      ma('ok', { effectivePeriod: { start: at(11, 44) } }),
    ]);
    const { user } = show(gateway);
    await user.click(await screen.findByRole('button', { name: /record stop time now/i }));
    await waitFor(() => expect(recordWrites(gateway)).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns about a picked stop time in the future', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [hydration]);
    const { user } = show(gateway);
    await user.click(await screen.findByRole('button', { name: /pick stop time/i }));
    const time = screen.getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '12:30');
    await user.click(screen.getByRole('button', { name: 'Save stop time' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('later than now');
    await user.click(screen.getByRole('button', { name: /save stop time anyway/i }));
    await waitFor(async () =>
      expect((await saved(gateway, 'fluids')).effectivePeriod?.end).toBe(at(12, 30)),
    );
  });

  it('a picked stop time for an infusion started on an earlier day falls on that day', async () => {
    const started = toIsoWithOffset(new Date(2026, 2, 1, 9, 0));
    const gateway = new MemoryGateway(TEST_LAUNCH, [
      ma('old', { effectivePeriod: { start: started } }),
    ]);
    const { user } = show(gateway);
    await user.click(await screen.findByRole('button', { name: /pick stop time/i }));
    expect(screen.getByText(/the day it started/)).toBeInTheDocument();
    const time = screen.getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '12:00');
    await user.click(screen.getByRole('button', { name: 'Save stop time' }));
    await waitFor(async () =>
      expect((await saved(gateway, 'old')).effectivePeriod?.end).toBe(
        toIsoWithOffset(new Date(2026, 2, 1, 12, 0)),
      ),
    );
  });

  it('records the start of an ordered drug by creating the administration', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [order]);
    const { user } = show(gateway);
    await user.click(
      await screen.findByRole('button', { name: /record start time now for ondansetron/i }),
    );
    await waitFor(() => expect(recordWrites(gateway)).toHaveLength(1));
    const created = recordWrites(gateway)[0]?.resource as MedicationAdministration;
    // Every nurse write gets a Provenance naming her (issue 14, nurse Provenance).
    await waitFor(() => expect(provenanceWrites(gateway)).toHaveLength(1));
    expect(provenanceWrites(gateway)[0]?.resource).toMatchObject({
      target: [{ reference: `MedicationAdministration/${created.id ?? ''}` }],
      agent: [{ who: { reference: 'Practitioner/nurse-1' } }],
      activity: { coding: [{ code: 'CREATE' }] },
    });
    expect(created).toMatchObject({
      status: 'in-progress',
      request: { reference: 'MedicationRequest/ond' },
      context: { reference: 'Encounter/e1' },
      subject: { reference: 'Patient/p1' },
      performer: [{ actor: { reference: 'Practitioner/nurse-1' } }],
      effectivePeriod: { start: toIsoWithOffset(NOW) },
    });
    const running = await screen.findByRole('region', { name: 'Running now' });
    expect(within(running).getByText('Ondansetron')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Ordered, not started' })).toBeNull();
  });

  // Issue 14 §2 changes what these tests expect: the form is never pre-filled silently; the
  // least-waste choice is a suggestion the nurse accepts, and the summary states what is saved.
  it('starts empty with the least-waste suggestion; "Use this" fills it; the server has exactly the summary', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [pembro]);
    const { user } = show(gateway);
    await user.click(await screen.findByRole('button', { name: /document waste/i }));
    const count = screen.getByLabelText(/^Number opened, 100 mg container/);
    expect(count).toHaveValue(0);
    expect(screen.getByRole('button', { name: 'Save waste' })).toBeDisabled();
    expect(
      screen.getByText(/Suggested: 2 × 100 mg containers, 56 mg discarded/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use this' }));
    expect(count).toHaveValue(2);
    expect(screen.getByRole('status', { name: 'Will be saved:' })).toHaveTextContent(
      '2 × 100 mg containers (200 mg): 144 mg given, 56 mg discarded',
    );
    await user.click(screen.getByRole('button', { name: 'Save waste' }));
    await waitFor(async () => expect((await saved(gateway, 'pembro')).extension).toHaveLength(2));
    const ext = (await saved(gateway, 'pembro')).extension ?? [];
    expect(ext.find((e) => e.url === EXT.discardedAmount)?.valueQuantity).toMatchObject({
      value: 56,
      code: 'mg',
    });
    expect(ext.find((e) => e.url === EXT.container)?.extension).toEqual([
      {
        url: 'product',
        valueCodeableConcept: { coding: [{ system: SYSTEMS.ndc, code: '00006302602' }] },
      },
      { url: 'count', valuePositiveInt: 2 },
    ]);
    expect(await screen.findByText('Waste documented')).toBeInTheDocument();
  });

  it('starts from the containers documented on the administration, and saves exactly those', async () => {
    const documented = {
      ...pembro,
      extension: [
        {
          url: EXT.container,
          extension: [
            {
              url: 'product',
              valueCodeableConcept: { coding: [{ system: SYSTEMS.ndc, code: '00006-3026-02' }] },
            },
            { url: 'count', valuePositiveInt: 2 },
          ],
        },
      ],
    };
    const gateway = new MemoryGateway(TEST_LAUNCH, [documented]);
    const { user } = show(gateway);
    await user.click(await screen.findByRole('button', { name: /document waste/i }));
    expect(
      screen.getByText(/containers as documented on this administration/i),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Use this' })).toBeNull();
    expect(screen.getByLabelText(/^Number opened, 100 mg container/)).toHaveValue(2);
    expect(screen.getByRole('status', { name: 'Will be saved:' })).toHaveTextContent(
      '2 × 100 mg containers (200 mg): 144 mg given, 56 mg discarded',
    );
    await user.click(screen.getByRole('button', { name: 'Save waste' }));
    await waitFor(async () =>
      expect(
        (await saved(gateway, 'pembro')).extension?.some((e) => e.url === EXT.discardedAmount),
      ).toBe(true),
    );
    const ext = (await saved(gateway, 'pembro')).extension ?? [];
    const containers = ext.filter((e) => e.url === EXT.container);
    expect(containers).toHaveLength(1);
    expect(containers[0]?.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code).toBe(
      '00006302602',
    );
    expect(containers[0]?.extension?.[1]?.valuePositiveInt).toBe(2);
  });

  it('asks before saving less discarded than the containers leave, and refuses more', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [pembro]);
    const { user } = show(gateway);
    await user.click(await screen.findByRole('button', { name: /document waste/i }));
    await user.click(screen.getByRole('button', { name: 'Use this' }));
    const amount = screen.getByLabelText('Amount discarded (mg)');
    await user.clear(amount);
    await user.type(amount, '60');
    expect(screen.getByRole('list', { name: 'Cannot be saved' })).toHaveTextContent(
      '60 mg discarded is more than was left over: 200 mg opened − 144 mg given = 56 mg.',
    );
    expect(screen.getByRole('button', { name: 'Save waste' })).toBeDisabled();
    await user.clear(amount);
    await user.type(amount, '40');
    await user.click(screen.getByRole('button', { name: 'Save waste' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('56 mg');
    expect(gateway.writes).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Save waste anyway' }));
    await waitFor(() => expect(recordWrites(gateway)).toHaveLength(1));
    const ext = (await saved(gateway, 'pembro')).extension ?? [];
    expect(ext.find((e) => e.url === EXT.discardedAmount)?.valueQuantity?.value).toBe(40);
  });
});

describe('chair view: nothing lost', () => {
  it('keeps an entry made offline through a reload and sends it when back online', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [hydration]);
    const first = show(gateway);
    await screen.findByText('Sodium chloride 0.9%');
    online = false;
    gateway.offline = true;
    window.dispatchEvent(new Event('offline'));
    await first.user.click(screen.getByRole('button', { name: /record stop time now/i }));
    expect(await screen.findByText(/waiting to send: stop time/i)).toBeInTheDocument();
    expect(screen.getByText(/offline\. your entries are kept/i)).toBeInTheDocument();
    expect(window.sessionStorage.getItem(PENDING_STORAGE_KEY)).toContain('"kind":"stop"');
    first.unmount(); // the page reloads
    gateway.offline = false; // the server is reachable again before the device notices
    const second = show(gateway);
    expect(await screen.findByText(/waiting to send: stop time/i)).toBeInTheDocument();
    expect(gateway.writes).toHaveLength(0);
    online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(async () =>
      expect((await saved(gateway, 'fluids')).effectivePeriod?.end).toBe(toIsoWithOffset(NOW)),
    );
    await screen.findByText('All entries saved.');
    expect(window.sessionStorage.getItem(PENDING_STORAGE_KEY)).toBeNull();
    second.unmount();
  });

  it('says why a write failed and keeps the entry until the nurse decides', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [hydration]);
    const { user } = show(gateway);
    await screen.findByText('Sodium chloride 0.9%');
    gateway.failNext = [new FhirError('forbidden', 'no', 403)];
    await user.click(screen.getByRole('button', { name: /record stop time now/i }));
    expect(await screen.findByText(/not saved: stop time.*permission/i)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(recordWrites(gateway)).toHaveLength(1));
  });

  it.each([
    ['keep mine', 'Keep mine', () => toIsoWithOffset(NOW)],
    ['keep theirs', 'Keep theirs', () => at(11, 50)],
  ])('412: shows both versions; %s', async (_n, button, wantEnd) => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [hydration]);
    const { user } = show(gateway);
    await screen.findByText('Sodium chloride 0.9%');
    // Another session stops it at 11:50 after this screen loaded.
    const cur = await gateway.read<MedicationAdministration>('MedicationAdministration', 'fluids');
    await gateway.update(
      {
        ...cur.resource,
        id: 'fluids',
        status: 'completed',
        effectivePeriod: { start: at(10), end: at(11, 50) },
      },
      cur.etag ?? '',
    );
    await user.click(screen.getByRole('button', { name: /record stop time now/i }));
    const mine = await screen.findByRole('region', { name: 'Your entry' });
    const theirs = screen.getByRole('region', { name: 'Their version' });
    expect(theirs).toHaveTextContent(/stop: 11:50/i);
    expect(mine).toHaveTextContent(/stop: 12:00/i);
    await user.click(screen.getByRole('button', { name: button }));
    await waitFor(async () =>
      expect((await saved(gateway, 'fluids')).effectivePeriod?.end).toBe(wantEnd()),
    );
    await screen.findByText('All entries saved.');
  });
});
