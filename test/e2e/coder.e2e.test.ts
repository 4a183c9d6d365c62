// The coder's review end to end on the "claim drafted with errors" story (fixture 09): sign-off
// is refused while errors are open; accepting and editing lines then signing off updates the
// drafted Claim and records a Provenance; without write permission, or when the server fails
// the write, the signed lines are offered as FHIR JSON and CSV downloads.
import { readFile } from 'node:fs/promises';
import type { Frame, Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin, launchAs } from './harness.ts';

const PATIENT = 'pt-claim-errors';
const ENCOUNTER = 'enc-claim-errors-20260807';
const CLAIM = 'claim-errors-claim';

interface Coding {
  system?: string;
  code?: string;
}
interface ClaimJson {
  id: string;
  status: string;
  use: string;
  meta?: { versionId?: string };
  item?: {
    productOrService: { coding?: Coding[] };
    modifier?: { coding?: Coding[] }[];
    quantity?: { value?: number };
  }[];
}
interface ProvenanceJson {
  target: { reference?: string }[];
  recorded: string;
  agent: { who?: { reference?: string } }[];
}

function itemsOf(claim: ClaimJson): string[] {
  return (claim.item ?? []).map((i) => {
    const code = i.productOrService.coding?.[0]?.code ?? '?';
    const mods = (i.modifier ?? []).map((m) => m.coding?.[0]?.code ?? '').sort();
    return [code, ...mods].join('-') + ` × ${i.quantity?.value ?? 1}`;
  });
}

async function provenancesFor(claimId: string): Promise<ProvenanceJson[]> {
  const all = await fhirAdmin().search<ProvenanceJson>('Provenance?_count=100');
  return all.filter((p) => p.target.some((t) => t.reference?.startsWith(`Claim/${claimId}`)));
}

async function openReview(withhold?: string[]): Promise<{ page: Page; app: Page | Frame }> {
  const page = await launchAs({
    role: 'coder',
    patientId: PATIENT,
    encounterId: ENCOUNTER,
    ...(withhold ? { withhold } : {}),
  });
  const app = appFrame(page);
  await app.getByRole('heading', { name: 'Coder review' }).waitFor({ timeout: 60_000 });
  await app.getByRole('article').first().waitFor({ timeout: 60_000 });
  return { page, app };
}

async function acceptAll(app: Page | Frame): Promise<void> {
  const cards = app.getByRole('article');
  const n = await cards.count();
  for (let i = 0; i < n; i += 1) {
    await cards.nth(i).getByRole('button', { name: 'Accept', exact: true }).click();
  }
}

async function acknowledgeErrors(app: Page | Frame): Promise<void> {
  const errors = app.getByRole('region', { name: /^Errors/ });
  const open = errors.locator('li', { has: app.getByRole('button', { name: 'Acknowledge' }) });
  for (let guard = 0; guard < 20 && (await open.count()) > 0; guard += 1) {
    const item: Locator = open.first();
    await item.getByLabel(/Note/).fill('Checked against the chart before billing.');
    await item.getByRole('button', { name: 'Acknowledge' }).click();
  }
}

async function editLine(app: Page | Frame, title: RegExp, units: string, reason: string) {
  const card = app.getByRole('article', { name: title });
  await card.getByRole('button', { name: 'Edit', exact: true }).click();
  await card.getByLabel('Units').fill(units);
  await card.getByLabel(/Reason/).fill(reason);
  await card.getByRole('button', { name: 'Save change' }).click();
  await card.getByText(/^Changed to/).waitFor();
}

beforeEach(async () => {
  await fhirAdmin().reset();
});
afterEach(async () => {
  await fhirAdmin().clearFaults();
});

