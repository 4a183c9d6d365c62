// Issue 14 §3 end to end (real SMART launch, local EHR, Chromium), checked on the server:
// sign-off is a state read back in later sessions; a double click and a reload write one Claim
// version and one Provenance naming the coder; "Amend claim" writes the next version and a
// Provenance carrying the reason.
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin } from './harness.ts';
import {
  acceptAll,
  acknowledgeErrors,
  claimVersions,
  openReview,
  provenancesFor,
  sleep,
} from './coder-kit.ts';

// Story 09: a drafted claim with errors for pt-claim-errors on 7 August 2026.
const PATIENT = 'pt-claim-errors';
const ENCOUNTER = 'enc-claim-errors-20260807';
const CLAIM = 'claim-errors-claim';
const CODER = 'Practitioner/coder-1';

async function signedState(app: Page | Frame): Promise<void> {
  await app.getByText(/^Signed off by .+ at /).waitFor({ timeout: 60_000 });
  expect(await app.getByRole('button', { name: 'Sign off' }).isDisabled()).toBe(true);
}

beforeEach(async () => {
  await fhirAdmin().reset();
});

describe('sign-off is a state (fixture 09)', () => {
  it('a double click signs once; after a reload and in a new session the visit shows signed', async () => {
    const before = await claimVersions(CLAIM);
    const { page, app } = await openReview(PATIENT, ENCOUNTER);
    await acceptAll(app);
    await acknowledgeErrors(app);
    await app.getByRole('button', { name: 'Sign off' }).dblclick();
    await app.getByText(/^Signed off\. Draft claim claim-errors-claim saved/).waitFor({
      timeout: 60_000,
    });
    await sleep(1000); // a second write, if any, would land by now
    expect(await claimVersions(CLAIM)).toBe(before + 1);
    const provs = await provenancesFor(CLAIM);
    expect(provs).toHaveLength(1);
    expect(provs[0]?.agent[0]?.who?.reference).toBe(CODER);

    // Reload mid-way (decisions kept in the tab): signed, "Sign off" disabled, nothing written.
    await page.reload();
    await signedState(appFrame(page));
    await page.context().close();

    // A new session reads the state back from the Claim and its Provenance.
    const again = await openReview(PATIENT, ENCOUNTER);
    await signedState(again.app);
    // The coder Practitioner's name (Jordan Patel) and the recorded instant.
    expect(await again.app.getByText(/^Signed off by .+ at /).textContent()).toMatch(
      /^Signed off by Jordan Patel\b.* at \S/,
    );
    await again.app.getByRole('button', { name: 'Sign off' }).click({ force: true });
    await sleep(1000);
    expect(await claimVersions(CLAIM)).toBe(before + 1);
    expect(await provenancesFor(CLAIM)).toHaveLength(1);
    await again.page.context().close();
  });

  it('"Amend claim" with a reason writes the next version and a Provenance with the reason', async () => {
    const before = await claimVersions(CLAIM);
    const { page, app } = await openReview(PATIENT, ENCOUNTER);
    await acceptAll(app);
    await acknowledgeErrors(app);
    await app.getByRole('button', { name: 'Sign off' }).click();
    await app.getByText(/^Signed off\. Draft claim/).waitFor({ timeout: 60_000 });
    expect(await claimVersions(CLAIM)).toBe(before + 1);

    // Without a reason nothing is written.
    await app.getByRole('button', { name: 'Amend claim' }).click();
    await app.getByText('Give the reason for the amendment.').waitFor();
    expect(await claimVersions(CLAIM)).toBe(before + 1);

    const reason = 'Payer asked for the corrected units after review.';
    await app.getByLabel('Reason for amending the signed claim').fill(reason);
    await app.getByRole('button', { name: 'Amend claim' }).click();
    await app.getByText(/^Amended\. Draft claim/).waitFor({ timeout: 60_000 });
    expect(await claimVersions(CLAIM)).toBe(before + 2);
    const provs = await provenancesFor(CLAIM);
    expect(provs).toHaveLength(2);
    const amendment = provs.find((p) => (p.reason ?? []).some((r) => r.text === reason));
    expect(amendment?.agent[0]?.who?.reference).toBe(CODER);
    await page.context().close();
  });
});
