// The real SMART launch end to end: launcher → authorize → token → the app, for each role;
// a tampered PKCE verifier is refused; the FHIR server refuses calls without a token.
import { describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin, launchAs, stack, tokenStatusOf, type Role } from './harness.ts';

interface Ref {
  reference?: string;
}
interface Administration {
  id: string;
  subject?: Ref;
  context?: Ref;
}

async function launchTarget(): Promise<{ patientId: string; encounterId: string }> {
  const mas = await fhirAdmin().search<Administration>('MedicationAdministration?_count=50');
  const ma = mas.find((m) => m.context?.reference && m.subject?.reference);
  if (!ma?.context?.reference || !ma.subject?.reference) {
    throw new Error('The seed data has no administration linked to a patient and an encounter');
  }
  return {
    patientId: ma.subject.reference.split('/').pop() ?? '',
    encounterId: ma.context.reference.split('/').pop() ?? '',
  };
}

describe('local EHR launch', () => {
  it('refuses a FHIR call without a token with 401 and an OperationOutcome', async () => {
    const res = await fetch(`${stack().fhirBase}/Patient?_count=1`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { resourceType: string };
    expect(body.resourceType).toBe('OperationOutcome');
  });

  it('serves a launcher page with labelled controls', async () => {
    const res = await fetch(stack().launcherUrl);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<label for="patient">');
    expect(html).toContain('Launch EveryDose');
  });

  it.each<[Role, boolean]>([
    ['nurse', true],
    ['clinician', false],
    ['coder', true],
  ])(
    'launches the app as %s (embedded: %s) and completes the token request',
    async (role, embedded) => {
      const target = await launchTarget();
      const page = await launchAs({ role, embedded, ...target });
      expect(tokenStatusOf(page)).toBe(200);
      const app = appFrame(page);
      expect(new URL(app.url()).pathname).toMatch(/\/(index\.html)?$/);
      await page.context().close();
    },
  );

  it('fails the token request when the PKCE verifier is tampered with', async () => {
    const target = await launchTarget();
    const page = await launchAs({
      role: 'nurse',
      ...target,
      tamperPkceVerifier: true,
    });
    expect(tokenStatusOf(page)).toBe(400);
    await page.context().close();
  });
});
