// The clinician's screen end to end: a real SMART launch, the visit's administrations first,
// the expired authorization leading the warnings with its evidence; withheld scopes listed as
// "could not be read"; the EHR busy (429) or failing (500) handled in plain words.
import type { Frame, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin, launchAs } from './harness.ts';

const PATIENT = 'pt-auth-expired';
const ENCOUNTER = 'enc-auth-expired-20260805';

async function openClinician(
  opts: { embedded?: boolean; withhold?: string[] } = {},
): Promise<{ page: Page; app: Page | Frame }> {
  const page = await launchAs({
    role: 'clinician',
    patientId: PATIENT,
    encounterId: ENCOUNTER,
    ...opts,
  });
  const app = appFrame(page);
  await app.getByRole('heading', { name: 'Billing warnings' }).waitFor({ timeout: 60_000 });
  return { page, app };
}

describe('clinician view', () => {
  beforeEach(async () => {
    await fhirAdmin().reset();
  });
  afterEach(async () => {
    await fhirAdmin().clearFaults();
  });

  it('shows the visit’s administrations, then the expired authorization first, expandable to its evidence', async () => {
    const { page, app } = await openClinician({ embedded: false });
    const visit = app.getByRole('region', { name: 'Administrations this visit' });
    await visit.waitFor({ timeout: 60_000 });
    expect(await visit.getByRole('rowheader').first().innerText()).toMatch(/nivolumab/i);
    expect(await visit.innerText()).toContain('2026-08-05 13:20');
    // Top-level launch: the app shows its own patient banner.
    expect(await app.getByRole('region', { name: 'Patient' }).innerText()).toContain('ED-100006');

    const list = app.getByRole('list', { name: 'Warnings, worst first' });
    await list.waitFor({ timeout: 60_000 });
    const first = list.getByRole('button').first();
    expect(await first.innerText()).toMatch(/Must fix[\s\S]*PA-55120[\s\S]*2026-07-29/);
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    await first.focus();
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const evidenceId = (await first.getAttribute('aria-controls')) ?? '';
    const evidence = app.locator(`[id="${evidenceId}"]`);
    expect(await evidence.isVisible()).toBe(true);
    const text = await evidence.innerText();
    expect(text).toContain('Authorization PA-55120');
    expect(text).toContain('AUTH_EXPIRED');

    // fhirclient keeps the session (token included) in sessionStorage; nothing in localStorage.
    const storage = await app.evaluate(() => ({
      local: window.localStorage.length,
      session: window.sessionStorage.getItem('SMART_KEY') !== null,
    }));
    expect(storage).toEqual({ local: 0, session: true });
    // The redirect's code and state are gone from the address bar.
    expect(new URL(app.url()).search).not.toMatch(/code=|state=/);
    await page.context().close();
  });

  it('reads the whole picture in a bounded number of FHIR requests', async () => {
    const { page, app } = await openClinician();
    await app.getByRole('list', { name: 'Warnings, worst first' }).waitFor({ timeout: 60_000 });
    const stats = await fhirAdmin().stats();
    console.info(`FHIR requests for one clinician launch: ${JSON.stringify(stats)}`);
    // The launch page's metadata read (it picks the write channels before authorizing, issue 19),
    // .well-known, the app's metadata, Patient, 7 searches with _include/_revinclude (the 7th:
    // the patient's ExplanationOfBenefits, in parallel with the others, issue 17 §4),
    // MedicationKnowledge by NDC, the user's PractitionerRole (roles from who the user is, issue 14)
    // and the visit's MedicationRequests (checks before the dose, issue 16): 14, whatever the
    // size of the chart.
    expect(stats.total).toBeLessThanOrEqual(14);
    await page.context().close();
  });

  it('hides its own patient banner inside the EHR frame (need_patient_banner false)', async () => {
    const { page, app } = await openClinician({ embedded: true });
    await app.getByRole('list', { name: 'Warnings, worst first' }).waitFor({ timeout: 60_000 });
    expect(await app.getByRole('region', { name: 'Patient' }).count()).toBe(0);
    await page.context().close();
  });

  it('lists withheld claims as not readable instead of saying there are none', async () => {
    const { page, app } = await openClinician({ withhold: ['Claim', 'ClaimResponse'] });
    const region = app.getByRole('region', { name: 'Could not be read' });
    await region.waitFor({ timeout: 60_000 });
    expect(await region.innerText()).toMatch(/claims and authorization requests/);
    expect(await app.getByText(/PA-55120 ended/).count()).toBe(0);
    await page.context().close();
  });

  it('waits out a 429 with Retry-After and still loads', async () => {
    await fhirAdmin().setFaults({
      status: 429,
      retryAfterSeconds: 1,
      times: 2,
      path: '^/MedicationAdministration',
    });
    const { page, app } = await openClinician();
    await app.getByRole('list', { name: 'Warnings, worst first' }).waitFor({ timeout: 60_000 });
    await page.context().close();
  });

  it.each([
    ['looping paging links', { loopPaging: true }],
    ['a dropped connection', { dropConnection: true, times: 1, path: '^/Coverage' }],
  ])('still loads with %s', async (_name, faults) => {
    await fhirAdmin().setFaults(faults);
    const { page, app } = await openClinician();
    const list = app.getByRole('list', { name: 'Warnings, worst first' });
    await list.waitFor({ timeout: 60_000 });
    expect(await list.getByRole('button').first().innerText()).toMatch(/PA-55120/);
    await page.context().close();
  });

  it('says the session ended when the EHR stops accepting the token (401)', async () => {
    await fhirAdmin().setFaults({ status: 401, path: '^/(MedicationAdministration|Encounter)' });
    const { page, app } = await openClinician();
    const alert = app.getByRole('alert').first();
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toMatch(/session has ended.*launch EveryDose again/s);
    await page.context().close();
  });

  it('says plainly when the EHR keeps failing, and offers to try again', async () => {
    await fhirAdmin().setFaults({ status: 500, path: '^/Encounter' });
    const { page, app } = await openClinician();
    const alert = app.getByRole('alert').first();
    await alert.waitFor({ timeout: 90_000 });
    const text = await alert.innerText();
    expect(text).toMatch(/could not (load|check) this visit/);
    expect(text).toMatch(/problem answering \(error 500\)/);
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
    await fhirAdmin().clearFaults();
    await alert.getByRole('button', { name: 'Try again' }).click();
    await app.getByRole('list', { name: 'Warnings, worst first' }).waitFor({ timeout: 60_000 });
    await page.context().close();
  });
});
