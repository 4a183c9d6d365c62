// @vitest-environment jsdom
// Issue 14 §1 at the chair: times that need a worded confirmation, "Correct time" (a new
// version with a reason and a Provenance), and "Undo" while an entry is held on the device.
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Encounter, FhirResource, MedicationAdministration, Provenance } from 'fhir/r4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChairScreen } from './chair-screen.tsx';
import { toIsoWithOffset } from './local-time.ts';
import { MemoryGateway, TEST_LAUNCH, recordWrites } from '../../fhir/test-kit/memory-gateway.ts';
import { testReference } from './test-kit/nurse-reference.ts';

configure({ asyncUtilTimeout: 5000 });

// The visit of 4 August; the chair is opened on 3 December (a visit from months ago).
const VISIT = (h: number, m = 0) => toIsoWithOffset(new Date(2026, 7, 4, h, m));
const LATER = new Date(2026, 11, 3, 12, 0);
const reference = testReference();

const encounter: Encounter = {
  resourceType: 'Encounter',
  id: 'e1',
  status: 'in-progress',
  class: { code: 'AMB' },
  subject: { reference: 'Patient/p1' },
  period: { start: VISIT(8, 15) },
};

function ma(id: string, extra: Partial<MedicationAdministration>): MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id,
    status: 'in-progress',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: 'Paclitaxel' },
    ...extra,
  };
}

function Harness(props: { gateway: MemoryGateway; now: Date; undoMs: number }) {
  const { gateway } = props;
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['p1', 'chair'],
    queryFn: async (): Promise<FhirResource[]> => [
      ...(await gateway.search('MedicationAdministration', { patient: 'p1' })),
      ...(await gateway.search('MedicationRequest', { patient: 'p1' })),
      encounter,
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
      now={() => props.now}
      undoMs={props.undoMs}
    />
  );
}

function show(gateway: MemoryGateway, now: Date, undoMs = 0) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={qc}>
      <Harness gateway={gateway} now={now} undoMs={undoMs} />
    </QueryClientProvider>,
  );
  return userEvent.setup();
}

async function saved(gateway: MemoryGateway, id: string) {
  return (await gateway.read<MedicationAdministration>('MedicationAdministration', id)).resource;
}

beforeEach(() => window.sessionStorage.clear());
afterEach(cleanup);

