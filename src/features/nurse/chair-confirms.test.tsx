// @vitest-environment jsdom
// Issue 17 §5 (nurse side): the running infusion stands out, and every tap confirms what was
// saved. The clock is injected, so the running time and progress are deterministic; writes go
// to a memory server that can be offline or refuse.
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { cleanup, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FhirResource, MedicationAdministration, MedicationRequest } from 'fhir/r4';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FhirError } from '../../fhir/gateway.ts';
import { ChairScreen } from './chair-screen.tsx';
import { formatClock, toIsoWithOffset } from './local-time.ts';
import {
  MemoryGateway,
  TEST_LAUNCH,
  provenanceWrites,
  recordWrites,
} from '../../fhir/test-kit/memory-gateway.ts';
import { testReference } from './test-kit/nurse-reference.ts';

configure({ asyncUtilTimeout: 5000 });

const START = new Date(2026, 2, 2, 10, 0, 0);
const after = (min: number) => new Date(START.getTime() + min * 60_000);
const reference = testReference();

const bag: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'pac-order',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  encounter: { reference: 'Encounter/e1' },
  medicationCodeableConcept: { text: 'Paclitaxel' },
  dosageInstruction: [
    { doseAndRate: [{ rateQuantity: { value: 125, unit: 'mL/h', code: 'mL/h' } }] },
  ],
  dispenseRequest: { quantity: { value: 250, unit: 'mL', code: 'mL' } },
};
const noRate: MedicationRequest = {
  ...bag,
  dosageInstruction: [{ doseAndRate: [] }],
};

function running(start: Date, order?: MedicationRequest): MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id: 'pac',
    status: 'in-progress',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: 'Paclitaxel' },
    effectivePeriod: { start: toIsoWithOffset(start) },
    ...(order ? { request: { reference: `MedicationRequest/${order.id ?? ''}` } } : {}),
  };
}

let online = true;
Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });

function Harness({ gateway, now }: { gateway: MemoryGateway; now: Date }) {
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
      now={() => now}
    />
  );
}

function show(gateway: MemoryGateway, now: Date) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const ui = render(
    <QueryClientProvider client={qc}>
      <Harness gateway={gateway} now={now} />
    </QueryClientProvider>,
  );
  return { ...ui, user: userEvent.setup() };
}

async function paclitaxelCard() {
  const heading = await screen.findByRole('heading', { name: 'Paclitaxel' });
  const card = heading.closest('article');
  if (!card) throw new Error('no card');
  return within(card as HTMLElement);
}

/** The chair's one polite live region. */
function liveRegion(): HTMLElement {
  const regions = screen
    .getAllByRole('status')
    .filter((e) => e.getAttribute('aria-live') === 'polite' && e.closest('.chair-saved, .chair'));
  const chair = regions.filter((e) => e.classList.contains('chair-saved'));
  expect(chair).toHaveLength(1);
  return chair[0] as HTMLElement;
}

beforeEach(() => {
  online = true;
  window.sessionStorage.clear();
});
afterEach(cleanup);

describe('issue 17 §5 the running infusion stands out (injected clock)', () => {
  it.each([
    ['59 min after the start', 59, 'Running for 59 min', 49],
    ['60 min after the start', 60, 'Running for 1 h 0 min', 50],
    ['72 min after the start', 72, 'Running for 1 h 12 min', 60],
  ])('%s: %s, progress %s%', async (_name, min, text, percent) => {
    show(new MemoryGateway(TEST_LAUNCH, [running(START, bag), bag]), after(min));
    const card = await paclitaxelCard();
    expect(card.getByText(text)).toBeInTheDocument();
    const bar = card.getByRole('progressbar', { name: 'Progress of Paclitaxel' });
    expect(bar).toHaveAttribute('value', String(percent));
    expect(card.getByText(`about ${percent}% of 250 mL at 125 mL/h`)).toBeInTheDocument();
    expect(
      card.getByText(`Planned end ${formatClock(toIsoWithOffset(after(120))) ?? ''}`),
    ).toBeInTheDocument();
  });

  it('a start on another day names that day', async () => {
    const yesterday = new Date(2026, 2, 1, 20, 0);
    show(new MemoryGateway(TEST_LAUNCH, [running(yesterday, bag), bag]), after(0));
    const card = await paclitaxelCard();
    const day = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
    }).format(yesterday);
    expect(
      card.getByText(`Started ${formatClock(toIsoWithOffset(yesterday)) ?? ''} on ${day}`),
    ).toBeInTheDocument();
    expect(card.getByText('Running for 14 h 0 min')).toBeInTheDocument();
  });

  it('a start today says no day', async () => {
    show(new MemoryGateway(TEST_LAUNCH, [running(START, bag), bag]), after(5));
    const card = await paclitaxelCard();
    expect(
      card.getByText(`Started ${formatClock(toIsoWithOffset(START)) ?? ''}`),
    ).toBeInTheDocument();
  });

  it.each([
    [
      'an order without a rate',
      [running(START, noRate), noRate],
      'Planned end not known (the order gives no rate)',
    ],
    ['no order linked', [running(START)], 'Planned end not known (no order linked)'],
  ])('%s: "not known", no progress bar', async (_name, resources, text) => {
    show(new MemoryGateway(TEST_LAUNCH, resources), after(30));
    const card = await paclitaxelCard();
    expect(card.getByText(text)).toBeInTheDocument();
    expect(card.queryByRole('progressbar')).toBeNull();
    expect(card.getByText('Running for 30 min')).toBeInTheDocument();
  });
});

