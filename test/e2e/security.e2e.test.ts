// Security end to end (issue 8): least-privilege scopes requested, no tokens or PHI in
// localStorage, no PHI in the URL or the console after launch, a CSP whose frame-ancestors
// still lets the launcher's EHR frame show the app, and hostile markup in FHIR data rendered
// as text in every role's view (no script runs, no element is injected).
import type { ConsoleMessage, Frame, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scopeString } from '../../src/fhir/scopes.ts';
import { appFrame, fhirAdmin, launchAs, stack, type Role } from './harness.ts';

const PATIENT = 'pt-auth-expired';
const ENCOUNTER = 'enc-auth-expired-20260805';
const NAME = /Haddad|Samir/;
const MRN = 'ED-100006';
const HOSTILE = '<img src=x onerror=alert(1)>';

const READY: Record<Role, (app: Page | Frame) => Promise<void>> = {
  clinician: (app) =>
    app.getByRole('list', { name: 'Warnings, worst first' }).waitFor({ timeout: 90_000 }),
  nurse: (app) => app.getByRole('heading', { name: /chair: today/i }).waitFor({ timeout: 90_000 }),
  coder: (app) => app.getByRole('heading', { name: 'Coder review' }).waitFor({ timeout: 90_000 }),
};

describe('security end to end', () => {
  beforeEach(async () => {
    await fhirAdmin().reset();
  });
  afterEach(async () => {
    await fhirAdmin().reset();
  });

  it('asks for least-privilege scopes; keeps no token or PHI in localStorage, the URL or the console', async () => {
    const consoleText: string[] = [];
    const page = await launchAs({ role: 'clinician', patientId: PATIENT, encounterId: ENCOUNTER });
    // launchAs resolves after the token answer; the authorize request was made before it.
    for (const r of await page.context().pages()) {
      r.on('console', (m: ConsoleMessage) => consoleText.push(m.text()));
    }
    const app = appFrame(page);
    await READY.clinician(app);
    // The banner shows the patient, so PHI is on the screen; it must not be stored or logged.
    expect(await app.getByRole('region', { name: 'Patient' }).innerText()).toMatch(NAME);

    const local = await app.evaluate(() => JSON.stringify({ ...window.localStorage }));
    expect(local).not.toMatch(/access_token|refresh_token|id_token/);
    expect(local).not.toMatch(NAME);
    expect(local).not.toContain(MRN);

    const url = new URL(app.url());
    expect(url.searchParams.has('code')).toBe(false);
    expect(decodeURIComponent(url.href)).not.toMatch(NAME);
    expect(url.href).not.toContain(MRN);

    await page.reload();
    await READY.clinician(appFrame(page));
    const logged = consoleText.join('\n');
    expect(logged).not.toMatch(NAME);
    expect(logged).not.toContain(MRN);
    expect(logged).not.toMatch(/access_token|Bearer /);
    await page.context().close();
  });

  it('the scopes the app asks for are the least-privilege list (no wildcards, no user/ writes)', () => {
    const list = scopeString().split(/\s+/);
    expect(list.some((sc) => sc.includes('*'))).toBe(false);
    expect(list.filter((sc) => /^user\/.*\.[cud]/.test(sc))).toEqual([]);
    expect(list.filter((sc) => /^patient\/.*\.[cud]/.test(sc)).sort()).toEqual([
      'patient/Claim.cu',
      'patient/MedicationAdministration.cu',
      'patient/Provenance.c',
    ]);
    expect(list).not.toContain('offline_access');
  });

  it('works with fewer scopes than it asks for (Coverage and Claim withheld)', async () => {
    const page = await launchAs({
      role: 'clinician',
      patientId: PATIENT,
      encounterId: ENCOUNTER,
      withhold: ['Coverage', 'Claim', 'ClaimResponse', 'CoverageEligibilityResponse'],
    });
    const app = appFrame(page);
    const region = app.getByRole('region', { name: 'Could not be read' });
    await region.waitFor({ timeout: 90_000 });
    expect(await region.innerText()).toMatch(/claim|coverage|insurance/i);
    await page.context().close();
  });

  it("sends a CSP whose frame-ancestors name the EHR, and the EHR's frame still shows the app", async () => {
    const s = stack();
    const res = await fetch(`${s.appUrl}/index.html`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-ancestors 'self' ${new URL(s.fhirBase).origin}`);
    expect(csp).toContain("object-src 'none'");
    const page = await launchAs({
      role: 'clinician',
      patientId: PATIENT,
      encounterId: ENCOUNTER,
      embedded: true,
    });
    const app = appFrame(page);
    expect(app).not.toBe(page);
    await READY.clinician(app);
    await page.context().close();
  });

  it.each<Role>(['clinician', 'nurse', 'coder'])(
    'markup in a patient name, a drug name and a note is shown as text in the %s view',
    async (role) => {
      const admin = fhirAdmin();
      const patient = await admin.read<Record<string, unknown>>('Patient', PATIENT);
      await admin.request('PUT', `Patient/${PATIENT}`, {
        ...patient,
        name: [{ use: 'official', family: HOSTILE, given: ['"><script>alert(2)</script>'] }],
      });
      const med = await admin.read<Record<string, unknown> & { code: Record<string, unknown> }>(
        'Medication',
        'auth-expired-med-nivolumab',
      );
      await admin.request('PUT', 'Medication/auth-expired-med-nivolumab', {
        ...med,
        code: { ...med.code, text: `Nivolumab ${HOSTILE}` },
      });
      const ma = await admin.read<Record<string, unknown>>(
        'MedicationAdministration',
        'auth-expired-ma-nivolumab',
      );
      await admin.request('PUT', 'MedicationAdministration/auth-expired-ma-nivolumab', {
        ...ma,
        note: [{ text: `Waste ${HOSTILE} <svg onload=alert(3)>` }],
      });

      const page = await launchAs({ role, patientId: PATIENT, encounterId: ENCOUNTER });
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const app = appFrame(page);
      await READY[role](app);
      const banner = app.getByRole('region', { name: 'Patient' });
      if ((await banner.count()) > 0) expect(await banner.innerText()).toContain(HOSTILE);
      // (Vite's own dev preamble is an inline script: look for ours only.)
      expect(await app.locator('img[src="x"], svg[onload]').count()).toBe(0);
      expect(await app.locator('script', { hasText: 'alert(' }).count()).toBe(0);
      expect(await app.locator('body').innerText()).toContain(HOSTILE);
      // Give any injected handler a moment to fire (not a timing assertion).
      await page.waitForTimeout(500);
      expect(dialogs).toEqual([]);
      await page.context().close();
    },
  );
});
