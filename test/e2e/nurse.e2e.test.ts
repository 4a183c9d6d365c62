// The nurse at the chair, end to end through a real SMART launch (issue 5): record a stop
// time, start an ordered drug and document waste, then read the FHIR server's resources; two
// sessions editing one administration resolve without a lost update; an entry made offline,
// or while the server fails, is kept (through a reload) and sent later.
import type { Frame, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin, launchAs } from './harness.ts';

const EXT = 'https://everydose.dev/fhir/StructureDefinition/';

// Story 03: paclitaxel running since 09:00 (no stop time), carboplatin ordered, not started.
const CARBO = { patientId: 'pt-carbo-pacli', encounterId: 'enc-carbo-pacli-20260804' };
const PACLITAXEL = 'carbo-pacli-ma-paclitaxel';
// Story 06: nivolumab 240 mg given, containers listed, no discarded amount.
const NIVO = { patientId: 'pt-auth-expired', encounterId: 'enc-auth-expired-20260805' };
const NIVOLUMAB = 'auth-expired-ma-nivolumab';
// Story 01: oxaliplatin 150 mg given from one 100 mg and one 50 mg container, as documented.
const FOLFOX = { patientId: 'pt-folfox', encounterId: 'enc-folfox-20260803' };
const OXALIPLATIN = 'folfox-ma-oxaliplatin';

interface Extension {
  url: string;
  valueQuantity?: { value?: number; code?: string };
  extension?: {
    url: string;
    valuePositiveInt?: number;
    valueCodeableConcept?: { coding?: { code?: string }[] };
  }[];
}
interface Administration {
  id: string;
  status: string;
  meta?: { versionId?: string };
  effectivePeriod?: { start?: string; end?: string };
  request?: { reference?: string };
  extension?: Extension[];
}

const readMa = (id: string) => fhirAdmin().read<Administration>('MedicationAdministration', id);

async function openChair(target: typeof CARBO): Promise<{ page: Page; app: Page | Frame }> {
  const page = await launchAs({ role: 'nurse', ...target });
  const app = appFrame(page);
  await app.getByRole('heading', { name: /chair: today/i }).waitFor({ timeout: 60_000 });
  await app.getByRole('article').first().waitFor({ timeout: 60_000 });
  return { page, app };
}

