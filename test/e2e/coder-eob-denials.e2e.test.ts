// Issue 17 §4 end to end (real SMART launch, local EHR, Chromium): a payer that reports denials
// only as ExplanationOfBenefit. Story 16's 22 July claim was denied on its pembrolizumab line
// through an EOB (CARC 4 + RARC N822, billed without JW/JZ); the coder reviewing the 12 August
// visit of the same drug reads "denied before for this" under the J9271 line. With the EOB read
// failing (503), the review still loads and says the EOBs could not be read, never "no denials".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReview } from './coder-kit.ts';
import { appFrame, fhirAdmin } from './harness.ts';

const STORY16 = { patientId: 'pt-eob-denied', encounterId: 'enc-eob-denied-20260812' };
// The payer by name: the Organization when read, else the name the patient's Coverage gives it.
const NOTE =
  /Denied before for this: 22 Jul 2026, Acme Health PPO[^—]* — the discarded-drug modifier \(JW\/JZ\) was missing or wrong \(CARC 4, N822\)/;

describe('coder view: denials reported only as ExplanationOfBenefit', () => {
  beforeEach(async () => {
    await fhirAdmin().reset();
  });
  afterEach(async () => {
    await fhirAdmin().clearFaults();
  });

  it('reads the EOB denial under the same drug’s line, once', async () => {
    const { page, app } = await openReview(STORY16.patientId, STORY16.encounterId);
    const drug = app.getByRole('article').filter({ hasText: 'J9271' }).first();
    await drug.waitFor({ timeout: 60_000 });
    await drug
      .getByText(/Denied before for this/)
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async () => {
        throw new Error(`No note under the J9271 line: ${await drug.innerText()}`);
      });
    expect(
      await drug
        .getByText(/Denied before for this/)
        .first()
        .innerText(),
    ).toMatch(NOTE);
    expect(await drug.getByText(/Denied before for this/).count()).toBe(1);
    // The administration line was paid on that claim: no note there.
    const admin = app.getByRole('article').filter({ hasText: '96413' }).first();
    expect(await admin.getByText(/Denied before for this/).count()).toBe(0);
    await page.context().close();
  });

  it('an EOB read failing with 503 leaves the review loaded and says the EOBs could not be read', async () => {
    await fhirAdmin().setFaults({
      status: 503,
      retryAfterSeconds: 0,
      path: '^/ExplanationOfBenefit',
    });
    const { page, app } = await openReview(STORY16.patientId, STORY16.encounterId);
    const alert = appFrame(page)
      .getByRole('alert')
      .filter({ hasText: /explanations of benefit/ });
    await alert.first().waitFor({ timeout: 60_000 });
    expect(await alert.first().innerText()).toMatch(/could not be read/);
    expect(await app.getByText(/Denied before for this/).count()).toBe(0);
    expect(await app.getByRole('article').filter({ hasText: 'J9271' }).count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
