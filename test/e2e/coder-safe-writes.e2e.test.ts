// Issue 14 §3 end to end (real SMART launch, local EHR, Chromium), checked on the server:
// sign-off is a state read back in later sessions; a double click and a reload write one Claim
// version and one Provenance naming the coder; "Amend claim" writes the next version and a
// Provenance carrying the reason.
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin, stack } from './harness.ts';
import {
  type ClaimJson,
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

  it('a Provenance lost after its Claim write: the reload shows it half-signed and signing records only the Provenance', async () => {
    const before = await claimVersions(CLAIM);
    const { page, app } = await openReview(PATIENT, ENCOUNTER);
    await acceptAll(app);
    await acknowledgeErrors(app);

    // The connection drops on the sign-off's Provenance POST (after the Claim was saved).
    const provenanceUrl = `${stack().fhirBase}/Provenance`;
    let aborted = 0;
    await page.context().route(
      (url) => url.href.split('?')[0] === provenanceUrl,
      async (route) => {
        if (route.request().method() === 'POST' && aborted === 0) {
          aborted += 1;
          await route.abort('connectionreset');
        } else await route.continue();
      },
    );
    await app.getByRole('button', { name: 'Sign off' }).click();
    await app
      .getByRole('alert')
      .filter({ hasText: /record of your sign-off was not/ })
      .waitFor({ timeout: 60_000 });
    expect(aborted).toBe(1);
    expect(await claimVersions(CLAIM)).toBe(before + 1);
    expect(await provenancesFor(CLAIM)).toHaveLength(0);

    // A reload (a new launch of the app in this tab): the claim is half-signed, not signed.
    await page.reload();
    const again = appFrame(page);
    await again
      .getByText(/was saved by a sign-off at .+, but the record of that sign-off was not/)
      .waitFor({ timeout: 60_000 });
    await again.getByRole('button', { name: 'Sign off' }).click();
    await again
      .getByText(/^Signed off\. Draft claim claim-errors-claim was already saved/)
      .waitFor({ timeout: 60_000 });
    await sleep(1000); // a second write, if any, would land by now

    // On the server: exactly one new Claim version, exactly one Provenance for it, by the coder.
    expect(await claimVersions(CLAIM)).toBe(before + 1);
    const provs = await provenancesFor(CLAIM);
    expect(provs).toHaveLength(1);
    expect(provs[0]?.agent[0]?.who?.reference).toBe(CODER);
    const claim = await fhirAdmin().read<ClaimJson>('Claim', CLAIM);
    const signedVersion = (
      provs[0] as { extension?: { url: string; valueString?: string }[] } | undefined
    )?.extension?.find((e) => e.url.endsWith('/signed-claim-version'))?.valueString;
    expect(signedVersion).toBe(claim.meta?.versionId);
    await signedState(again);
    await page.context().close();
  });
});
