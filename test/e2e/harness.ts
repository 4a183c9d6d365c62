// End-to-end helpers (shared names, see the team's launch agreements):
//   stack()      → URLs of the running local EHR and app
//   launchAs()   → a Chromium Page after a real SMART EHR launch through the launcher
//   appFrame()   → where the app runs in that page (the EHR iframe, or the page itself)
//   fhirAdmin()  → read/write the FHIR server as an administrator, set faults, reset, stats
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from './chromium.ts';
import type { StackInfo } from './global-setup.ts';

export type Role = 'nurse' | 'clinician' | 'coder';

export interface LaunchOptions {
  role: Role;
  patientId: string;
  encounterId?: string;
  /** Sign in as the patient themself (fhirUser Patient/<patientId>, read-only scopes); `role` is then ignored. */
  asPatientUser?: boolean;
  /** Inside the launcher's EHR frame (iframe) instead of top-level. Default false. */
  embedded?: boolean;
  /** Resource types whose scopes the EHR withholds from this launch (tests of "not available"). */
  withhold?: string[];
  /** Browser time zone; default the fixtures' clinic zone, America/New_York. */
  timezoneId?: string;
  /** Alter the PKCE code_verifier the app sends at the token endpoint (must be refused). */
  tamperPkceVerifier?: boolean;
  /** Launch with the launcher's work queue of this day (YYYY-MM-DD): the coder's worklist. */
  queueDay?: string;
}

export function stack(): StackInfo {
  return inject('ehrStack');
}

let browser: Browser | undefined;
const tokenStatus = new WeakMap<Page, number>();

/** HTTP status of the app's token request during `launchAs` (200 when the launch worked). */
export function tokenStatusOf(page: Page): number | undefined {
  return tokenStatus.get(page);
}
const contexts: BrowserContext[] = [];

async function getBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

// Every e2e file starts from freshly seeded data with no faults, whatever the file before did.
beforeAll(async () => {
  await fhirAdmin().reset();
});

afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  browser = undefined;
});

/** The app's frame in an embedded launch, or the page itself for a top-level one. */
export function appFrame(page: Page): Page | Frame {
  const app = new URL(stack().appUrl).origin;
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(app));
  return frame ?? page;
}

/**
 * Opens the launcher in a fresh browser context, chooses patient, encounter and role, and
 * launches. Resolves once the app has come back to index.html and its token request has been
 * answered (whatever the answer). The Page is the EHR frame page when `embedded`.
 */
