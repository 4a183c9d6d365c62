// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import type { FhirResource, Medication } from 'fhir/r4';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.tsx';
import { APP_ROLE_SYSTEM } from '../fhir/extensions.ts';
import { Shell } from './shell.tsx';
import { defined } from '../../test/defined.ts';

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

  // Issue "never write wrong data" part 5: only the roles the EHR gives are offered (this
  // replaces "pick any role when neither says, then switch to Coder").
  it.each<[string, Record<string, unknown>, FhirResource[], string[]]>([
    ['a nurse (PractitionerRole nurse)', { fhirUser: 'Practitioner/nurse-1' }, base, ['nurse']],
    [
      'a nurse launched with intent nurse',
      { fhirUser: 'Practitioner/nurse-1', intent: 'nurse' },
      base,
      ['nurse'],
    ],
    [
      'a practitioner with two roles',
      { fhirUser: 'Practitioner/nurse-1' },
      [...base, { ...role('nurse-1', 'clinician'), id: 'role-2' }],
      ['nurse', 'clinician'],
    ],
    [
      'intent coder for a clinician',
      { fhirUser: 'Practitioner/clinician-1', intent: 'coder' },
      base,
      ['clinician', 'coder'],
    ],
  ])('"Working as" lists only the allowed roles: %s', async (_name, launch, resources, want) => {
    renderWithApp(<Shell />, { resources, launch });
    const select = await screen.findByLabelText('Working as');
    await waitFor(() =>
      expect(
        within(select)
          .getAllByRole('option')
          .filter((o) => !(o as HTMLOptionElement).disabled)
          .map((o) => (o as HTMLOptionElement).value),
      ).toEqual(want),
    );
  });

  it.each([
    ['a Patient', 'Patient/p1'],
    ['a RelatedPerson', 'RelatedPerson/rp1'],
    ['a practitioner with no app role', 'Practitioner/unknown'],
  ])('gives %s a read-only view with no role to choose', async (_name, fhirUser) => {
    renderWithApp(<Shell />, { resources: base, launch: { fhirUser, intent: undefined } });
    expect(await screen.findByText(/nothing here can be changed/)).toBeInTheDocument();
    expect(screen.getByText('Working as: view only')).toBeInTheDocument();
    expect(screen.queryByLabelText('Working as')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Coder' })).not.toBeInTheDocument();
    expect(await screen.findByRole('table')).toBeInTheDocument();
  });

  // Part 7: the role picker never sits under an error (replaces "picks by hand when the
  // PractitionerRole cannot be read").
  it('says the roles could not be read, with one Try again, and offers no picker', async () => {
    renderWithApp(<Shell />, {
      resources: base,
      launch: { fhirUser: 'Practitioner/nurse-1' },
      memory: { forbidden: ['PractitionerRole'] },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your role in the EHR could not be read.');
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Which work are you doing?' })).toBeNull();
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
    expect(within(defined(rows[1])).getByText('200 mg')).toBeInTheDocument();
    expect(within(defined(rows[1])).getByText('2026-11-26 10:02')).toBeInTheDocument();
    expect(within(defined(rows[1])).getByText('2026-11-26 10:35')).toBeInTheDocument();
  });
});
