// Issue 15 §5 end to end (real SMART launch, local EHR, Chromium), read back from the server:
// on the FOLFOX disconnect visit (story 01, Wed 5 August 2026) the nurse gives an ordered
// subcutaneous injection at a picked site (one instant, SNOMED site, R21.10, R26.3) and takes
// off the fluorouracil pump started on Monday (R23.7, R26.1, R26.4): the pump's record gets its
// end under If-Match and the disconnect is its own record in this visit. Every one of these
// writes has a Provenance naming the nurse, read back from the server. An ordered port flush
// (R24) and an ordered pump refill (R23.6) recorded at the chair are one instant each with their
// method (R26.4) and their own Provenance, read back too.
import type { Frame, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { appFrame, fhirAdmin, launchAs } from './harness.ts';

const FOLFOX = { patientId: 'pt-folfox', encounterId: 'enc-folfox-20260805' };
const PUMP = 'folfox-ma-pump';
const ORDER = 'e2e-rx-pegfilgrastim';
const SC = { coding: [{ system: 'http://snomed.info/sct', code: '34206005' }] };
const IV = { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] };
const METHOD = 'https://everydose.dev/fhir/CodeSystem/administration-method';
const NURSE = 'Practitioner/nurse-1';

interface Administration {
  id: string;
  status: string;
  meta?: { versionId?: string };
  effectiveDateTime?: string;
  effectivePeriod?: { start?: string; end?: string };
  request?: { reference?: string };
  context?: { reference?: string };
  partOf?: { reference?: string }[];
  dosage?: {
    route?: { coding?: { system?: string; code?: string }[] };
    site?: { text?: string; coding?: { system?: string; code?: string }[] };
    method?: { coding?: { system?: string; code?: string }[] };
  };
}

