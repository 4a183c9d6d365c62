// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GatewayContext } from '../../hooks/gateway-context.ts';
import type { EncounterAnalysis } from '../../hooks/use-encounter-analysis.ts';
import { MemoryGateway } from '../../fhir/test-kit/memory-gateway.ts';
import { CoderView } from './coder-view.tsx';
import { launch, picture, result } from './test-kit/coder-data.ts';

const analysis = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../../hooks/use-encounter-analysis.ts', () => ({
  useEncounterAnalysis: () => analysis.current,
}));

const first = result();
const second = result({
  encounter: 'Encounter/e2',
  dateOfService: '2026-03-09',
  lines: [],
  warnings: [],
});

function setAnalysis(over: Partial<EncounterAnalysis>) {
  analysis.current = {
    isPending: false,
    error: null,
    results: [first, second],
    current: first,
    picture: { resources: picture, unreadable: [] },
    refetch: vi.fn(),
    ...over,
  } satisfies EncounterAnalysis;
}

function renderView() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <GatewayContext.Provider value={new MemoryGateway(launch, picture)}>
        <CoderView />
      </GatewayContext.Provider>
    </QueryClientProvider>,
  );
}

beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

describe('CoderView', () => {
  it('says so while loading', () => {
    setAnalysis({ isPending: true });
    renderView();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the visit for review');
  });

  it('shows a plain error with a retry', async () => {
    const refetch = vi.fn();
    setAnalysis({ error: new Error('EveryDose could not work out the billing.'), refetch });
    renderView();
    expect(screen.getByRole('alert')).toHaveTextContent('could not work out the billing');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalled();
  });

  it('reviews the launch visit and lets the coder pick another date', async () => {
    setAnalysis({});
    renderView();
    expect(screen.getAllByRole('article')).toHaveLength(3);
    // Each visit in words, never its id (issue 17 part 5): the launch visit from its Encounter,
    // the other (its Encounter not among the records read) by its date of service.
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual([
      expect.stringMatching(/^\d{1,2} \w{3} \d{4}, /),
      '9 Mar 2026, visit details not read',
    ]);
    expect(options.join(' ')).not.toMatch(/Encounter\/|\bvisit e\d/);
    await userEvent.selectOptions(
      screen.getByLabelText(/Visit to review/),
      '9 Mar 2026, visit details not read',
    );
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    expect(screen.getByText('No billable lines were derived for this visit.')).toBeInTheDocument();
  });

  it('tells the coder which records could not be read', () => {
    setAnalysis({
      picture: {
        resources: picture,
        unreadable: [
          { resourceType: 'Claim', reason: 'EveryDose was not granted access to claims.' },
        ],
      },
    });
    renderView();
    expect(screen.getByText('EveryDose was not granted access to claims.')).toBeInTheDocument();
    expect(
      screen.getByText(/Claims could not be read.*signing off saves a new draft/),
    ).toBeInTheDocument();
  });

  it('asks to pick a visit when the launch visit has nothing to bill', () => {
    setAnalysis({ current: undefined });
    renderView();
    expect(
      screen.getByText(/This visit has no medication administrations to bill/),
    ).toBeInTheDocument();
    expect(screen.getByRole('option', { name: 'Pick a visit' })).toBeInTheDocument();
  });
});