async function pickStop(app: Page | Frame, drug: RegExp, hhmm: string): Promise<void> {
  await app
    .getByRole('button', { name: new RegExp(`pick stop time for ${drug.source}`, 'i') })
    .click();
  await app.getByLabel('Time', { exact: true }).fill(hhmm);
  await app.getByRole('button', { name: 'Save stop time' }).click();
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeEach(async () => {
  await fhirAdmin().reset();
});
afterEach(async () => {
  await fhirAdmin().clearFaults();
});

describe('nurse at the chair', () => {
  it('records a stop time and starts an ordered drug; the FHIR server has both', async () => {
    const { page, app } = await openChair(CARBO);
    const todo = app.getByRole('region', { name: 'Still needed for billing' });
    await todo.getByText(/paclitaxel.*needs a stop time/i).waitFor({ timeout: 60_000 });
    await pickStop(app, /paclitaxel/, '12:00');
    const stopped = await until(
      () => readMa(PACLITAXEL),
      (m) => m.status === 'completed',
    );
    expect(stopped.effectivePeriod).toEqual({
      start: '2026-08-04T09:00:00-04:00',
      end: '2026-08-04T12:00:00-04:00',
    });
    // The derived lines follow the write (invalidateAfterWrite): the task is gone.
    await todo.getByText(/paclitaxel.*needs a stop time/i).waitFor({ state: 'detached' });

    await app.getByRole('button', { name: /record start time now for carboplatin/i }).click();
    // Today is not the visit's day (4 August): the start asks first (issue 14 §1).
    await app.getByRole('button', { name: /save start time anyway/i }).click();
    const created = await until(
      () =>
        fhirAdmin().search<Administration>(`MedicationAdministration?patient=${CARBO.patientId}`),
      (list) =>
        list.some((m) => m.request?.reference === 'MedicationRequest/carbo-pacli-rx-carboplatin'),
    );
    const carbo = created.find(
      (m) => m.request?.reference === 'MedicationRequest/carbo-pacli-rx-carboplatin',
    );
    expect(carbo?.status).toBe('in-progress');
    expect(carbo?.effectivePeriod?.start).toMatch(/-0[45]:00$/);
    await app.getByText('All entries saved.').waitFor();
    await page.context().close();
  });

  // Issue 17 §5 "every tap confirms what was saved": the polite live region says "Saved: …" only
  // once the server accepted the stop, and the server then has that very stop (read-back).
  it('"Record stop time now": the live region says "Saved: stop time …" and the server has that stop', async () => {
    const { page, app } = await openChair(CARBO);
    const tapped = Date.now();
    await app.getByRole('button', { name: /record stop time now for paclitaxel/i }).click();
    // Today is not the visit's day (4 August): the stop asks first (issue 14 §1).
    await app.getByRole('button', { name: /stop time anyway/i }).click();
    const live = app.locator('.chair-saved[role="status"][aria-live="polite"]');
    await live.getByText(/^Saved: /).waitFor({ timeout: 30_000 });
    const said = (await live.getByText(/^Saved: /).textContent()) ?? '';
    const clock = /^Saved: stop time (.+?) for paclitaxel\b/i.exec(said)?.[1];
    expect(clock, said).toBeDefined();
    const stopped = await readMa(PACLITAXEL);
    expect(stopped.status).toBe('completed');
    expect(stopped.effectivePeriod?.start).toBe('2026-08-04T09:00:00-04:00');
    const end = stopped.effectivePeriod?.end ?? '';
    // The stop is the tap's own instant (to the minute) …
    expect(Math.abs(Date.parse(end) - tapped)).toBeLessThan(2 * 60_000);
    // … and the clock the live region said is the server's stop, in the device's own style.
    const serverClock = await app.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(
          new Date(iso),
        ),
      end,
    );
    expect(clock).toBe(serverClock);
    await page.context().close();
  });

  it('documents waste from the containers on the record; the server has exactly what the summary showed', async () => {
    const { page, app } = await openChair(NIVO);
    await app.getByRole('button', { name: /document waste for nivolumab/i }).click();
    const summary = app.getByRole('status', { name: 'Will be saved:' });
    await summary.waitFor();
    const text = (await summary.textContent()) ?? '';
    const m = /: ([\d.]+) mg given, ([\d.]+) mg discarded$/.exec(text);
    expect(m).not.toBeNull();
    await app.getByRole('button', { name: /^save waste/i }).click();
    const saved = await until(
      () => readMa(NIVOLUMAB),
      (m) => (m.extension ?? []).some((e) => e.url === `${EXT}discarded-amount`),
    );
    const discarded = saved.extension?.find((e) => e.url === `${EXT}discarded-amount`);
    expect(discarded?.valueQuantity).toMatchObject({ value: Number(m?.[2]), code: 'mg' });
    expect(saved.extension?.filter((e) => e.url === `${EXT}container`).length).toBeGreaterThan(0);
    await page.context().close();
  });

  // Issue 14 §2: for oxaliplatin the form showed two 100 mg containers and saved a 100 mg and a
  // 50 mg container. The record documents one of each; the form shows exactly those, the summary
  // states them, and the server has exactly them with the amount discarded the summary showed.
  it('oxaliplatin: the form shows the documented 100 mg + 50 mg and the server has exactly the summary', async () => {
    const { page, app } = await openChair(FOLFOX);
    await app.getByRole('button', { name: /document waste for oxaliplatin/i }).click();
    const summary = app.getByRole('status', { name: 'Will be saved:' });
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.textContent()).toBe(
      'Will be saved: 1 × 100 mg container + 1 × 50 mg container (150 mg): 150 mg given, 0 mg discarded',
    );
    const opened = (name: RegExp) => app.getByRole('spinbutton', { name });
    expect(await opened(/^number opened, 100 mg container/i).inputValue()).toBe('1');
    expect(await opened(/^number opened, 50 mg container/i).inputValue()).toBe('1');
    expect(await opened(/^number opened, 200 mg container/i).inputValue()).toBe('0');
    await app.getByRole('button', { name: 'Save waste' }).click();
    const saved = await until(
      () => readMa(OXALIPLATIN),
      (m) => (m.extension ?? []).some((e) => e.url === `${EXT}discarded-amount`),
    );
    const containers = (saved.extension ?? [])
      .filter((e) => e.url === `${EXT}container`)
      .map((e) => {
        const sub = e.extension ?? [];
        const code = sub.find((x) => x.url === 'product')?.valueCodeableConcept?.coding?.[0]?.code;
        return `${sub.find((x) => x.url === 'count')?.valuePositiveInt ?? '?'}×${code ?? '?'}`;
      });
    expect(containers).toEqual(['1×63323075020', '1×63323075010']);
    const discarded = saved.extension?.find((e) => e.url === `${EXT}discarded-amount`);
    expect(discarded?.valueQuantity).toMatchObject({ value: 0, code: 'mg' });
    expect(saved.meta?.versionId).not.toBe('1');
    await page.context().close();
  });
});

