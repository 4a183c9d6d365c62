// The charge nurse's board (issue 17 §2) over the fixtures' clinic day (stories 21–32, Wed 5
// August 2026): opened from the launcher's entry without a patient, it lists the chairs in
// progress with their drug, running time and planned end; tapping a chair opens that patient's
// chair view. Screenshot at 1024×768 and an axe scan with zero violations. A stop time recorded
// in a chair opened from the board is written as at the single-patient chair (issue 14 §1): a new
// version of the record and its Provenance naming the nurse, read back from the server.
import { describe, expect, it } from 'vitest';
import { axeViolations, saveScreen } from './axe.ts';
import { fhirAdmin, launchView, tokenStatusOf } from './harness.ts';

const ATEZO = 'day-atezo-ma-atezolizumab';

interface Administration {
  status: string;
  meta?: { versionId?: string };
  effectivePeriod?: { start?: string; end?: string };
}

interface Provenance {
  target: { reference?: string }[];
  activity?: { coding?: { code?: string }[]; text?: string };
  agent: { who?: { reference?: string } }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await sleep(250);
  }
}

describe('charge nurse board', () => {
  it('shows the day’s chairs in progress, and a chair opens its patient’s chair view', async () => {
    const page = await launchView('board');
    expect(tokenStatusOf(page)).toBe(200);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Charge nurse board' }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await page.getByLabel('Day', { exact: true }).fill('2026-08-05');
    const chair1 = page.getByRole('button', { name: 'Chair 1, Tomasz Wojcik' });
    await chair1.waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
      console.log('PAGE:', await page.locator('body').textContent());
      throw e;
    });
    const chairs = page.getByRole('button', { name: /^Chair \d, / });
    expect(await chairs.allTextContents()).toEqual([
      'Chair 1, Tomasz Wojcik',
      'Chair 2, Amara Diallo',
      'Chair 3, Hiroshi Tanaka',
      'Chair 4, Ruth Goldberg',
      'Chair 5, Lucia Romano',
      'Chair 6, Beatrice Okonjo',
      'Chair 8, Samuel Achterberg',
    ]);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Infusion suite, physician office: 8 visits in progress');
    expect(text).toMatch(/Atezolizumab 1200 mgRunning since 12:30\sPM/);
    expect(text).toMatch(/Planned end 1:30\sPM \(from the order: 250 mL at 250 mL\/h\)/);
    expect(text).toContain('Planned end not known (the order gives no rate)');
    expect(text).toContain('Waste amount for Oxaliplatin 130 mg');
    expect(text).toContain('Stop time for Bevacizumab 400 mg');
    // Story 03's visit of 4 August is still open with paclitaxel running: on the board, named
    // as having no chair, never placed in one.
    expect(text).toContain('No chair recorded, Linh Nguyen');
    expect(text).toContain(
      'Encounter/enc-carbo-pacli-20260804: no chair is recorded for this visit.',
    );

    await saveScreen(page, 'board-1024x768');
    expect(await axeViolations(page)).toEqual([]);

    await chair1.click();
    await page
      .getByRole('region', { name: 'Chair view of Tomasz Wojcik' })
      .waitFor({ timeout: 30_000 });
    await page
      .getByRole('button', { name: /record stop time now for atezolizumab/i })
      .waitFor({ timeout: 30_000 });
    await saveScreen(page, 'board-chair-view-1024x768');
    await page.getByRole('button', { name: 'Back to the board' }).click();
    await chair1.waitFor();
  });

  it('a stop time recorded in a chair opened from the board: a new version and a Provenance naming the nurse', async () => {
    const admin = fhirAdmin();
    await admin.reset();
    const before = await admin.read<Administration>('MedicationAdministration', ATEZO);
    expect(before.status).toBe('in-progress');
    const page = await launchView('board');
    expect(tokenStatusOf(page)).toBe(200);
    await page.getByRole('heading', { name: 'Charge nurse board' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Day', { exact: true }).fill('2026-08-05');
    await page.getByRole('button', { name: 'Chair 1, Tomasz Wojcik' }).click();
    const chair = page.getByRole('region', { name: 'Chair view of Tomasz Wojcik' });
    await chair
      .getByRole('button', { name: /record stop time now for atezolizumab/i })
      .click({ timeout: 30_000 });
    // The visit was on 5 August: another day than today asks first (issue 14 §1).
    await chair.getByRole('button', { name: /save stop time anyway/i }).click();
    const after = await until(
      () => admin.read<Administration>('MedicationAdministration', ATEZO),
      (m) => m.status === 'completed',
    );
    expect(after.status).toBe('completed');
    expect(after.effectivePeriod?.start).toBe(before.effectivePeriod?.start);
    expect(after.effectivePeriod?.end).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Number(after.meta?.versionId)).toBe(Number(before.meta?.versionId) + 1);
    const read = () =>
      admin.search<Provenance>(`Provenance?target=MedicationAdministration/${ATEZO}`);
    await until(read, (ps) => ps.length > 0);
    await sleep(1000); // a second Provenance, if any, would land by now
    const provs = await read();
    expect(provs).toHaveLength(1);
    expect(provs[0]?.target[0]?.reference).toBe(`MedicationAdministration/${ATEZO}`);
    expect(provs[0]?.agent[0]?.who?.reference).toBe('Practitioner/nurse-1');
    expect(provs[0]?.activity?.coding?.[0]?.code).toBe('UPDATE');
    expect(provs[0]?.activity?.text).toBe('Nurse recorded the stop time');
    await page.context().close();
  });
});
