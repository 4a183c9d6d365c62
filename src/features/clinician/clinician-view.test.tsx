// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FhirResource } from 'fhir/r4';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import type { EncounterResult } from '../../engine/index.ts';
import { FhirError } from '../../fhir/gateway.ts';
import type { EncounterAnalysis } from '../../hooks/use-encounter-analysis.ts';
import { ClinicianView } from './clinician-view.tsx';
import { defined } from '../../../test/defined.ts';

const analysis = vi.hoisted(() => ({ current: undefined as unknown }));
vi.mock('../../hooks/use-encounter-analysis.ts', () => ({
  useEncounterAnalysis: () => analysis.current,
}));

const resources: FhirResource[] = [
  {
    resourceType: 'MedicationAdministration',
    id: 'a1',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: 'Nivolumab' },
    effectivePeriod: { start: '2026-08-05T13:20:00-04:00', end: '2026-08-05T13:51:00-04:00' },
    dosage: { dose: { value: 240, unit: 'mg' } },
  },
  {
    resourceType: 'ClaimResponse',
    id: 'r1',
    status: 'active',
    type: { text: 'professional' },
    use: 'preauthorization',
    outcome: 'complete',
    created: '2026-02-01',
    insurer: { display: 'Acme' },
    patient: { reference: 'Patient/p1' },
    preAuthRef: 'PA-55120',
    preAuthPeriod: { start: '2026-02-01', end: '2026-07-29' },
  },
];

const result: EncounterResult = {
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  dateOfService: '2026-08-05',
  setting: 'professional',
  lines: [],
  warnings: [
    {
      code: 'FLUSH_KVO_NOT_BILLABLE',
      severity: 'info',
      message: 'A flush is not billed.',
      sources: [],
    },
    {
      code: 'AUTH_EXPIRED',
      severity: 'error',
      message: "Nivolumab: authorization PA-55120 ended 2026-07-29 — today's dose is not covered.",
      sources: ['MedicationAdministration/a1', 'ClaimResponse/r1'],
      amountAtStake: 8213.28,
    },
    {
      code: 'CONTAINER_TYPE_UNKNOWN',
      severity: 'warning',
      message: 'Nivolumab: single- or multiple-dose vial is not known.',
      sources: ['MedicationAdministration/a1'],
    },
    {
      code: 'COVERAGE_NOT_ACTIVE',
      severity: 'warning',
      message: 'Coverage was not active on 2026-08-05.',
      sources: [],
    },
    {
      code: 'DOSE_ROUNDED_WITHIN_POLICY',
      severity: 'info',
      message: 'Nivolumab: dose rounded within the practice policy.',
      sources: ['MedicationAdministration/a1'],
    },
  ],
};

function state(overrides: Partial<EncounterAnalysis>): EncounterAnalysis {
  return {
    isPending: false,
    error: null,
    results: [],
    current: undefined,
    picture: { resources, unreadable: [] },
    refetch: () => undefined,
    ...overrides,
  };
}

beforeEach(() => {
  analysis.current = state({});
});

describe('ClinicianView', () => {
  it('shows progress while loading', () => {
    analysis.current = state({ isPending: true, picture: undefined });
    renderWithApp(<ClinicianView />);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Checking this visit against the billing rules',
    );
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
  });

  it('shows an error in plain words with a retry', async () => {
    const refetch = vi.fn();
    analysis.current = state({
      error: new FhirError(
        'forbidden',
        'The EHR did not allow EveryDose to read medication administrations.',
        403,
      ),
      refetch,
    });
    renderWithApp(<ClinicianView />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('EveryDose could not check this visit.');
    expect(alert).toHaveTextContent('did not allow EveryDose to read medication administrations');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(refetch).toHaveBeenCalled();
  });

  it('never shows a stack trace for an unexpected error', () => {
    analysis.current = state({ error: new TypeError('x is undefined at foo (bar.js:1:2)') });
    renderWithApp(<ClinicianView />);
    expect(screen.getByRole('alert')).not.toHaveTextContent('bar.js');
  });

  it('says plainly when there is nothing to check', () => {
    renderWithApp(<ClinicianView />);
    expect(
      screen.getByText(/No medication administrations are recorded for this visit yet/),
    ).toBeInTheDocument();
  });

  it('says plainly when the visit has no problems', () => {
    analysis.current = state({ current: { ...result, warnings: [] } });
    renderWithApp(<ClinicianView />);
    expect(screen.getByText(/No billing problems found/)).toBeInTheDocument();
  });

  // Issue #16 part 2: the clinician's list carries no coder-only items (the JW/JZ container
  // check, the flush rule); it says how many were left to the coder.
  it('lists the clinician’s warnings worst first, with a summary; coder items only counted', () => {
    analysis.current = state({ current: result });
    renderWithApp(<ClinicianView />);
    expect(
      screen.getByText(/3 warnings: 1 to fix, 1 to check, 1 for information/),
    ).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Warnings, worst first' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      "Must fixNivolumab: authorization PA-55120 ended 2026-07-29 — today's dose is not covered. ($8,213.28 at stake)",
      'CheckCoverage was not active on 2026-08-05.',
      'For informationNivolumab: dose rounded within the practice policy.',
    ]);
    expect(screen.queryByText(/single- or multiple-dose vial/)).toBeNull();
    expect(screen.queryByText(/A flush is not billed/)).toBeNull();
    expect(screen.getByText(/2 coding items .* are left to the coder/)).toBeInTheDocument();
  });

  it('expands a warning to its evidence: records, dates, units, money', async () => {
    analysis.current = state({ current: result });
    renderWithApp(<ClinicianView />);
    const button = screen.getByRole('button', { name: /authorization PA-55120/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.setup().click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const evidence = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(evidence).toBeVisible();
    const text = evidence?.textContent ?? '';
    expect(text).toContain(
      'Administration of Nivolumab: dose 240 mg, 2026-08-05 13:20 to 2026-08-05 13:51',
    );
    expect(text).toContain(
      'Authorization PA-55120: outcome complete, valid 2026-02-01 to 2026-07-29',
    );
    expect(button).toHaveTextContent('$8,213.28 at stake');
    expect(text).toContain('Warning code: AUTH_EXPIRED');
  });

  it('is keyboard friendly: Enter toggles the evidence', async () => {
    analysis.current = state({ current: result });
    renderWithApp(<ClinicianView />);
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getAllByRole('button')[0]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getAllByRole('button')[0]).toHaveAttribute('aria-expanded', 'true');
  });

  it('also lists other visits with something to fix or check, latest first', () => {
    const older = { ...result, encounter: 'Encounter/e0', dateOfService: '2026-07-01' };
    const infoOnly = {
      ...result,
      encounter: 'Encounter/e2',
      dateOfService: '2026-09-01',
      warnings: [defined(result.warnings[0])],
    };
    analysis.current = state({ current: result, results: [older, result, infoOnly] });
    renderWithApp(<ClinicianView />);
    const region = screen.getByRole('region', { name: 'Other visits' });
    expect(
      within(region)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual(['Visit on 2026-07-01: 3 warnings: 1 to fix, 1 to check, 1 for information.']);
  });

  it('lists what could not be read as such, never as none', () => {
    analysis.current = state({
      current: result,
      picture: {
        resources,
        unreadable: [
          {
            resourceType: 'Claim',
            reason: 'EveryDose was not granted access to claims and authorization requests.',
          },
        ],
      },
    });
    renderWithApp(<ClinicianView />);
    const region = screen.getByRole('region', { name: 'Could not be read' });
    expect(region).toHaveTextContent(
      'claims and authorization requests: EveryDose was not granted access',
    );
  });
});