export async function launchAs(opts: LaunchOptions): Promise<Page> {
  const s = stack();
  const context = await (
    await getBrowser()
  ).newContext({
    timezoneId: opts.timezoneId ?? 'America/New_York',
    locale: 'en-US',
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(s.launcherUrl);
  await page.getByLabel('Patient', { exact: true }).selectOption(opts.patientId);
  await page.getByLabel(/^Encounter/).selectOption(opts.encounterId ?? '');
  if (opts.queueDay) await page.getByLabel(/^Work queue/).selectOption(opts.queueDay);
  if (opts.asPatientUser) await page.getByRole('radio', { name: /patient user/ }).check();
  else await page.getByLabel(opts.role, { exact: false }).first().check();
  await page.getByLabel(opts.embedded ? 'Inside the EHR frame' : 'Top-level window').check();
  if (opts.withhold && opts.withhold.length > 0) {
    await page.evaluate((value) => {
      const form = document.querySelector('form');
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'withhold';
      input.value = value;
      form?.appendChild(input);
    }, opts.withhold.join(','));
  }
  const tokenAnswered = page.waitForResponse((r) => r.url() === `${s.issuer}/token`, {
    timeout: 60_000,
  });
  if (opts.tamperPkceVerifier) {
    // Change the PKCE code_verifier of the app's token request in flight: the EHR must
    // refuse the code, and the app must say so.
    await context.route(`${s.issuer}/token`, async (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      if (form.get('grant_type') === 'authorization_code') {
        form.set('code_verifier', `${form.get('code_verifier') ?? ''}-tampered`.slice(-128));
      }
      await route.continue({ postData: form.toString() });
    });
  }
  await page.getByRole('button', { name: 'Launch EveryDose' }).click();
  tokenStatus.set(page, (await tokenAnswered).status());
  return page;
}

/**
 * A standalone launch: the app opens without `iss` or `launch`, uses its configured FHIR base,
 * and the EHR's picker page supplies the patient and the user.
 */
export async function launchStandalone(opts: { role: Role; patientId: string }): Promise<Page> {
  const s = stack();
  const context = await (
    await getBrowser()
  ).newContext({
    timezoneId: 'America/New_York',
    locale: 'en-US',
  });
  contexts.push(context);
  const page = await context.newPage();
  const tokenAnswered = page.waitForResponse((r) => r.url() === `${s.issuer}/token`, {
    timeout: 60_000,
  });
  await page.goto(`${s.appUrl}/launch.html`);
  await page.getByLabel('Patient', { exact: true }).selectOption(opts.patientId);
  await page.getByLabel(opts.role, { exact: false }).first().check();
  await page.getByRole('button', { name: 'Continue' }).click();
  tokenStatus.set(page, (await tokenAnswered).status());
  return page;
}

/**
 * Opens a clinic-wide screen (the charge nurse's board, the practice dashboard) from the
 * launcher's own entries: no patient, user-level access. Resolves once the token is answered.
 */
export async function launchView(view: 'board' | 'dashboard'): Promise<Page> {
  const s = stack();
  const context = await (
    await getBrowser()
  ).newContext({
    timezoneId: 'America/New_York',
    locale: 'en-US',
    viewport: { width: 1024, height: 768 },
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(s.launcherUrl);
  const tokenAnswered = page.waitForResponse((r) => r.url() === `${s.issuer}/token`, {
    timeout: 60_000,
  });
  const name = view === 'board' ? 'Open the charge nurse board' : 'Open the practice dashboard';
  await page.getByRole('button', { name }).click();
  tokenStatus.set(page, (await tokenAnswered).status());
  return page;
}

export interface AdminResponse<T = unknown> {
  status: number;
  body: T;
}

export interface FhirAdmin {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<AdminResponse<T>>;
  read<T = unknown>(type: string, id: string): Promise<T>;
  /** Every match of a search (`MedicationAdministration?patient=x`), following next links. */
  search<T = unknown>(query: string): Promise<T[]>;
  setFaults(config: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  /** Reseed the fixtures, clear faults and counts, back to the profile the stack started with. */
  reset(): Promise<void>;
  /** Make the running EHR imitate another kind of EHR (full, claim-less, mar-read-only). */
  setProfile(profile: 'full' | 'claim-less' | 'mar-read-only'): Promise<void>;
  stats(): Promise<{
    total: number;
    byMethod: Record<string, number>;
    byType: Record<string, number>;
    byStatus: Record<string, number>;
  }>;
}

interface SearchBundle<T> {
  entry?: { resource: T; search?: { mode?: string } }[];
  link?: { relation: string; url: string }[];
}

export function fhirAdmin(): FhirAdmin {
  const s = stack();
  const auth = { authorization: `Bearer ${s.adminToken}` };
  const call = async <T>(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<AdminResponse<T>> => {
    const res = await fetch(url, {
      method,
      headers: {
        ...auth,
        accept: 'application/fhir+json',
        ...(body !== undefined ? { 'content-type': 'application/fhir+json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const fhir = (path: string) => `${s.fhirBase}/${path.replace(/^\//, '')}`;
  const expectOk = <T>(r: AdminResponse<T>, what: string): T => {
    if (r.status >= 300) throw new Error(`${what} answered ${r.status}`);
    return r.body;
  };
  return {
    request: (method, path, body) => call(method, fhir(path), body),
    read: async (type, id) => expectOk(await call('GET', fhir(`${type}/${id}`)), `read ${type}`),
    search: async <T>(query: string) => {
      const out: T[] = [];
      let next: string | undefined = fhir(query);
      for (let page = 0; next && page < 100; page += 1) {
        const bundle: SearchBundle<T> = expectOk(
          await call<SearchBundle<T>>('GET', next),
          'search',
        );
        for (const e of bundle.entry ?? []) if (e.search?.mode !== 'include') out.push(e.resource);
        next = bundle.link?.find((l) => l.relation === 'next')?.url;
      }
      return out;
    },
    setFaults: async (config) => {
      expectOk(await call('POST', `${s.ehrUrl}/_admin/faults`, config), 'set faults');
    },
    clearFaults: async () => {
      expectOk(await call('DELETE', `${s.ehrUrl}/_admin/faults`), 'clear faults');
    },
    reset: async () => {
      expectOk(await call('POST', `${s.ehrUrl}/_admin/reset`), 'reset');
    },
    setProfile: async (profile) => {
      expectOk(await call('POST', `${s.ehrUrl}/_admin/profile`, { profile }), 'set profile');
    },
    stats: async () => expectOk(await call('GET', `${s.ehrUrl}/_admin/stats`), 'stats'),
  };
}
