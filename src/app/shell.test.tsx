// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FhirResource, Medication } from 'fhir/r4';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.tsx';
import { APP_ROLE_SYSTEM } from '../fhir/extensions.ts';
import { Shell } from './shell.tsx';

// The role screens are other people's work; here only the routing to them matters.
vi.mock('../features/nurse/nurse-view.tsx', () => ({
  NurseView: () => <p>Nurse view is being built.</p>,
}));
vi.mock('../features/coder/coder-view.tsx', () => ({
  CoderView: () => <p>Coder view is being built.</p>,
}));
vi.mock('../features/clinician/clinician-view.tsx', () => ({
  ClinicianView: () => <p>Clinician view is being built.</p>,
}));

const patient: FhirResource = {
  resourceType: 'Patient',
  id: 'p1',
  name: [{ use: 'official', given: ['Ada'], family: 'Testpatient' }],
  birthDate: '1961-04-02',
  gender: 'female',
  identifier: [
    {
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] },
      value: 'MRN-0042',
    },
  ],
};

const role = (practitioner: string, code: string): FhirResource => ({
  resourceType: 'PractitionerRole',
  id: `role-${practitioner}`,
  practitioner: { reference: `Practitioner/${practitioner}` },
  code: [{ coding: [{ system: APP_ROLE_SYSTEM, code }] }],
});

const pembrolizumab: Medication = {
  resourceType: 'Medication',
  id: 'med',
  code: { text: 'Pembrolizumab' },
};

const administrations: FhirResource[] = [
  {
    resourceType: 'MedicationAdministration',
    id: 'a2',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: 'Ondansetron' },
    effectivePeriod: { start: '2026-11-26T09:30:00-05:00', end: '2026-11-26T09:45:00-05:00' },
    dosage: { dose: { value: 8, unit: 'mg' } },
  },
  {
    resourceType: 'MedicationAdministration',
    id: 'a1',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationReference: { reference: '#med' },
    contained: [pembrolizumab],
    effectivePeriod: { start: '2026-11-26T10:02:00-05:00', end: '2026-11-26T10:35:00-05:00' },
    dosage: { dose: { value: 200, unit: 'mg' } },
  },
  {
    resourceType: 'MedicationAdministration',
    id: 'other-visit',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e0' },
    medicationCodeableConcept: { text: 'Old drug' },
    effectiveDateTime: '2026-10-01T10:00:00-05:00',
  },
];

const base = [
  patient,
  ...administrations,
  role('clinician-1', 'clinician'),
  role('nurse-1', 'nurse'),
];

describe('Shell role selection', () => {
  it.each([
    ['the SMART intent', { intent: 'coder' }, 'Coder view is being built.', 'coder'],
    [
      'the PractitionerRole',
      { fhirUser: 'Practitioner/nurse-1' },
      'Nurse view is being built.',
      'nurse',
    ],
  ])('takes the role from %s', async (_source, launch, text, value) => {
    renderWithApp(<Shell />, { resources: base, launch });
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.getByLabelText('Working as')).toHaveValue(value);
  });

  it('lets the user pick when neither says, then switch', async () => {
    const user = userEvent.setup();
    renderWithApp(<Shell />, {
      resources: [patient],
      launch: { fhirUser: 'Practitioner/unknown' },
    });
    await user.click(await screen.findByRole('button', { name: 'Nurse' }));
    expect(await screen.findByText('Nurse view is being built.')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Working as'), 'coder');
    expect(await screen.findByText('Coder view is being built.')).toBeInTheDocument();
  });

  it('picks by hand when the PractitionerRole cannot be read', async () => {
    renderWithApp(<Shell />, {
      resources: base,
      memory: { forbidden: ['PractitionerRole'] },
    });
    expect(
      await screen.findByRole('heading', { name: 'Which work are you doing?' }),
    ).toBeInTheDocument();
  });
});

describe('Shell patient banner and first screen', () => {
  it('shows the banner: name, birth date, gender, MRN', async () => {
    renderWithApp(<Shell />, { resources: base });
    const banner = await screen.findByRole('region', { name: 'Patient' });
    expect(within(banner).getByText('Ada Testpatient')).toBeInTheDocument();
    expect(within(banner).getByText('1961-04-02')).toBeInTheDocument();
    expect(within(banner).getByText('female')).toBeInTheDocument();
    expect(within(banner).getByText('MRN-0042')).toBeInTheDocument();
  });

  it('says so when the patient cannot be read, and still shows the visit', async () => {
    renderWithApp(<Shell />, { resources: base, memory: { forbidden: ['Patient'] } });
    expect(await screen.findByText(/Patient details could not be read/)).toBeInTheDocument();
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  it('hides the banner when need_patient_banner is false', async () => {
    renderWithApp(<Shell />, { resources: base, launch: { needPatientBanner: false } });
    expect(await screen.findByText('Clinician view is being built.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Patient' })).not.toBeInTheDocument();
  });

  it("lists the launch encounter's administrations in time order with dose and times", async () => {
    renderWithApp(<Shell />, { resources: base });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Ondansetron',
      'Pembrolizumab',
    ]);
    expect(within(rows[1]!).getByText('200 mg')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('2026-11-26 10:02')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('2026-11-26 10:35')).toBeInTheDocument();
  });
});