describe('coder review and sign-off (fixture 09, claim drafted with errors)', () => {
  it('refuses sign-off while lines are undecided and an error is unresolved', async () => {
    const before = await fhirAdmin().read<ClaimJson>('Claim', CLAIM);
    const { page, app } = await openReview();
    await app.getByRole('button', { name: 'Sign off' }).click();
    const alert = app.getByRole('alert').filter({ hasText: 'Sign-off refused' });
    await expect(alert.textContent()).resolves.toMatch(/no decision yet/);
    await acceptAll(app);
    await app.getByRole('button', { name: 'Sign off' }).click();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/Error not resolved/);
    expect(text).not.toMatch(/no decision yet/);
    const after = await fhirAdmin().read<ClaimJson>('Claim', CLAIM);
    expect(after.meta?.versionId).toBe(before.meta?.versionId);
    expect(await provenancesFor(CLAIM)).toEqual([]);
    await page.context().close();
  });

  it('keeps the decisions across a page reload', async () => {
    const { page, app } = await openReview();
    const first = app.getByRole('article').first();
    await first.getByRole('button', { name: 'Accept', exact: true }).click();
    await first.getByText('Accepted', { exact: true }).waitFor();
    await page.reload();
    const again = appFrame(page);
    await again.getByRole('article').first().waitFor({ timeout: 60_000 });
    await again.getByRole('article').first().getByText('Accepted', { exact: true }).waitFor();
    await expect(
      again.getByRole('article').nth(1).getByText('No decision yet').count(),
    ).resolves.toBe(1);
    await page.context().close();
  });

  it('shows the drafted claim against the suggested lines, then signs off: Claim updated, Provenance recorded', async () => {
    const before = await fhirAdmin().read<ClaimJson>('Claim', CLAIM);
    const { page, app } = await openReview();
    const table = app.getByRole('table', { name: /Drafted claim compared/ });
    await expect(table.getByText('Missing from the claim').first().isVisible()).resolves.toBe(true);
    await acceptAll(app);
    await editLine(app, /^J1200/, '1', 'Diphenhydramine 50 mg confirmed on the MAR.');
    await acknowledgeErrors(app);
    await app.getByRole('button', { name: 'Sign off' }).click();
    await app
      .getByText(/^Signed off\. Draft claim claim-errors-claim saved/)
      .waitFor({ timeout: 30_000 });

    const after = await fhirAdmin().read<ClaimJson>('Claim', CLAIM);
    expect(after.status).toBe('draft');
    expect(after.use).toBe('claim');
    expect(after.meta?.versionId).toBeDefined();
    expect(after.meta?.versionId).not.toBe(before.meta?.versionId);
    const items = itemsOf(after);
    expect(items).toContain('96415 × 2');
    expect(items).toContain('J9145-JW × 8');
    expect(items).toContain('J1200-JZ × 1');
    const provs = await provenancesFor(CLAIM);
    expect(provs).toHaveLength(1);
    expect(provs[0]?.agent[0]?.who?.reference).toBe('Practitioner/coder-1');
    expect(provs[0]?.target[0]?.reference).toBe(`Claim/${CLAIM}`);
    await page.context().close();
  });

  it('offers FHIR JSON and CSV downloads when the launch may not record the sign-off', async () => {
    const { page, app } = await openReview(['Provenance']);
    await app.getByText(/This server cannot save the claim/).waitFor();
    await acceptAll(app);
    await acknowledgeErrors(app);
    await app.getByRole('button', { name: 'Sign off' }).click();
    await app.getByText(/Signed off here, but not saved on the server/).waitFor();

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      app.getByRole('button', { name: 'Download FHIR JSON' }).click(),
    ]);
    expect(json.suggestedFilename()).toBe(`claim-${ENCOUNTER}-2026-08-07.json`);
    const claim = JSON.parse(await readFile(await json.path(), 'utf8')) as ClaimJson;
    expect(claim).toMatchObject({ resourceType: 'Claim', status: 'draft', use: 'claim' });
    expect(itemsOf(claim)).toContain('96415 × 2');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      app.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const rows = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
    expect(rows[0]).toMatch(/^patient,encounter,date_of_service,line,code,modifiers,units/);
    expect(rows.some((r) => r.includes(',96415,,2,'))).toBe(true);

    const after = await fhirAdmin().read<ClaimJson>('Claim', CLAIM);
    expect(itemsOf(after)).not.toContain('96415 × 2');
    await page.context().close();
  });

  it('offers the downloads when the server fails the claim write', async () => {
    const { page, app } = await openReview();
    await acceptAll(app);
    await acknowledgeErrors(app);
    await fhirAdmin().setFaults({ status: 500, path: `^/Claim/${CLAIM}$` });
    await app.getByRole('button', { name: 'Sign off' }).click();
    await app.getByText(/The claim could not be saved/).waitFor({ timeout: 60_000 });
    await app.getByRole('button', { name: 'Download CSV' }).waitFor();
    await fhirAdmin().clearFaults();
    expect(await provenancesFor(CLAIM)).toEqual([]);
    await page.context().close();
  });
});