interface Provenance {
  target: { reference?: string }[];
  recorded: string;
  activity?: { coding?: { code?: string }[]; text?: string };
  agent: { who?: { reference?: string } }[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const records = () =>
  fhirAdmin().search<Administration>('MedicationAdministration?patient=pt-folfox');

/** The Provenances the server holds for one record, once at least one has arrived. */
async function provenancesOf(id: string): Promise<Provenance[]> {
  const read = () =>
    fhirAdmin().search<Provenance>(`Provenance?target=MedicationAdministration/${id}`);
  return until(read, (ps) => ps.length > 0);
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await sleep(250);
  }
}

/** The pump as it was on Wednesday before the disconnect: running, no end, no disconnect record. */
async function pumpStillRunning(): Promise<void> {
  const admin = fhirAdmin();
  const pump = await admin.read<Administration & Record<string, unknown>>(
    'MedicationAdministration',
    PUMP,
  );
  const start = pump.effectivePeriod?.start;
  const put = await admin.request('PUT', `MedicationAdministration/${PUMP}`, {
    ...pump,
    status: 'in-progress',
    effectivePeriod: { start },
  });
  expect(put.status).toBeLessThan(300);
  const del = await admin.request('DELETE', 'MedicationAdministration/folfox-ma-pump-disconnect');
  expect(del.status).toBeLessThan(300);
  const order = await admin.request('PUT', `MedicationRequest/${ORDER}`, {
    resourceType: 'MedicationRequest',
    id: ORDER,
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${FOLFOX.patientId}` },
    encounter: { reference: `Encounter/${FOLFOX.encounterId}` },
    authoredOn: '2026-08-03',
    medicationCodeableConcept: { text: 'Pegfilgrastim 6 mg/0.6 mL syringe' },
    dosageInstruction: [
      { route: SC, doseAndRate: [{ doseQuantity: { value: 6, unit: 'mg', code: 'mg' } }] },
    ],
  });
  expect(order.status).toBeLessThan(300);
}

/** An ordered port flush or pump refill in the FOLFOX disconnect visit (R24, R23.6, R26.4). */
async function orderService(id: string, drug: string, method: string): Promise<void> {
  const put = await fhirAdmin().request('PUT', `MedicationRequest/${id}`, {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: `Patient/${FOLFOX.patientId}` },
    encounter: { reference: `Encounter/${FOLFOX.encounterId}` },
    authoredOn: '2026-08-03',
    medicationCodeableConcept: { text: drug },
    dosageInstruction: [{ route: IV, method: { coding: [{ system: METHOD, code: method }] } }],
  });
  expect(put.status).toBeLessThan(300);
}

async function openChair(): Promise<{ page: Page; app: Page | Frame }> {
  const page = await launchAs({ role: 'nurse', ...FOLFOX });
  const app = appFrame(page);
  await app.getByRole('heading', { name: /chair: today/i }).waitFor({ timeout: 60_000 });
  await app.getByRole('article').first().waitFor({ timeout: 60_000 });
  return { page, app };
}

beforeEach(async () => {
  await fhirAdmin().reset();
  await pumpStillRunning();
});

describe('issue 15 §5: injections and pumps at the chair, read back from the server', () => {
  it('"Given now" writes one instant with the picked site (SNOMED) and the order’s route', async () => {
    const { page, app } = await openChair();
    await app.getByRole('button', { name: /given now for pegfilgrastim/i }).click();
    await app.getByRole('radio', { name: 'Left upper arm' }).check();
    await app.getByRole('button', { name: 'Save injection' }).click();
    // The visit was on 5 August: another day than today asks first.
    await app
      .getByRole('alert')
      .filter({ hasText: /another day than the visit/ })
      .waitFor();
    await app.getByRole('button', { name: 'Save injection anyway' }).click();
    const all = await until(records, (rs) => rs.some((r) => r.request?.reference?.endsWith(ORDER)));
    const given = all.find((r) => r.request?.reference?.endsWith(ORDER));
    expect(given?.status).toBe('completed');
    expect(given?.effectiveDateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(given?.effectivePeriod).toBeUndefined();
    expect(given?.context?.reference).toBe(`Encounter/${FOLFOX.encounterId}`);
    expect(given?.dosage?.route?.coding?.[0]?.code).toBe('34206005');
    expect(given?.dosage?.site?.coding?.[0]).toMatchObject({
      system: 'http://snomed.info/sct',
      code: '368208006',
    });
    expect(given?.dosage?.site?.text).toBe('Left upper arm');
    // Its Provenance: target the injection, author the nurse, a creation.
    await sleep(1000); // a second Provenance, if any, would land by now
    const provs = await provenancesOf(given?.id ?? '');
    expect(provs).toHaveLength(1);
    expect(provs[0]?.target[0]?.reference).toBe(`MedicationAdministration/${given?.id ?? ''}`);
    expect(provs[0]?.agent[0]?.who?.reference).toBe(NURSE);
    expect(provs[0]?.activity?.coding?.[0]?.code).toBe('CREATE');
    expect(provs[0]?.activity?.text).toBe('Nurse recorded an injection');
    await page.close();
  });

  it('R20.7 an injection applied with an on-body injector: the method the engine reads, and its Provenance', async () => {
    const { page, app } = await openChair();
    await app.getByRole('button', { name: /given now for pegfilgrastim/i }).click();
    await app.getByRole('radio', { name: 'Left upper arm' }).check();
    await app.getByRole('checkbox', { name: /applied with an on-body injector/i }).check();
    await app.getByText(/Saves: injection of .* applied with an on-body injector\./).waitFor();
    await app.getByRole('button', { name: 'Save injection' }).click();
    await app.getByRole('button', { name: 'Save injection anyway' }).click();
    const all = await until(records, (rs) => rs.some((r) => r.request?.reference?.endsWith(ORDER)));
    const given = all.filter((r) => r.request?.reference?.endsWith(ORDER));
    expect(given).toHaveLength(1);
    expect(given[0]?.dosage?.method?.coding?.[0]).toMatchObject({
      system: METHOD,
      code: 'on-body-injector',
    });
    expect(given[0]?.dosage?.route?.coding?.[0]?.code).toBe('34206005');
    await app.getByText(/Saved: injection of .* with an on-body injector\./).waitFor();
    await sleep(1000); // a second Provenance, if any, would land by now
    const provs = await provenancesOf(given[0]?.id ?? '');
    expect(provs).toHaveLength(1);
    expect(provs[0]?.agent[0]?.who?.reference).toBe(NURSE);
    expect(provs[0]?.activity?.text).toBe('Nurse recorded an injection with an on-body injector');
    await page.close();
  });

  it('"Record pump disconnect" ends Monday’s pump (one new version) and writes the disconnect in this visit', async () => {
    const before = await fhirAdmin().read<Administration>('MedicationAdministration', PUMP);
    const { page, app } = await openChair();
    await app.getByText('Planned disconnect', { exact: false }).first().waitFor();
    await app.getByRole('button', { name: /record pump disconnect for fluorouracil/i }).click();
    await app
      .getByRole('alert')
      .filter({ hasText: /another day than the visit/ })
      .waitFor();
    await app.getByRole('button', { name: 'Save disconnect time anyway' }).click();
    const all = await until(
      records,
      (rs) =>
        rs.some((r) => r.id === PUMP && r.effectivePeriod?.end !== undefined) &&
        rs.some((r) => r.dosage?.method?.coding?.some((c) => c.code === 'pump-disconnect')),
    );
    const pump = all.find((r) => r.id === PUMP);
    expect(pump?.status).toBe('completed');
    expect(pump?.effectivePeriod?.start).toBe(before.effectivePeriod?.start);
    expect(pump?.effectivePeriod?.end).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(Number(pump?.meta?.versionId)).toBe(Number(before.meta?.versionId) + 1);
    const off = all.filter((r) =>
      r.dosage?.method?.coding?.some((c) => c.system === METHOD && c.code === 'pump-disconnect'),
    );
    expect(off).toHaveLength(1);
    expect(off[0]?.status).toBe('completed');
    expect(off[0]?.effectiveDateTime).toBe(pump?.effectivePeriod?.end);
    expect(off[0]?.partOf?.[0]?.reference).toBe(`MedicationAdministration/${PUMP}`);
    expect(off[0]?.context?.reference).toBe(`Encounter/${FOLFOX.encounterId}`);
    // Both writes have their Provenance naming the nurse: the pump's end and the disconnect.
    await sleep(1000); // a second Provenance, if any, would land by now
    const ended = await provenancesOf(PUMP);
    expect(ended).toHaveLength(1);
    expect(ended[0]?.agent[0]?.who?.reference).toBe(NURSE);
    expect(ended[0]?.activity?.text).toBe('Nurse recorded the stop time');
    const offProvs = await provenancesOf(off[0]?.id ?? '');
    expect(offProvs).toHaveLength(1);
    expect(offProvs[0]?.target[0]?.reference).toBe(`MedicationAdministration/${off[0]?.id ?? ''}`);
    expect(offProvs[0]?.agent[0]?.who?.reference).toBe(NURSE);
    expect(offProvs[0]?.activity?.text).toBe('Nurse recorded the pump disconnect');
    await page.close();
  });

  it.each([
    [
      'port flush',
      'e2e-rx-port-flush',
      'Heparin lock flush 500 units/5 mL',
      'port-flush',
      'Nurse recorded a port flush',
    ],
    [
      'pump refill',
      'e2e-rx-pump-refill',
      'Floxuridine implanted pump refill',
      'pump-refill',
      'Nurse recorded a pump refill',
    ],
  ])(
    '"Record %s" writes one instant with its method and a Provenance naming the nurse',
    async (words, orderId, drug, method, text) => {
      await orderService(orderId, drug, method);
      const { page, app } = await openChair();
      const name = new RegExp(`record ${words} for ${drug.split(' ')[0] ?? ''}`, 'i');
      await app.getByRole('button', { name }).click({ timeout: 60_000 });
      // The visit was on 5 August: another day than today asks first (issue 14 §1).
      await app.getByRole('button', { name: `Save ${words} time anyway` }).click();
      const all = await until(records, (rs) =>
        rs.some((r) => r.request?.reference?.endsWith(orderId)),
      );
      const done = all.filter((r) => r.request?.reference?.endsWith(orderId));
      expect(done).toHaveLength(1);
      expect(done[0]?.status).toBe('completed');
      expect(done[0]?.effectiveDateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(done[0]?.effectivePeriod).toBeUndefined();
      expect(done[0]?.context?.reference).toBe(`Encounter/${FOLFOX.encounterId}`);
      expect(done[0]?.dosage?.method?.coding).toContainEqual({ system: METHOD, code: method });
      await sleep(1000); // a second Provenance, if any, would land by now
      const provs = await provenancesOf(done[0]?.id ?? '');
      expect(provs).toHaveLength(1);
      expect(provs[0]?.target[0]?.reference).toBe(`MedicationAdministration/${done[0]?.id ?? ''}`);
      expect(provs[0]?.agent[0]?.who?.reference).toBe(NURSE);
      expect(provs[0]?.activity?.coding?.[0]?.code).toBe('CREATE');
      expect(provs[0]?.activity?.text).toBe(text);
      await page.close();
    },
  );
});
