// The coder's worklist end to end (issue 17 §1): the launcher's work queue of Wednesday
// 2026-08-05 (the full clinic day, stories 21–32, and the other stories of that day) opens the
// worklist; a visit opens on its coder review; a line is accepted; "Next visit" opens the next
// visit of the list; back on the list, the visit last opened has the focus. A 1024×768
// screenshot of the list and of an opened visit is kept under test-results/screens/, and axe finds no violation on the list or
// on an opened visit.
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, saveScreen } from './axe.ts';
import { appFrame, fhirAdmin, launchAs } from './harness.ts';
import { defined } from '../defined.ts';

const DAY = '2026-08-05';

async function encountersOf(day: string): Promise<number> {
  const all = await fhirAdmin().search<{ period?: { start?: string } }>('Encounter?_count=1000');
  return all.filter((e) => e.period?.start?.startsWith(day)).length;
}

async function openWorklist(): Promise<{ page: Page; app: Page | Frame }> {
  const page = await launchAs({ role: 'coder', patientId: 'pt-clean-day', queueDay: DAY });
  await page.setViewportSize({ width: 1024, height: 768 });
  const app = appFrame(page);
  await app
    .getByRole('table')
    .waitFor({ timeout: 60_000 })
    .catch(async (e: unknown) => {
      throw new Error(
        `No worklist table; the page says: ${await app.locator('body').innerText()}`,
        {
          cause: e,
        },
      );
    });
  return { page, app };
}

describe('coder worklist', () => {
  it('lists the day, opens a visit for review, moves to the next visit and back', async () => {
    const expected = await encountersOf(DAY);
    expect(expected).toBeGreaterThanOrEqual(12);
    const { page, app } = await openWorklist();
    const heading = app.getByRole('heading', { name: `Coding queue ${DAY}` });
    expect(await heading.isVisible()).toBe(true);
    const rows = app.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(expected + 1);
    const summary = await app.getByText(/^\d+ visits, \$[\d,.]+ at stake/).textContent();
    expect(summary).toContain(`${expected} visits`);
    const statuses = await app
      .getByRole('table')
      .locator('tbody td:nth-child(3)')
      .allTextContents();
    expect(statuses.some((s) => s.startsWith('Needs nurse documentation'))).toBe(true);
    expect(statuses.some((s) => s.startsWith('Ready to review'))).toBe(true);

    await saveScreen(page, 'worklist');
    expect(await axeViolations(app)).toEqual([]);

    // Open the first visit of the list (most at stake).
    const names = await app.locator('tbody th[scope="row"] button').allTextContents();
    await app.locator('tbody th[scope="row"] button').first().click();
    await app.getByText(`Visit 1 of ${names.length}`).waitFor({ timeout: 30_000 });
    await app.getByRole('heading', { name: 'Coder review' }).waitFor({ timeout: 60_000 });
    const banner = app.getByRole('region', { name: 'Patient' });
    await banner.getByText(defined(names[0])).waitFor({ timeout: 60_000 });
    const accept = app.getByRole('button', { name: 'Accept', exact: true }).first();
    await accept.waitFor({ timeout: 60_000 });
    await accept.click();
    await saveScreen(page, 'worklist-visit');
    expect(await axeViolations(app)).toEqual([]);

    await app.getByRole('button', { name: 'Next visit' }).click();
    await app.getByText(`Visit 2 of ${names.length}`).waitFor({ timeout: 30_000 });
    await app.getByRole('region', { name: 'Patient' }).getByText(defined(names[1])).waitFor({
      timeout: 60_000,
    });
    await app.getByRole('heading', { name: 'Coder review' }).waitFor({ timeout: 60_000 });

    await app.getByRole('button', { name: 'Back to the worklist' }).click();
    await app.getByRole('table').waitFor({ state: 'visible', timeout: 30_000 });
    const focused = await app.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toBe(names[1]);
  });
});
