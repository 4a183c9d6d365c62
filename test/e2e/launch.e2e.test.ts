// The real SMART launch end to end: launcher → authorize → token → the app, for each role;
// a tampered PKCE verifier is refused; the FHIR server refuses calls without a token.
import { describe, expect, it } from 'vitest';
import {
  appFrame,
  fhirAdmin,
  launchAs,
  launchStandalone,
  stack,
  tokenStatusOf,
  type Role,
} from './harness.ts';

interface Ref {
  reference?: string;
}
interface Administration {
  id: string;
  subject?: Ref;
  context?: Ref;
}

/** The fixture encounter with the most administrations, and how many it has. */
async function launchTarget(): Promise<{ patientId: string; encounterId: string; count: number }> {
  const mas = await fhirAdmin().search<Administration>('MedicationAdministration?_count=200');
  const counts = new Map<string, number>();
  for (const m of mas) {
    if (!m.context?.reference || !m.subject?.reference) continue;
    const key = `${m.subject.reference} ${m.context.reference}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best)
    throw new Error('The seed data has no administration linked to a patient and an encounter');
  const [patient, encounter] = best[0].split(' ');
  return {
    patientId: patient?.split('/').pop() ?? '',
    encounterId: encounter?.split('/').pop() ?? '',
    count: best[1],
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
    'launches as %s (embedded: %s) and shows the launch encounter’s administrations',
    async (role, embedded) => {
      const target = await launchTarget();
      const page = await launchAs({ role, embedded, ...target });
      expect(tokenStatusOf(page)).toBe(200);
      const app = appFrame(page);
      expect(new URL(app.url()).pathname).toMatch(/\/(index\.html)?$/);
      await page.context().close();
    },
  );

  it('says plainly that sign-in failed when the PKCE verifier is tampered with', async () => {
    const { patientId, encounterId } = await launchTarget();
    const page = await launchAs({
      role: 'nurse',
      patientId,
      encounterId,
      tamperPkceVerifier: true,
    });
    expect(tokenStatusOf(page)).toBe(400);
    const alert = appFrame(page).getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toMatch(/did not accept the sign-in/);
    await page.context().close();
  });

  it('launches standalone: the EHR asks for the patient, the app opens on today', async () => {
    const { patientId } = await launchTarget();
    const page = await launchStandalone({ role: 'coder', patientId });
    expect(tokenStatusOf(page)).toBe(200);
    const today = page.getByRole('region', { name: 'Administrations today' });
    await today.waitFor({ timeout: 60_000 });
    await page.context().close();
  });
});
