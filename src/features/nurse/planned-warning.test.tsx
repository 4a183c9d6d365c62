// @vitest-environment jsdom
// Issue 16 part 1 (billing-rules P-1–P-8): the nurse sees the planned dose's authorization
// problem on the order card, above "Record start time now", and can still start; the start is
// recorded. Data: fixture story 06 (PA-55120 ended 29 July 2026; cycle 2 planned 19 August).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, FhirResource, MedicationAdministration } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import type { MemoryGateway } from '../../fhir/test-kit/memory-gateway.ts';
import { NurseView } from './nurse-view.tsx';

configure({ asyncUtilTimeout: 10_000 });

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fhir-fixtures');
const read = (f: string): FhirResource[] =>
  (
    (JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Bundle<FhirResource>).entry ?? []
  ).flatMap((e) => (e.resource ? [e.resource] : []));
const resources = [...read('06-authorization-expired.json'), ...read('practitioners.json')];
const launch = {
  patientId: 'pt-auth-expired',
  encounterId: 'enc-auth-expired-20260819',
  fhirUser: 'Practitioner/nurse-1',
};

describe('P-1–P-8 planned-dose warning on the nurse order card', () => {
  it('names the expired authorization above "Record start time now"; starting is still possible and recorded', async () => {
    const user = userEvent.setup();
    const { gateway } = renderWithApp(<NurseView undoMs={300} />, { launch, resources });
    const memory = gateway as MemoryGateway;
    const orders = await screen.findByRole('region', { name: 'Ordered, not started' });
    const note = await within(orders).findByRole(
      'note',
      { name: 'Check before starting' },
      { timeout: 20_000 },
    );
    expect(note).toHaveTextContent(
      'Prior authorization PA-55120 ended on 29 July: check with the clinician before starting',
    );
    const start = within(orders).getByRole('button', { name: /record start time now/i });
    // The warning comes first in the card's reading order.
    expect(note.compareDocumentPosition(start) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(start);
    // The visit is 19 August 2026, not today: the start asks for a worded confirmation first
    // (issue 14 part 1), then is recorded despite the authorization warning.
    await user.click(await screen.findByRole('button', { name: /save start time anyway/i }));
    await waitFor(() => expect(memory.writes.length).toBeGreaterThanOrEqual(1), {
      timeout: 10_000,
    });
    const written = memory.writes[0]?.resource as MedicationAdministration;
    expect(written.resourceType).toBe('MedicationAdministration');
    expect(written.status).toBe('in-progress');
    expect(written.context?.reference).toBe('Encounter/enc-auth-expired-20260819');
  }, 60_000);
});