describe('issue 17 §5 every tap confirms what was saved, after the server accepted it', () => {
  const stopText = () =>
    `stop time ${formatClock(toIsoWithOffset(after(30))) ?? ''} for Paclitaxel`;

  it('"Saved: stop time … for paclitaxel" once the server has the stop', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running(START, bag), bag]);
    const { user } = show(gateway, after(30));
    await user.click(await screen.findByRole('button', { name: /record stop time now/i }));
    await waitFor(() => expect(liveRegion()).toHaveTextContent(`Saved: ${stopText()}.`));
    const onServer = await gateway.read<MedicationAdministration>(
      'MedicationAdministration',
      'pac',
    );
    expect(onServer.resource.effectivePeriod?.end).toBe(toIsoWithOffset(after(30)));
    expect(liveRegion()).toHaveTextContent('All entries saved.');
  });

  it('offline: "Saved on this device, not yet sent", then "Saved:" when it went', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running(START, bag), bag]);
    const { user } = show(gateway, after(30));
    const button = await screen.findByRole('button', { name: /record stop time now/i });
    online = false;
    gateway.offline = true;
    window.dispatchEvent(new Event('offline'));
    await screen.findByText(/^Offline\./);
    await user.click(button);
    await waitFor(() =>
      expect(liveRegion()).toHaveTextContent(`Saved on this device, not yet sent: ${stopText()}.`),
    );
    expect(liveRegion()).not.toHaveTextContent(/Saved: /);
    expect(liveRegion()).not.toHaveTextContent('All entries saved.');
    expect(gateway.writes).toHaveLength(0);
    online = true;
    gateway.offline = false;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(liveRegion()).toHaveTextContent(`Saved: ${stopText()}.`));
    // The stop, and its Provenance naming the nurse (every nurse write has one).
    expect(recordWrites(gateway)).toHaveLength(1);
    expect(provenanceWrites(gateway)).toHaveLength(1);
  });

  it('a refused write (403) says nothing was saved', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running(START, bag), bag]);
    const { user } = show(gateway, after(30));
    await screen.findByRole('heading', { name: 'Paclitaxel' });
    gateway.failNext = [new FhirError('forbidden', 'no', 403)];
    await user.click(screen.getByRole('button', { name: /record stop time now/i }));
    expect(await screen.findByText(/not saved: stop time.*permission/i)).toBeInTheDocument();
    expect(liveRegion()).not.toHaveTextContent(/Saved/);
    expect(liveRegion()).toHaveTextContent('1 entry not yet saved.');
    expect(gateway.writes).toHaveLength(0);
  });

  it('a dropped connection while sending: kept on the device, not "Saved:"', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, [running(START, bag), bag]);
    const { user } = show(gateway, after(30));
    await screen.findByRole('heading', { name: 'Paclitaxel' });
    gateway.failNext = [new FhirError('network', 'dropped')];
    await user.click(screen.getByRole('button', { name: /record stop time now/i }));
    await waitFor(() =>
      expect(liveRegion()).toHaveTextContent(`Saved on this device, not yet sent: ${stopText()}.`),
    );
    expect(liveRegion()).not.toHaveTextContent(/Saved: /);
  });
});

describe('issue 17 §5 "All entries saved." only once the records are read', () => {
  function chair(props: {
    isPending: boolean;
    error?: unknown;
    readFailed?: boolean;
    loaded: boolean;
  }) {
    const qc = new QueryClient();
    render(
      <QueryClientProvider client={qc}>
        <ChairScreen
          gateway={new MemoryGateway(TEST_LAUNCH, [])}
          resources={props.loaded ? [] : undefined}
          isPending={props.isPending}
          error={props.error}
          {...(props.readFailed ? { readFailed: true } : {})}
          reference={reference}
          onWritten={() => undefined}
          now={() => START}
        />
      </QueryClientProvider>,
    );
  }
  it.each([
    ['loading', { isPending: true, loaded: false }, 'Loading today’s records…'],
    [
      'the visit failed to load (said by the shell)',
      { isPending: false, readFailed: true, loaded: false },
      '',
    ],
    [
      'the orders failed to load',
      { isPending: false, error: new FhirError('server', 'down', 500), loaded: true },
      '',
    ],
    ['loaded', { isPending: false, loaded: true }, 'All entries saved.'],
  ])('%s', (_name, props, text) => {
    chair(props);
    expect(liveRegion()).toHaveTextContent(text === '' ? /^$/ : text);
    if (text !== 'All entries saved.') expect(screen.queryByText('All entries saved.')).toBeNull();
    // A failed read is never worded as absence (issue 14 part 7).
    if (text !== 'All entries saved.')
      expect(screen.queryByText(/No infusions or orders/)).toBeNull();
  });
});
