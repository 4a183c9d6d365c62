// Issue 14 §1 end to end (real SMART launch, local EHR, Chromium), checked on the server:
// a stop months after the visit asks in words and writes nothing until confirmed; a stop
// before the start is refused; "Correct time" writes one new version with the reason and one
// Provenance naming the nurse; "Undo" keeps the entry off the server.
import type { Frame, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin, launchAs } from './harness.ts';

// Story 03: paclitaxel running since 09:00 on 4 August 2026 (no stop), carboplatin ordered.
const CARBO = { patientId: 'pt-carbo-pacli', encounterId: 'enc-carbo-pacli-20260804' };
const PACLITAXEL = 'carbo-pacli-ma-paclitaxel';
const CARBO_ORDER = 'MedicationRequest/carbo-pacli-rx-carboplatin';
const NURSE = 'Practitioner/nurse-1';

interface Administration {
  id: string;
  status: string;
  meta?: { versionId?: string };
  effectivePeriod?: { start?: string; end?: string };
  request?: { reference?: string };
  note?: { text: string; time?: string; authorReference?: { reference?: string } }[];
}
interface Provenance {
  target: { reference?: string }[];
  recorded: string;
  reason?: { text?: string }[];
  agent: { who?: { reference?: string } }[];
}

const readMa = (id: string) => fhirAdmin().read<Administration>('MedicationAdministration', id);
const versions = async (id: string): Promise<number> => {
  const r = await fhirAdmin().request<{ entry?: unknown[] }>(
    'GET',
    `MedicationAdministration/${id}/_history`,
  );
  return r.body.entry?.length ?? 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openChair(): Promise<{ page: Page; app: Page | Frame }> {
  const page = await launchAs({ role: 'nurse', ...CARBO });
  const app = appFrame(page);
  await app.getByRole('heading', { name: /chair: today/i }).waitFor({ timeout: 60_000 });
  await app.getByRole('article').first().waitFor({ timeout: 60_000 });
  return { page, app };
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await sleep(250);
  }
}

async function pickStop(app: Page | Frame, hhmm: string): Promise<void> {
  await app.getByRole('button', { name: /pick stop time for paclitaxel/i }).click();
  await app.getByLabel('Time', { exact: true }).fill(hhmm);
  await app.getByRole('button', { name: 'Save stop time' }).click();
}

beforeEach(async () => {
  await fhirAdmin().reset();
});
afterEach(async () => {
  await fhirAdmin().clearFaults();
});

describe('issue 14 §1: nurse writes are checked before they leave', () => {
  it('one tap on a visit from months ago asks with the duration in words; nothing written until confirmed', async () => {
    const { page, app } = await openChair();
    await app.getByRole('button', { name: /record stop time now for paclitaxel/i }).click();
    const alert = app.getByRole('alert').filter({ hasText: /is that right/i });
    await alert.waitFor();
    const words = (await alert.textContent()) ?? '';
    expect(words).toMatch(/more than 12 hours/);
    expect(words).toMatch(/another day than the visit/);
    expect(words).toMatch(/This records an infusion of \d+ months? \d+ days?, from .*Aug 4, 2026/);
    await app.getByRole('button', { name: 'Cancel' }).click();
    await sleep(1000);
    expect(await versions(PACLITAXEL)).toBe(1);
    expect((await readMa(PACLITAXEL)).status).toBe('in-progress');
    await page.context().close();
  });

  it('a stop before the start is refused: the save stays disabled, the server is unchanged', async () => {
    const { page, app } = await openChair();
    await pickStop(app, '08:30');
    await app.getByText(/stop time must be after the start/i).waitFor();
    expect(await app.getByRole('button', { name: 'Save stop time' }).isDisabled()).toBe(true);
    expect(await app.getByRole('button', { name: /anyway/i }).count()).toBe(0);
    expect(await versions(PACLITAXEL)).toBe(1);
    await page.context().close();
  });

  it('Correct time: one new version with the reason, one correction Provenance by the nurse; the card shows it', async () => {
    const { page, app } = await openChair();
    await pickStop(app, '12:00');
    await until(
      () => readMa(PACLITAXEL),
      (m) => m.status === 'completed',
    );
    await app.getByText('All entries saved.').waitFor({ timeout: 30_000 });
    expect(await versions(PACLITAXEL)).toBe(2);

    const card = app.getByRole('article', { name: 'Paclitaxel' });
    await card.getByText(/stopped 12:00\sPM/i).waitFor();
    await card.getByRole('button', { name: /correct time for paclitaxel/i }).click();
    await card.getByRole('radio', { name: 'Stop time' }).check();
    await app.getByLabel('Time', { exact: true }).fill('11:45');
    await app.getByLabel('Reason for the correction').fill('Pump log shows 11:45');
    await app.getByRole('button', { name: 'Save corrected stop time' }).click();
    const corrected = await until(
      () => readMa(PACLITAXEL),
      (m) => m.effectivePeriod?.end === '2026-08-04T11:45:00-04:00',
    );
    expect(corrected.effectivePeriod?.start).toBe('2026-08-04T09:00:00-04:00');
    expect(corrected.status).toBe('completed');
    expect(corrected.note?.at(-1)).toMatchObject({
      authorReference: { reference: NURSE },
      text:
        'Stop time corrected from 2026-08-04T12:00:00-04:00 to 2026-08-04T11:45:00-04:00. ' +
        'Reason: Pump log shows 11:45',
    });
    const provs = await until(
      () =>
        fhirAdmin().search<Provenance>(`Provenance?target=MedicationAdministration/${PACLITAXEL}`),
      (l) => l.length > 1,
    );
    await app.getByText('All entries saved.').waitFor({ timeout: 30_000 });
    expect(await versions(PACLITAXEL)).toBe(3);
    // Every nurse write has its Provenance: the stop's, then the correction's with its reason.
    expect(provs).toHaveLength(2);
    for (const p of provs) expect(p.agent[0]?.who?.reference).toBe(NURSE);
    const corrections = provs.filter((p) => (p.reason ?? []).length > 0);
    expect(corrections).toHaveLength(1);
    expect(corrections[0]?.reason?.[0]?.text).toBe('Pump log shows 11:45');
    await card
      .getByRole('list', { name: 'Corrections' })
      .getByText(/stop time corrected from 12:00\sPM to 11:45\sAM\. Reason: Pump log shows 11:45/i)
      .waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('Undo after a stop and after a start: nothing reaches the server', async () => {
    const { page, app } = await openChair();
    await pickStop(app, '12:00');
    await app.getByText(/saving in a few seconds: stop time/i).waitFor();
    await app.getByRole('button', { name: 'Undo' }).click();
    await app.getByRole('button', { name: /record start time now for carboplatin/i }).click();
    // Today is not the visit's day: the start asks first (issue 14 §1).
    await app.getByRole('button', { name: /save start time anyway/i }).click();
    await app.getByText(/saving in a few seconds: start time/i).waitFor();
    await app.getByRole('button', { name: 'Undo' }).click();
    await app
      .getByRole('region', { name: 'Ordered, not started' })
      .getByText(/carboplatin/i)
      .first()
      .waitFor();
    await sleep(8000); // longer than the hold
    expect(await versions(PACLITAXEL)).toBe(1);
    expect((await readMa(PACLITAXEL)).status).toBe('in-progress');
    const all = await fhirAdmin().search<Administration>(
      `MedicationAdministration?patient=${CARBO.patientId}`,
    );
    expect(all.some((m) => m.request?.reference === CARBO_ORDER)).toBe(false);
    expect(await app.getByText('All entries saved.').count()).toBe(1);
    await page.context().close();
  });
});
