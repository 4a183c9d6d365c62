// Issue 17 §5 "fits two tablet screens": the coder page of the largest fixture visit (story 01,
// FOLFOX with premedications and hydration: the most derived lines of all fixtures) opened
// through a real launch at 1024×768 is at most two screens tall (layout, not timing), its
// screenshot is kept under test-results/screens/, and axe finds no violation on it.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { axeViolations, saveScreen, SCREENS_DIR } from './axe.ts';
import { openReview } from './coder-kit.ts';

const PATIENT = 'pt-folfox';
const ENCOUNTER = 'enc-folfox-20260803';
const SCREEN = { width: 1024, height: 768 };

describe('coder page of the largest fixture visit on a tablet', () => {
  it('fits in two 1024×768 screens, with a screenshot and no axe violation', async () => {
    const { page, app } = await openReview(PATIENT, ENCOUNTER);
    await page.setViewportSize(SCREEN);
    // Every line is on screen and the sign-off bar has settled before measuring.
    await app.getByRole('button', { name: 'Sign off' }).waitFor({ timeout: 60_000 });
    await app
      .getByText(/^Visit total/)
      .first()
      .waitFor({ timeout: 60_000 });
    const lines = await app.getByRole('article').count();
    expect(lines).toBeGreaterThanOrEqual(14);
    await page.waitForLoadState('networkidle');
    const height = await app.evaluate(() => document.documentElement.scrollHeight);
    console.info(`coder page, ${lines} lines, 1024×768: scrollHeight ${height} px`);
    await saveScreen(page, 'coder-largest-visit');
    // The whole page too, to see what makes it tall.
    await page.screenshot({
      path: join(SCREENS_DIR, 'coder-largest-visit-full.png'),
      fullPage: true,
    });
    expect(height).toBeLessThanOrEqual(2 * SCREEN.height);
    expect(await axeViolations(app)).toEqual([]);
  }, 180_000);
});
