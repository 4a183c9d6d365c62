// @vitest-environment jsdom
// Before the dose (billing-rules P-1–P-8) over the whole app pipeline: memory gateway → loader →
// planned checks, on story 06's next cycle (ordered, not given, authorization expired).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import type { Bundle, FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { ClinicianView } from './clinician-view.tsx';

function fixture(name: string): FhirResource[] {
  const path = resolve(import.meta.dirname, '../../../fhir-fixtures', name);
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Bundle<FhirResource>;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

const story = [...fixture('06-authorization-expired.json'), ...fixture('practitioners.json')];

describe('P-4 the clinician sees the planned dose’s expired authorization before it is given', () => {
  it.each([
    ['the next cycle’s visit', 'enc-auth-expired-20260819', true],
    ['the visit already charted', 'enc-auth-expired-20260805', false],
  ])('P-4 launched on %s', async (_l, encounterId, shown) => {
    renderWithApp(<ClinicianView />, {
      resources: story,
      launch: { patientId: 'pt-auth-expired', encounterId },
    });
    await screen.findByRole('heading', { name: 'Billing warnings' });
    if (!shown) {
      await screen.findByText(/Visit on 2026-08-05/, {}, { timeout: 10000 });
      expect(screen.queryByRole('region', { name: 'Before the dose' })).not.toBeInTheDocument();
      return;
    }
    const region = await screen.findByRole(
      'region',
      { name: 'Before the dose' },
      { timeout: 10000 },
    );
    const list = within(region).getByRole('list', { name: 'Before the dose, worst first' });
    const first = within(list).getAllByRole('button')[0];
    expect(first).toHaveTextContent(/Must fix.*PA-55120.*\$8,213\.28 at stake/);
    expect(region).not.toHaveTextContent('CONTAINER_TYPE_UNKNOWN');
  });
});
