// Shared steps of the coder's end-to-end files: open the review, decide every line, acknowledge
// the errors, and read the server's Claims and sign-off Provenances afterwards.
import type { Frame, Locator, Page } from 'playwright-core';
import { appFrame, fhirAdmin, launchAs } from './harness.ts';

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
export interface ClaimJson {
  id: string;
  status: string;
  meta?: { versionId?: string; lastUpdated?: string };
  insurer?: { reference?: string; display?: string };
  insurance?: { coverage?: { reference?: string; display?: string } }[];
  diagnosis?: { sequence: number; diagnosisCodeableConcept?: { coding?: Coding[] } }[];
}
export interface ProvenanceJson {
  id: string;
  target: { reference?: string }[];
  recorded: string;
  reason?: { text?: string; coding?: Coding[] }[];
  agent: { who?: { reference?: string } }[];
}

export async function provenancesFor(claimId: string): Promise<ProvenanceJson[]> {
  const all = await fhirAdmin().search<ProvenanceJson>('Provenance?_count=100');
  return all.filter((p) => p.target.some((t) => t.reference?.startsWith(`Claim/${claimId}`)));
}

/** How many versions the server holds of a Claim. */
export async function claimVersions(id: string): Promise<number> {
  const r = await fhirAdmin().request<{ entry?: unknown[] }>('GET', `Claim/${id}/_history`);
  return r.body.entry?.length ?? 0;
}

/** Every Claim and Provenance on the server, counted (a write by anyone shows here). */
export async function writeCounts(): Promise<{ claims: number; provenances: number }> {
  const claims = await fhirAdmin().search('Claim?_count=200');
  const provenances = await fhirAdmin().search('Provenance?_count=200');
  return { claims: claims.length, provenances: provenances.length };
}

/** Every request the app sends that could change the server (POST/PUT/PATCH/DELETE on FHIR). */
export function recordWrites(page: Page, fhirBase: string): string[] {
  const seen: string[] = [];
  page.context().on('request', (r) => {
    if (r.url().startsWith(fhirBase) && r.method() !== 'GET' && !r.url().endsWith('/_search'))
      seen.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return seen;
}

export async function openReview(
  patientId: string,
  encounterId: string,
): Promise<{ page: Page; app: Page | Frame }> {
  const page = await launchAs({ role: 'coder', patientId, encounterId });
  const app = appFrame(page);
  await app.getByRole('heading', { name: 'Coder review' }).waitFor({ timeout: 60_000 });
  await app.getByRole('article').first().waitFor({ timeout: 60_000 });
  return { page, app };
}

export async function acceptAll(app: Page | Frame): Promise<void> {
  const cards = app.getByRole('article');
  const n = await cards.count();
  for (let i = 0; i < n; i += 1) {
    await cards.nth(i).getByRole('button', { name: 'Accept', exact: true }).click();
  }
}

export async function acknowledgeErrors(app: Page | Frame): Promise<void> {
  const errors = app.getByRole('region', { name: /^Errors/ });
  const open = errors.locator('li', { has: app.getByRole('button', { name: 'Acknowledge' }) });
  for (let guard = 0; guard < 20 && (await open.count()) > 0; guard += 1) {
    const item: Locator = open.first();
    await item.getByLabel(/Note/).fill('Checked against the chart before billing.');
    await item.getByRole('button', { name: 'Acknowledge' }).click();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