describe('for the chair', () => {
  it('at 1024×768 every control is at least 44 px, and stop works from the keyboard', async () => {
    const { page, app } = await openChair(CARBO);
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.getByRole('button', { name: /pick stop time for paclitaxel/i }).click();
    const sizes = await app.locator('.chair').evaluate((root) =>
      [...root.querySelectorAll('button, input, select')].map((el) => {
        const r = el.getBoundingClientRect();
        return { what: el.outerHTML.slice(0, 60), h: r.height, w: r.width };
      }),
    );
    expect(sizes.length).toBeGreaterThan(3);
    const small = sizes.filter((s) => s.h < 44 || s.w < 44);
    expect(small).toEqual([]);
    const overflow = await app.locator('.chair').evaluate((el) => el.scrollWidth > 1024);
    expect(overflow).toBe(false);
    // Keyboard only: Cancel, then Tab to the one-tap stop button and press Enter.
    await app.getByRole('button', { name: 'Cancel' }).press('Enter');
    const target = /record stop time now for paclitaxel/i;
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      const focused = await app.evaluate(() => document.activeElement?.textContent ?? '');
      reached = target.test(focused);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    // The visit is from months ago: the stop asks first (issue 14 §1); confirmed by keyboard.
    await app.getByRole('button', { name: /save stop time anyway/i }).waitFor();
    let onConfirm = false;
    for (let i = 0; i < 10 && !onConfirm; i++) {
      await page.keyboard.press('Tab');
      const focused = await app.evaluate(() => document.activeElement?.textContent ?? '');
      onConfirm = /save stop time anyway/i.test(focused);
    }
    expect(onConfirm).toBe(true);
    await page.keyboard.press('Enter');
    const saved = await until(
      () => readMa(PACLITAXEL),
      (m) => m.status === 'completed',
    );
    expect(saved.effectivePeriod?.end).toBeDefined();
    await page.context().close();
  });
});

describe('nothing lost', () => {
  it.each([
    ['keep mine', 'Keep mine', '2026-08-04T12:00:00-04:00'],
    ['keep theirs', 'Keep theirs', '2026-08-04T11:50:00-04:00'],
  ])('two sessions edit one administration: %s, no silent overwrite', async (_n, choice, end) => {
    const a = await openChair(CARBO);
    const b = await openChair(CARBO);
    await pickStop(b.app, /paclitaxel/, '11:50');
    await until(
      () => readMa(PACLITAXEL),
      (m) => m.effectivePeriod?.end !== undefined,
    );
    await pickStop(a.app, /paclitaxel/, '12:00');
    const theirs = a.app.getByRole('region', { name: 'Their version' });
    await theirs.waitFor({ timeout: 30_000 });
    expect(await theirs.textContent()).toMatch(/stop: 11:50/i);
    expect(await a.app.getByRole('region', { name: 'Your entry' }).textContent()).toMatch(
      /stop: 12:00/i,
    );
    expect((await readMa(PACLITAXEL)).effectivePeriod?.end).toBe('2026-08-04T11:50:00-04:00');
    await a.app.getByRole('button', { name: choice }).click();
    await a.app.getByText('All entries saved.').waitFor({ timeout: 30_000 });
    const final = await readMa(PACLITAXEL);
    expect(final.effectivePeriod?.end).toBe(end);
    expect(final.meta?.versionId).not.toBe('1');
    await a.page.context().close();
    await b.page.context().close();
  });

  it('offline then online: the entry stays pending and is sent', async () => {
    const { page, app } = await openChair(CARBO);
    await page.context().setOffline(true);
    await app.getByRole('button', { name: /record stop time now for paclitaxel/i }).click();
    // The visit is from months ago: the stop asks first (issue 14 §1).
    await app.getByRole('button', { name: /save stop time anyway/i }).click();
    await app.getByText(/waiting to send: stop time/i).waitFor();
    expect((await readMa(PACLITAXEL)).status).toBe('in-progress');
    await page.context().setOffline(false);
    const saved = await until(
      () => readMa(PACLITAXEL),
      (m) => m.status === 'completed',
    );
    expect(saved.effectivePeriod?.end).toBeDefined();
    await app.getByText('All entries saved.').waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('a failing server keeps the entry through a page reload, then sends it', async () => {
    const { page, app } = await openChair(CARBO);
    await fhirAdmin().setFaults({ status: 503, path: `^/MedicationAdministration/${PACLITAXEL}` });
    await pickStop(app, /paclitaxel/, '12:00');
    await app.getByText(/waiting to send: stop time/i).waitFor();
    await page.reload();
    const again = appFrame(page);
    await again.getByText(/waiting to send: stop time/i).waitFor({ timeout: 60_000 });
    await fhirAdmin().clearFaults();
    const saved = await until(
      () => readMa(PACLITAXEL),
      (m) => m.status === 'completed',
      90_000,
    );
    expect(saved.effectivePeriod?.end).toBe('2026-08-04T12:00:00-04:00');
    await page.context().close();
  });
});
