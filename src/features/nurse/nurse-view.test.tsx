// @vitest-environment jsdom
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FhirResource, MedicationAdministration } from 'fhir/r4';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { EXT, SYSTEMS } from '../../fhir/extensions.ts';
import type { MemoryGateway } from '../../fhir/test-kit/memory-gateway.ts';
import { toIsoWithOffset } from './local-time.ts';
import { NurseView } from './nurse-view.tsx';
import { provenanceWrites, recordWrites } from '../../fhir/test-kit/memory-gateway.ts';

// A busy machine renders the first screen slowly; wait up to 5 s for it.
configure({ asyncUtilTimeout: 5000 });

// Today, in the device's time zone, so the chair shows these as today's.
const today = (h: number, m = 0) => {
  const d = new Date();
  d.setHours(h, m, 0, 0);
  return toIsoWithOffset(d);
};

const resources: FhirResource[] = [
  { resourceType: 'Patient', id: 'p1' },
  {
    resourceType: 'Encounter',
    id: 'e1',
    status: 'in-progress',
    class: { code: 'AMB' },
    subject: { reference: 'Patient/p1' },
  },
  {
    resourceType: 'MedicationAdministration',
    id: 'pembro',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: {
      text: 'Pembrolizumab',
      coding: [{ system: SYSTEMS.ndc, code: '00006-3026-02' }],
    },
    effectivePeriod: { start: today(0, 1), end: today(0, 40) },
    dosage: { dose: { value: 144, unit: 'mg', system: SYSTEMS.ucum, code: 'mg' } },
  },
  {
    resourceType: 'MedicationRequest',
    id: 'ond',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: 'Ondansetron' },
  },
];

const launch = { patientId: 'p1', encounterId: 'e1', fhirUser: 'Practitioner/nurse-1' };

beforeEach(() => window.sessionStorage.clear());

describe('NurseView in the app (memory gateway, built-in drug data)', () => {
  it("documents waste from the built-in catalog's suggestion, and starts an ordered drug", async () => {
    const user = userEvent.setup();
    // Entries are held 300 ms for "Undo" here (the app's 6 s would outlast waitFor).
    const { gateway } = renderWithApp(<NurseView undoMs={300} />, { launch, resources });
    const memory = gateway as MemoryGateway;
    const orders = await screen.findByRole('region', { name: 'Ordered, not started' });
    expect(within(orders).getByText('Ondansetron')).toBeInTheDocument();

    // What billing still needs, from the engine's warnings; it clears once the waste is saved.
    const todo = await screen.findByRole(
      'region',
      { name: 'Still needed for billing' },
      {
        timeout: 10_000,
      },
    );
    expect(todo).toHaveTextContent('Pembrolizumab: the amount discarded is not documented.');
    await user.click(await screen.findByRole('button', { name: /document waste/i }));
    // The built-in drug data loads lazily; the suggestion appears once it is there (issue 14 §2:
    // never pre-filled silently, the nurse accepts it).
    await user.click(await screen.findByRole('button', { name: 'Use this' }, { timeout: 10_000 }));
    expect(screen.getByRole('status', { name: 'Will be saved:' })).toHaveTextContent(
      '2 × 100 mg containers (200 mg): 144 mg given, 56 mg discarded',
    );
    expect(screen.getByLabelText('Amount discarded (mg)')).toHaveValue('56');
    await user.click(screen.getByRole('button', { name: 'Save waste' }));
    await waitFor(() => expect(recordWrites(memory)).toHaveLength(1));
    const saved = recordWrites(memory)[0]?.resource as MedicationAdministration;
    expect(saved.extension?.map((e) => e.url)).toEqual([EXT.container, EXT.discardedAmount]);
    await waitFor(() =>
      expect(
        screen.getByRole('region', { name: 'Still needed for billing' }),
      ).not.toHaveTextContent('Pembrolizumab'),
    );

    await user.click(
      screen.getByRole('button', { name: /record start time now for ondansetron/i }),
    );
    await waitFor(() => expect(recordWrites(memory)).toHaveLength(2));
    await waitFor(() => expect(provenanceWrites(memory)).toHaveLength(2));
    const running = await screen.findByRole('region', { name: 'Running now' });
    expect(within(running).getByText('Ondansetron')).toBeInTheDocument();
    await screen.findByText('All entries saved.');
  }, 60_000); // loads the whole built-in drug data and the engine
});
