// Issue 16 end to end: a clinician signs a nivolumab order for the story-06 patient on the
// launcher's "Sign order" page; the local EHR calls EveryDose's CDS Hooks service (order-sign,
// JWT, prefetch) and shows a critical card naming the expired prior authorization PA-55120 and
// the $8,213.28 at stake (billing-rules P-4, AUTH_EXPIRED); its SMART link launches EveryDose on
// that patient and visit. The server's answers are read too: the discovery document, the
// authorization on the FHIR server, and the launch context in the token response.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { fhirAdmin, stack } from './harness.ts';

const PATIENT = 'pt-auth-expired';
const VISIT = 'enc-auth-expired-20260819';
const DRUG = 'auth-expired-med-nivolumab';
const SUMMARY = 'Nivolumab: prior authorization PA-55120 ended 29 July 2026 ($8,213.28 at stake)';

interface ClaimResponse {
  preAuthRef?: string;
  preAuthPeriod?: { end?: string };
}
interface TokenAnswer {
  access_token?: string;
  patient?: string;
  encounter?: string;
  scope?: string;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('CDS Hooks order-sign end to end (issue 16)', () => {
  it('the EHR discovers the order-sign service at <EHR origin>/cds-services', async () => {
    const res = await fetch(`${stack().ehrUrl}/cds-services`);
    expect(res.status).toBe(200);
    const { services } = (await res.json()) as {
      services: { hook: string; id: string; prefetch?: Record<string, string> }[];
    };
    const sign = services.find((s) => s.hook === 'order-sign');
    expect(sign?.id).toBe('everydose-order-sign');
    expect(sign?.prefetch?.['patient']).toBe('Patient/{{context.patientId}}');
  });

  it('signing nivolumab for the story-06 visit shows a critical card with the expired authorization and the amount; its SMART link opens EveryDose on that patient', async () => {
    // The server holds the authorization the card must name: PA-55120, ended 2026-07-29.
    const auths = await fhirAdmin().search<ClaimResponse>(
      `ClaimResponse?patient=Patient/${PATIENT}`,
    );
    const pa = auths.find((c) => c.preAuthRef === 'PA-55120');
    expect(pa?.preAuthPeriod?.end).toBe('2026-07-29');

    const s = stack();
    const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${s.ehrUrl}/sign-order`);
      await page.getByLabel('Patient', { exact: true }).selectOption(PATIENT);
      await page.getByLabel('Encounter id (optional)').fill(VISIT);
      await page.getByLabel('Drug', { exact: true }).selectOption(DRUG);
      await page.getByLabel('Dose', { exact: true }).fill('240');
      await page.getByLabel('Dose unit').selectOption('mg');
      const signed = page.waitForResponse(
        (r) => r.url() === `${s.ehrUrl}/sign-order` && r.request().method() === 'POST',
        { timeout: 60_000 },
      );
      await page.getByRole('button', { name: 'Sign order' }).click();
      const answer = await signed;
      expect(answer.status()).toBe(200);
      // The EHR's page as the server sent it carries the card (not only what the browser shows).
      expect(await answer.text()).toContain('PA-55120');

      const cards = page.getByRole('list', { name: 'Cards' });
      await cards.waitFor({ timeout: 60_000 });
      const first = cards.getByRole('article').first();
      const heading = await first.getByRole('heading').innerText();
      expect(heading).toBe(`critical: ${SUMMARY}`);
      const detail = await first.locator('.detail').innerText();
      expect(detail).toContain('PA-55120');
      expect(detail).toContain('$8,213.28');
      expect(await first.innerText()).toContain('Source: EveryDose');

      // Follow the card's SMART link: the EHR launches EveryDose on the patient and the visit.
      const tokenAnswered = page.waitForResponse((r) => r.url() === `${s.issuer}/token`, {
        timeout: 60_000,
      });
      await first.getByRole('link', { name: 'Open EveryDose for this patient' }).click();
      const token = await tokenAnswered;
      expect(token.status()).toBe(200);
      const body = (await token.json()) as TokenAnswer;
      expect(body.patient).toBe(PATIENT);
      expect(body.encounter).toBe(VISIT);
      expect(new URL(page.url()).origin).toBe(new URL(s.appUrl).origin);

      // The app runs on that patient: its banner names the record and the patient.
      const banner = page.getByRole('region', { name: 'Patient' });
      await banner.waitFor({ timeout: 60_000 });
      await expect.poll(() => banner.innerText(), { timeout: 60_000 }).toContain('ED-100006');
      expect(await banner.innerText()).toMatch(/Haddad/);
      // And the launch context it read back from the server is that patient's.
      const patient = await fhirAdmin().read<{ id: string }>('Patient', body.patient ?? '');
      expect(patient.id).toBe(PATIENT);
    } finally {
      await context.close();
    }
  });
});