describe('issue 14 §1: a stop months after the start asks, in words', () => {
  const running = ma('pacli', { effectivePeriod: { start: VISIT(9) } });

  it('one tap on a visit from months ago: no write until she confirms the duration', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running]);
    const user = show(gateway, LATER);
    await user.click(await screen.findByRole('button', { name: /record stop time now/i }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('more than 12 hours');
    expect(alert).toHaveTextContent('another day than the visit');
    expect(alert).toHaveTextContent(
      /This records an infusion of 3 months 29 days.*Is that right\?/,
    );
    expect(gateway.writes).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(gateway.writes).toHaveLength(0);
  });

  it('confirmed, it is saved as shown', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running]);
    const user = show(gateway, LATER);
    await user.click(await screen.findByRole('button', { name: /record stop time now/i }));
    await user.click(await screen.findByRole('button', { name: /save stop time anyway/i }));
    await waitFor(async () =>
      expect((await saved(gateway, 'pacli')).effectivePeriod?.end).toBe(toIsoWithOffset(LATER)),
    );
  });

  it('a picked stop on the visit day, 3 hours after the start, saves without asking', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running]);
    const user = show(gateway, LATER);
    await user.click(await screen.findByRole('button', { name: /pick stop time/i }));
    const time = screen.getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '12:00');
    await user.click(screen.getByRole('button', { name: 'Save stop time' }));
    await waitFor(async () =>
      expect((await saved(gateway, 'pacli')).effectivePeriod?.end).toBe(VISIT(12)),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('issue 14 §1: Correct time', () => {
  const done = ma('pacli', {
    status: 'completed',
    effectivePeriod: { start: VISIT(9), end: VISIT(12) },
  });
  const NOW = new Date(2026, 7, 4, 13, 0);

  it('writes a new version with the reason in a note and a Provenance; the card shows it', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [done]);
    const user = show(gateway, NOW);
    await user.click(await screen.findByRole('button', { name: /correct time for paclitaxel/i }));
    await user.click(screen.getByRole('radio', { name: 'Start time' }));
    const time = screen.getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '09:15');
    await user.type(screen.getByLabelText('Reason for the correction'), 'Pump started late');
    await user.click(screen.getByRole('button', { name: 'Save corrected start time' }));
    await waitFor(async () =>
      expect((await saved(gateway, 'pacli')).effectivePeriod?.start).toBe(VISIT(9, 15)),
    );
    const after = await saved(gateway, 'pacli');
    expect(after.status).toBe('completed');
    expect(after.effectivePeriod?.end).toBe(VISIT(12));
    expect(after.note?.[0]).toMatchObject({
      authorReference: { reference: 'Practitioner/nurse-1' },
      text: `Start time corrected from ${VISIT(9)} to ${VISIT(9, 15)}. Reason: Pump started late`,
    });
    await waitFor(async () =>
      expect(
        await gateway.search('Provenance', { target: 'MedicationAdministration/pacli' }),
      ).toHaveLength(1),
    );
    const [prov] = (await gateway.search('Provenance', {
      target: 'MedicationAdministration/pacli',
    })) as Provenance[];
    expect(prov?.agent?.[0]?.who?.reference).toBe('Practitioner/nurse-1');
    expect(prov?.reason?.[0]?.text).toBe('Pump started late');
    const card = within(screen.getByRole('article', { name: 'Paclitaxel' }));
    expect(await card.findByRole('list', { name: 'Corrections' })).toHaveTextContent(
      /start time corrected from 9:00\s?AM to 9:15\s?AM\. Reason: Pump started late/i,
    );
  });

  it('refuses a corrected stop before the start, and needs a reason', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [done]);
    const user = show(gateway, NOW);
    await user.click(await screen.findByRole('button', { name: /correct time for paclitaxel/i }));
    const time = screen.getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '08:30');
    const save = screen.getByRole('button', { name: 'Save corrected stop time' });
    expect(save).toBeDisabled(); // no reason yet
    await user.type(screen.getByLabelText('Reason for the correction'), 'Typo');
    await user.click(save);
    expect(await screen.findByRole('alert')).toHaveTextContent(/must be after the start/);
    expect(screen.getByRole('button', { name: 'Save corrected stop time' })).toBeDisabled();
    expect(gateway.writes).toHaveLength(0);
  });

  it('a lost answer is not written twice: one version, one Provenance', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [done]);
    const user = show(gateway, NOW);
    gateway.loseNextWriteAnswer = true;
    await user.click(await screen.findByRole('button', { name: /correct time for paclitaxel/i }));
    const time = screen.getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '12:10');
    await user.type(screen.getByLabelText('Reason for the correction'), 'Read the pump log');
    await user.click(screen.getByRole('button', { name: 'Save corrected stop time' }));
    await screen.findByText('All entries saved.', {}, { timeout: 15_000 });
    const mas = gateway.writes.filter(
      (w) => w.resource.resourceType === 'MedicationAdministration',
    );
    const provs = gateway.writes.filter((w) => w.resource.resourceType === 'Provenance');
    expect(mas).toHaveLength(1);
    expect(provs).toHaveLength(1);
  }, 20_000);
});

describe('issue 14 §1: Undo while the entry is held on the device', () => {
  const NOW = new Date(2026, 7, 4, 12, 0);

  it('Undo after a stop: nothing reaches the server, the card is as before', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [
      ma('pacli', { effectivePeriod: { start: VISIT(9) } }),
    ]);
    const user = show(gateway, NOW, 60_000);
    await user.click(await screen.findByRole('button', { name: /record stop time now/i }));
    expect(await screen.findByText(/saving in a few seconds: stop time/i)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('All entries saved.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /record stop time now/i })).toBeInTheDocument();
    expect(gateway.writes).toHaveLength(0);
  });

  it('held entries are sent when the window ends', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [
      ma('pacli', { effectivePeriod: { start: VISIT(9) } }),
    ]);
    const user = show(gateway, NOW, 300);
    await user.click(await screen.findByRole('button', { name: /record stop time now/i }));
    await waitFor(() => expect(recordWrites(gateway)).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('Undo after starting an ordered drug: no administration is created, the order is back', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [
      {
        resourceType: 'MedicationRequest',
        id: 'carbo',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/p1' },
        encounter: { reference: 'Encounter/e1' },
        medicationCodeableConcept: { text: 'Carboplatin' },
      },
    ]);
    const user = show(gateway, NOW, 60_000);
    await user.click(await screen.findByRole('button', { name: /record start time now/i }));
    const running = await screen.findByRole('region', { name: 'Running now' });
    await user.click(within(running).getByRole('button', { name: 'Undo' }));
    const orders = await screen.findByRole('region', { name: 'Ordered, not started' });
    expect(within(orders).getByText('Carboplatin')).toBeInTheDocument();
    expect(gateway.writes).toHaveLength(0);
  });
});
