// @vitest-environment jsdom
// The clinician view over the whole app pipeline: memory gateway → loader → mapper → engine
// with the built-in reference data, on the "authorization expired" fixture story.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../../test/render.tsx';
import { ClinicianView } from './clinician-view.tsx';
import { defined } from '../../../test/defined.ts';

function fixture(name: string): FhirResource[] {
  const path = resolve(import.meta.dirname, '../../../fhir-fixtures', name);
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Bundle<FhirResource>;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

const story = [...fixture('06-authorization-expired.json'), ...fixture('practitioners.json')];
const launch = { patientId: 'pt-auth-expired', encounterId: 'enc-auth-expired-20260805' };

describe('ClinicianView on the authorization-expired story', () => {
  it('leads with the expired authorization, with its evidence', async () => {
    renderWithApp(<ClinicianView />, { resources: story, launch });
    const list = await screen.findByRole(
      'list',
      { name: 'Warnings, worst first' },
      { timeout: 10000 },
    );
    const first = defined(within(list).getAllByRole('button')[0]);
    expect(first).toHaveTextContent(/Must fix.*PA-55120.*2026-07-29/);
    await userEvent.setup().click(first);
    const evidence = document.getElementById(first.getAttribute('aria-controls') ?? '');
    expect(evidence).toHaveTextContent('Administration of');
    expect(evidence).toHaveTextContent('2026-08-05 13:20');
    expect(evidence).toHaveTextContent('AUTH_EXPIRED');
  });

  it('says the authorizations could not be read when claims are refused (AUTH_UNKNOWN, not none)', async () => {
    renderWithApp(<ClinicianView />, {
      resources: story,
      launch,
      memory: { forbidden: ['Claim', 'ClaimResponse'] },
    });
    const region = await screen.findByRole(
      'region',
      { name: 'Could not be read' },
      { timeout: 10000 },
    );
    expect(region).toHaveTextContent('claims and authorization requests');
    expect(screen.queryByText(/PA-55120 ended/)).not.toBeInTheDocument();
  });
});
