// The practice dashboard (issue 17 §3) over the fixtures' week (3–7 August 2026), opened from the
// launcher's entry as the practice manager: the figures as numbers, a chart per figure (loaded
// lazily) with its table as text alternative, and denials by root cause. Screenshot at 1024×768
// and an axe scan with zero violations.
import { describe, expect, it } from 'vitest';
import { axeViolations, saveScreen } from './axe.ts';
import { launchView, tokenStatusOf } from './harness.ts';

describe('practice dashboard', () => {
  it('shows the week’s figures with charts and the denial causes', async () => {
    const page = await launchView('dashboard');
    expect(tokenStatusOf(page)).toBe(200);
    await page.getByRole('heading', { name: 'Practice dashboard' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('From', { exact: true }).fill('2026-08-03');
    await page.getByLabel('To', { exact: true }).fill('2026-08-07');
    await page.getByRole('heading', { name: 'Denials by root cause' }).waitFor({ timeout: 60_000 });
    const text = (await page.locator('main').textContent()) ?? '';
    for (const label of [
      'Stop-time completeness',
      'Waste documented when drug was discarded',
      'JW/JZ compliance',
      'Clean-claim rate',
      'Revenue at risk',
      'Revenue recovered (discarded drug billed)',
      'Trial visits',
    ])
      expect(text).toContain(label);
    expect(text).toContain('Prior authorization missing, expired or exceeded');
    expect(text).toMatch(/5 of 8 adjudicated claim lines were denied/);
    // Every chart is drawn and named by its summary (the table beside it is its text form).
    const charts = page.getByRole('img', { name: /by day: 2026-08-03 / });
    await expect
      .poll(() => page.locator('.trend-chart canvas').count(), { timeout: 30_000 })
      .toBe(7);
    expect(await charts.count()).toBe(7);
    await saveScreen(page, 'dashboard-1024x768');
    expect(await axeViolations(page)).toEqual([]);
  });
});
