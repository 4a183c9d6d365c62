// @vitest-environment jsdom
// Issue 17 part 5: launched with a patient and no encounter, the visit of the day opens by
// itself, else a visit picker; a failed read gives one message with one "Try again".
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Encounter, FhirResource } from 'fhir/r4';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.tsx';
import { useLaunch } from '../hooks/gateway-context.ts';
import { patientVisits, VISIT_LIMIT } from '../hooks/use-patient-visits.ts';
import { Shell } from './shell.tsx';
import { visitDateText } from '../hooks/visit-words.ts';
import { VisitPicker } from './visit-picker.tsx';
import { defined } from '../../test/defined.ts';

vi.mock('../features/nurse/nurse-view.tsx', () => ({
  NurseView: () => <p>Nurse view is being built.</p>,
}));
vi.mock('../features/coder/coder-view.tsx', () => ({
  CoderView: () => <p>Coder view is being built.</p>,
}));
vi.mock('../features/clinician/clinician-view.tsx', () => ({
  ClinicianView: () => <p>Clinician view is being built.</p>,
}));

const TODAY = '2026-08-05';

const visit = (id: string, start: string | undefined, place = 'Infusion suite'): Encounter => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: { code: 'AMB' },
  subject: { reference: 'Patient/p1' },
  ...(start ? { period: { start } } : {}),
  location: [{ location: { reference: 'Location/l1', display: place } }],
});

const patient: FhirResource = { resourceType: 'Patient', id: 'p1' };

function Opened() {
  const launch = useLaunch();
  return <p>Opened Encounter/{launch.encounterId}</p>;
}

const noEncounter = { encounterId: undefined };

