// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FhirResource } from 'fhir/r4';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.tsx';
import { useLaunch } from '../hooks/gateway-context.ts';
import { Shell } from './shell.tsx';
import { defined } from '../../test/defined.ts';

// The coder review is another screen; here only which visit it is opened on matters.
vi.mock('../features/coder/coder-view.tsx', () => ({
  CoderView: function CoderView() {
    const launch = useLaunch();
    return <p>Reviewing {launch.encounterId}</p>;
  },
}));

function visit(i: number, drug: string, end?: string): FhirResource[] {
  return [
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
    },
    {
      resourceType: 'MedicationAdministration',
      id: `a${i}`,
      status: 'completed',
      subject: { reference: `Patient/p${i}` },
      context: { reference: `Encounter/e${i}` },
      medicationCodeableConcept: { text: drug },
      effectivePeriod: { start: '2026-08-03T09:10:00-04:00', ...(end ? { end } : {}) },
      dosage: { dose: { value: 8, unit: 'mg' } },
    },
  ];
}

const resources: FhirResource[] = [
  ...visit(1, 'Ondansetron', '2026-08-03T09:40:00-04:00'),
  ...visit(2, 'Dexamethasone'),
  ...visit(3, 'Ondansetron', '2026-08-03T09:25:00-04:00'),
  {
    resourceType: 'List',
    id: 'queue',
    status: 'current',
    mode: 'working',
    title: 'Coding queue 3 August',
    entry: [1, 2, 3].map((i) => ({ item: { reference: `Encounter/e${i}` } })),
  },
];

// The engine and its reference data load as a lazy chunk: slow under jsdom.
const SLOW = { timeout: 20_000 };

const coderLaunch = {
  patientId: undefined,
  encounterId: undefined,
  intent: 'coder',
  fhirUser: 'Practitioner/coder-1',
  needPatientBanner: false,
  grantedScopes: ['launch', 'openid', 'fhirUser', 'user/*.rs'],
};

describe('Coder worklist in the shell', () => {
  it(
    'lists a work queue, opens a visit, moves to the next and back to the list',
    { timeout: 60_000 },
    async () => {
      const user = userEvent.setup();
      renderWithApp(<Shell />, { resources, launch: { ...coderLaunch, workQueue: 'List/queue' } });
      expect(
        await screen.findByRole('heading', { name: 'Coding queue 3 August' }, SLOW),
      ).toBeInTheDocument();
      const table = await screen.findByRole('table', {}, SLOW);
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows).toHaveLength(3);
      // The visit with no stop time needs the nurse.
      const p2 = rows.find((r) => within(r).queryByText('Test Patient2'));
      expect(p2).toHaveTextContent('Needs nurse documentation');
      const order = rows.map((r) =>
        defined(within(r).getByRole('rowheader').querySelector('button')),
      );
      const names = order.map((b) => b.textContent);

      await user.click(defined(order[0]));
      const encounterOf = (name: string | null) => `e${name?.slice(-1)}`;
      expect(
        await screen.findByText(`Reviewing ${encounterOf(defined(names[0]))}`, {}, SLOW),
      ).toBeInTheDocument();
      expect(screen.getByText('Visit 1 of 3')).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Next visit' }));
      expect(
        await screen.findByText(`Reviewing ${encounterOf(defined(names[1]))}`, {}, SLOW),
      ).toBeInTheDocument();
      expect(screen.getByText('Visit 2 of 3')).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Back to the worklist' }));
      await waitFor(() => expect(screen.getByRole('table')).toBeVisible());
      expect(screen.getByRole('button', { name: defined(names[1]) })).toHaveFocus();
    },
  );

  it(
    'standalone (no patient, user-level scopes): pick a date, then the day is listed',
    { timeout: 60_000 },
    async () => {
      const user = userEvent.setup();
      renderWithApp(<Shell />, { resources, launch: coderLaunch });
      const date = await screen.findByLabelText('Date');
      await user.clear(date);
      await user.type(date, '2026-08-03');
      await user.click(screen.getByRole('button', { name: 'Show visits' }));
      const table = await screen.findByRole('table', {}, SLOW);
      expect(within(table).getAllByRole('row')).toHaveLength(4);
      expect(screen.getByText(/3 visits, \$[\d,.]+ at stake/)).toBeInTheDocument();
    },
  );

  it(
    'says once that the visits could not be loaded, with one Try again',
    { timeout: 60_000 },
    async () => {
      renderWithApp(<Shell />, {
        resources,
        launch: { ...coderLaunch, workQueue: 'List/missing' },
      });
      const alert = await screen.findByRole('alert', {}, SLOW);
      expect(alert).toHaveTextContent('The visits could not be loaded.');
      expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
    },
  );
});
