// Issue 14 §4 and §5 end to end (real SMART launch, local EHR, Chromium), checked on the
// server: the Medicare Advantage trial claim, once acknowledged, is signed to Original Medicare
// with its primary diagnosis and Z00.6 (T-22, T-23, T-43); a visit with no diagnosis is not
// signed; a nurse cannot become a coder; a patient signed in as themself writes nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  acceptAll,
  acknowledgeErrors,
  claimVersions,
  openReview,
  provenancesFor,
  recordWrites,
  sleep,
  writeCounts,
  type ClaimJson,
} from './coder-kit.ts';
import { appFrame, fhirAdmin, launchAs, stack } from './harness.ts';

const CODER = 'Practitioner/coder-1';
// Story 11: trial visit of a Medicare Advantage member, drafted to the MA plan.
const MA = { patientId: 'pt-trial-ma', encounterId: 'enc-trial-ma-20260806' };
const MA_CLAIM = 'trial-ma-claim';
// Story 10: a clean day with no diagnosis anywhere (no claim, encounter or administration reason).
const CLEAN = { patientId: 'pt-clean-day', encounterId: 'enc-clean-day-20260807' };
// Story 09: a drafted claim, for the nurse and patient sessions.
const STORY9 = { patientId: 'pt-claim-errors', encounterId: 'enc-claim-errors-20260807' };

const codesOf = (c: ClaimJson) =>
  (c.diagnosis ?? [])
    .slice()
    .sort((a, b) => a.sequence - b.sequence)
    .map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.code);

beforeEach(async () => {
  await fhirAdmin().reset();
});

describe('a claim that would be denied is not signed', () => {
  it('MA trial claim: after "Acknowledge" the signed Claim bills Original Medicare, primary diagnosis first, Z00.6 added', async () => {
    const before = await fhirAdmin().read<ClaimJson>('Claim', MA_CLAIM);
    const versions = await claimVersions(MA_CLAIM);
    expect(before.insurance?.[0]?.coverage?.reference).toBe('Coverage/trial-ma-cov');
    const { page, app } = await openReview(MA.patientId, MA.encounterId);
    await app
      .getByText(/TRIAL_MA_BILL_ORIGINAL_MEDICARE|Original Medicare/)
      .first()
      .waitFor();
    await acceptAll(app);
    await acknowledgeErrors(app);
    await app.getByRole('button', { name: 'Sign off' }).click();
    await app
      .getByText(/^Signed off\. .*billed to Original Medicare.*not the Medicare Advantage plan/)
      .waitFor({ timeout: 60_000 });

    const after = await fhirAdmin().read<ClaimJson>('Claim', MA_CLAIM);
    expect(await claimVersions(MA_CLAIM)).toBe(versions + 1);
    // No Medicare fee-for-service Coverage is on file for this patient, so the claim names
    // Original Medicare by display, not the MA plan's Coverage or payor (T-43).
    const OM = 'Original Medicare (Part B, Medicare Administrative Contractor)';
    expect(after.insurer).toEqual({ display: OM });
    expect(after.insurance?.[0]?.coverage).toEqual({ display: OM });
    expect(JSON.stringify(after.insurance)).not.toMatch(/trial-ma-cov/);
    const codes = codesOf(after);
    expect(codes[0]).toBe('C34.90'); // the condition treated stays primary (T-23)
    expect(codes).toContain('Z00.6'); // trial encounter code added (T-22)
    const provs = await provenancesFor(MA_CLAIM);
    expect(provs).toHaveLength(1);
    expect(provs[0]?.agent[0]?.who?.reference).toBe(CODER);
    await page.context().close();
  });

  it('a visit with no diagnosis cannot be signed; the server is unchanged', async () => {
    const before = await writeCounts();
    const { page, app } = await openReview(CLEAN.patientId, CLEAN.encounterId);
    const writes = recordWrites(page, stack().fhirBase);
    await acceptAll(app);
    await acknowledgeErrors(app);
    await app.getByRole('button', { name: 'Sign off' }).click();
    const alert = app.getByRole('alert').filter({ hasText: 'Sign-off refused' });
    await expect(alert.textContent()).resolves.toMatch(/no primary diagnosis/);
    await sleep(1000);
    expect(writes).toEqual([]);
    expect(await writeCounts()).toEqual(before);
    expect(await fhirAdmin().search(`Claim?patient=${CLEAN.patientId}`)).toEqual([]);
    await page.context().close();
  });
});

describe('roles come from who the user is', () => {
  it('a nurse session offers no Coder, a forged choice is refused, nothing is written', async () => {
    const before = await writeCounts();
    const versions = await claimVersions('claim-errors-claim');
    const page = await launchAs({ role: 'nurse', ...STORY9 });
    const app = appFrame(page);
    const writes = recordWrites(page, stack().fhirBase);
    const select = app.getByLabel('Working as');
    await select.waitFor({ timeout: 60_000 });
    const options = await select.locator('option').allTextContents();
    expect(options).not.toContain('Coder');
    // Forge the choice in the page: add a Coder option and pick it.
    await select.evaluate((el) => {
      const s = el as HTMLSelectElement;
      s.add(new Option('Coder', 'coder'));
      s.value = 'coder';
      s.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await sleep(1000);
    expect(await app.getByRole('heading', { name: 'Coder review' }).count()).toBe(0);
    expect(await app.getByRole('button', { name: 'Sign off' }).count()).toBe(0);
    expect(writes.filter((w) => /\/(Claim|Provenance)/.test(w))).toEqual([]);
    expect(await writeCounts()).toEqual(before);
    expect(await claimVersions('claim-errors-claim')).toBe(versions);
    await page.context().close();
  });

  it('a patient signed in as themself gets a read-only view and no write reaches the server', async () => {
    const before = await writeCounts();
    const page = await launchAs({ role: 'coder', asPatientUser: true, ...STORY9 });
    const app = appFrame(page);
    const writes = recordWrites(page, stack().fhirBase);
    await app.getByText('Working as: view only').waitFor({ timeout: 60_000 });
    await app.getByRole('heading', { name: /Administrations this visit/ }).waitFor({
      timeout: 60_000,
    });
    expect(await app.getByLabel('Working as').count()).toBe(0);
    for (const name of ['Sign off', 'Accept', 'Amend claim', 'Record start time now']) {
      expect(await app.getByRole('button', { name }).count()).toBe(0);
    }
    await sleep(1000);
    expect(writes).toEqual([]);
    expect(await writeCounts()).toEqual(before);
    await page.context().close();
  });
});