describe('VisitPicker (issue 17 part 5)', () => {
  it.each<[string, Encounter[], { opened?: string; buttons?: string[]; text?: RegExp }]>([
    ['no visits', [], { text: /The EHR has no visit for this patient/ }],
    ['one visit today', [visit('e-today', `${TODAY}T09:00:00-04:00`)], { opened: 'e-today' }],
    [
      'one visit today among older ones',
      [visit('e-old', '2026-07-01T09:00:00-04:00'), visit('e-today', `${TODAY}T09:00:00-04:00`)],
      { opened: 'e-today' },
    ],
    [
      'one visit, not today (boundary: the day before)',
      [visit('e-yesterday', '2026-08-04T23:59:00-04:00')],
      { buttons: ['Open visit of 4 Aug 2026, 23:59, Infusion suite: visit type not recorded'] },
    ],
    [
      'one visit today, entered in error',
      [{ ...visit('e-err', `${TODAY}T09:00:00-04:00`), status: 'entered-in-error' }],
      { buttons: ['Open visit of 5 Aug 2026, 09:00, Infusion suite: visit type not recorded'] },
    ],
    [
      'two visits today',
      [
        visit('e-morning', `${TODAY}T08:00:00-04:00`),
        visit('e-afternoon', `${TODAY}T13:00:00-04:00`),
      ],
      {
        buttons: [
          'Open visit of 5 Aug 2026, 08:00, Infusion suite: visit type not recorded',
          'Open visit of 5 Aug 2026, 13:00, Infusion suite: visit type not recorded',
        ],
      },
    ],
    [
      'several visits, none today, most recent first; an undated one is listed last',
      [
        visit('e-undated', undefined),
        visit('e-jul', '2026-07-01T09:00:00-04:00'),
        visit('e-aug', '2026-08-01T09:00:00-04:00'),
      ],
      {
        buttons: [
          'Open visit of 1 Aug 2026, 09:00, Infusion suite: visit type not recorded',
          'Open visit of 1 Jul 2026, 09:00, Infusion suite: visit type not recorded',
          'Open visit of date not recorded, time not recorded, Infusion suite: visit type not recorded',
        ],
      },
    ],
    [
      'type and reason in words (the visit picker names the visit, never its id)',
      [
        {
          ...visit('e-typed', '2026-08-01T10:30:00-04:00', 'Chair 4'),
          type: [{ text: 'Infusion chair visit' }],
          reasonCode: [{ coding: [{ code: 'C50.911', display: 'Breast cancer, right' }] }],
        },
      ],
      {
        buttons: [
          'Open visit of 1 Aug 2026, 10:30, Chair 4: Infusion chair visit, for Breast cancer, right',
        ],
      },
    ],
    [
      'a type given only as a code is not shown bare',
      [
        {
          ...visit('e-coded', '2026-08-01T10:30:00-04:00', 'Chair 4'),
          type: [{ coding: [{ system: 'urn:x', code: 'INF' }] }],
        },
      ],
      { buttons: ['Open visit of 1 Aug 2026, 10:30, Chair 4: visit type not recorded'] },
    ],
  ])('%s', async (_name, encounters, want) => {
    renderWithApp(
      <VisitPicker today={TODAY}>
        <Opened />
      </VisitPicker>,
      { resources: [patient, ...encounters], launch: noEncounter },
    );
    if (want.opened)
      expect(await screen.findByText(`Opened Encounter/${want.opened}`)).toBeInTheDocument();
    if (want.text) expect(await screen.findByText(want.text)).toBeInTheDocument();
    if (want.buttons) {
      await screen.findByRole('heading', { name: 'Which visit?' });
      expect(
        screen.getAllByRole('button', { name: /^Open visit/ }).map((b) => b.textContent),
      ).toEqual(want.buttons);
      expect(screen.queryByText(/^Opened/)).toBeNull();
      // Issue 17 part 5: the picker never shows an Encounter id.
      for (const e of encounters) expect(document.body.textContent).not.toContain(e.id);
    }
  });

  it('opens the chosen visit and can go back to the list', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <VisitPicker today={TODAY}>
        <Opened />
      </VisitPicker>,
      {
        resources: [
          patient,
          visit('e-jul', '2026-07-01T09:00:00-04:00', 'Chair 3'),
          visit('e-aug', '2026-08-01T09:00:00-04:00', 'Chair 7'),
        ],
        launch: noEncounter,
      },
    );
    const item = defined(
      (await screen.findByRole('button', { name: /^Open visit of 1 Jul 2026/ })).parentElement,
    );
    expect(within(item).getByText('Chair 3')).toBeInTheDocument();
    expect(within(item).getByText('finished')).toBeInTheDocument();
    await user.click(within(item).getByRole('button'));
    expect(await screen.findByText('Opened Encounter/e-jul')).toBeInTheDocument();
    expect(window.location.href).not.toContain('e-jul');
    await user.click(screen.getByRole('button', { name: 'Choose another visit' }));
    expect(await screen.findByRole('heading', { name: 'Which visit?' })).toBeInTheDocument();
  });

  it('says the visits could not be read, with one Try again and no "no visits"', async () => {
    renderWithApp(
      <VisitPicker today={TODAY}>
        <Opened />
      </VisitPicker>,
      {
        resources: [patient, visit('e1', `${TODAY}T09:00:00-04:00`)],
        launch: noEncounter,
        memory: { forbidden: ['Encounter'] },
      },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This patient’s visits could not be read.');
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
    expect(screen.queryByText(/no visit/)).toBeNull();
    expect(screen.queryByText(/^Opened/)).toBeNull();
  });

  it.each([
    [VISIT_LIMIT, 0],
    [VISIT_LIMIT + 1, 1],
  ])('bounds the list: %i visits list %i as not shown', (n, more) => {
    const encounters = Array.from({ length: n }, (_, i) => visit(`e${i}`, `2026-01-01T09:00:00Z`));
    const got = patientVisits(encounters);
    expect(got.visits).toHaveLength(Math.min(n, VISIT_LIMIT));
    expect(got.more).toBe(more);
  });

  it.each([
    ['2026-08-05', '5 Aug 2026'],
    ['2026-12-31', '31 Dec 2026'],
    ['2026-01-01', '1 Jan 2026'],
  ])('writes %s as %s', (date, text) => expect(visitDateText(date)).toBe(text));
});

describe('Shell launched without an encounter', () => {
  it('offers the visit picker instead of an empty screen, then the role view', async () => {
    const user = userEvent.setup();
    renderWithApp(<Shell />, {
      resources: [patient, visit('e-old', '2020-03-02T09:00:00-05:00')],
      launch: { encounterId: undefined, intent: 'coder' },
    });
    // Until a visit is chosen, the patient's administrations today stay in view.
    expect(
      await screen.findByRole('region', { name: 'Administrations today' }, { timeout: 5000 }),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /^Open visit of 2 Mar 2020/ }));
    expect(await screen.findByText('Coder view is being built.')).toBeInTheDocument();
    expect(screen.getByLabelText('Working as')).toHaveValue('coder');
    await waitFor(() => expect(screen.getByText('Administrations this visit')).toBeInTheDocument());
  });
});
