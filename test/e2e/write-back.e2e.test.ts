// Write-back by channel under each kind of EHR the local EHR imitates (issue #19,
// docs/write-back.md): a nurse's stop time and a coder's sign-off reach the EHR by the best
// channel it offers, the screen says which, and each is read back from the server.
import type { Frame, Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin, launchAs } from './harness.ts';
import { defined } from '../defined.ts';

type Profile = 'full' | 'claim-less' | 'mar-read-only';

// Story 03: paclitaxel running since 09:00 (no stop time).
const CARBO = { patientId: 'pt-carbo-pacli', encounterId: 'enc-carbo-pacli-20260804' };
const PACLITAXEL = 'carbo-pacli-ma-paclitaxel';
// Story 09: a claim drafted with errors.
const CODER = { patientId: 'pt-claim-errors', encounterId: 'enc-claim-errors-20260807' };

interface Administration {
  status: string;
  effectivePeriod?: { start?: string; end?: string };
}
interface Note {
  id: string;
  context?: { related?: { reference?: string }[]; encounter?: { reference?: string }[] };
  content: { attachment: { contentType?: string; data?: string } }[];
}
interface Charge {
  status: string;
  code: { coding?: { code?: string }[] };
  context?: { reference?: string };
  service?: { reference?: string }[];
}

const text = (n: Note) =>
  Buffer.from(n.content[0]?.attachment.data ?? '', 'base64').toString('utf8');

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function open(role: 'nurse' | 'coder', target: typeof CARBO) {
  const page = await launchAs({ role, ...target });
  const app = appFrame(page);
  await app.getByRole('article').first().waitFor({ timeout: 90_000 });
  return { page, app };
}

async function signOff(app: Page | Frame): Promise<void> {
  const cards = app.getByRole('article');
  const n = await cards.count();
  for (let i = 0; i < n; i += 1) {
    await cards.nth(i).getByRole('button', { name: 'Accept', exact: true }).click();
  }
  const errors = app.getByRole('region', { name: /^Errors/ });
  const openOnes = errors.locator('li', {
    has: app.getByRole('button', { name: 'Acknowledge' }),
  });
  for (let guard = 0; guard < 20 && (await openOnes.count()) > 0; guard += 1) {
    const item: Locator = openOnes.first();
    await item.getByLabel(/Note/).fill('Checked against the chart before billing.');
    await item.getByRole('button', { name: 'Acknowledge' }).click();
  }
  await app.getByRole('button', { name: 'Sign off' }).click();
}

const notesOf = (patientId: string) =>
  fhirAdmin().search<Note>(`DocumentReference?patient=${patientId}`);

beforeEach(async () => {
  await fhirAdmin().reset();
});

describe('nurse stop time by channel', () => {
  it.each<[Profile, 'mar' | 'note']>([
    ['full', 'mar'],
    ['claim-less', 'mar'],
    ['mar-read-only', 'note'],
  ])('%s EHR: the stop time goes to the %s', async (profile, channel) => {
    await fhirAdmin().setProfile(profile);
    const { page, app } = await open('nurse', CARBO);
    await app.getByRole('button', { name: /pick stop time for paclitaxel/i }).click();
    await app.getByLabel('Time', { exact: true }).fill('12:00');
    await app.getByRole('button', { name: 'Save stop time' }).click();
    if (channel === 'mar') {
      const ma = await until(
        () => fhirAdmin().read<Administration>('MedicationAdministration', PACLITAXEL),
        (m) => m.status === 'completed',
      );
      expect(ma.effectivePeriod?.end).toBe('2026-08-04T12:00:00-04:00');
    } else {
      await app
        .getByText(/Saved as a note in the chart: the EHR does not let apps change the MAR/)
        .waitFor({ timeout: 60_000 });
      const notes = await until(
        () => notesOf(CARBO.patientId),
        (l) => l.length > 0,
      );
      expect(notes).toHaveLength(1);
      const note = defined(notes[0]);
      expect(note.context?.related?.[0]?.reference).toBe(`MedicationAdministration/${PACLITAXEL}`);
      expect(note.context?.encounter?.[0]?.reference).toBe(`Encounter/${CARBO.encounterId}`);
      expect(text(note)).toContain('stop time 2026-08-04T12:00:00-04:00');
      const ma = await fhirAdmin().read<Administration>('MedicationAdministration', PACLITAXEL);
      expect(ma.effectivePeriod?.end).toBeUndefined();
    }
    await page.context().close();
  });
});

describe('coder sign-off by channel', () => {
  it.each<[Profile, RegExp]>([
    ['full', /^Signed off\. Draft claim/],
    ['claim-less', /^Signed off\. Saved as charges in the EHR: it does not let apps save claims/],
    ['mar-read-only', /^Signed off\. Saved as a coding note in the chart/],
  ])('%s EHR: the sign-off says %s and is on the server', async (profile, said) => {
    await fhirAdmin().setProfile(profile);
    // Without a readable Claim (claim-less) the diagnosis must come from the visit itself.
    const enc = await fhirAdmin().read<Record<string, unknown>>('Encounter', CODER.encounterId);
    const reasonCode = [
      { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C34.90' }] },
    ];
    const put = await fhirAdmin().request('PUT', `Encounter/${CODER.encounterId}`, {
      ...enc,
      reasonCode,
    });
    expect(put.status).toBe(200);
    const { page, app } = await open('coder', CODER);
    await signOff(app);
    await app.getByText(said).waitFor({ timeout: 60_000 });
    if (profile === 'claim-less') {
      const charges = await fhirAdmin().search<Charge>(
        `ChargeItem?context=Encounter/${CODER.encounterId}`,
      );
      expect(charges.length).toBeGreaterThan(0);
      for (const c of charges) {
        expect(c.status).toBe('billable');
        expect(c.context?.reference).toBe(`Encounter/${CODER.encounterId}`);
      }
      expect(
        charges.some((c) => c.service?.[0]?.reference?.startsWith('MedicationAdministration/')),
      ).toBe(true);
    }
    if (profile === 'mar-read-only') {
      const notes = await notesOf(CODER.patientId);
      expect(notes).toHaveLength(1);
      expect(text(defined(notes[0]))).toMatch(
        /^Infusion billing lines signed off in EveryDose by Practitioner\/coder-1/,
      );
      await app.getByRole('button', { name: 'Download CSV' }).waitFor();
    }
    await page.context().close();
  });
});
