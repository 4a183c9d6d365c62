// Launch critical path: the local EHR adds a fixed latency L to every FHIR request; we measure,
// in headless Chromium through the real SMART launch, the time from the token answer (ready()
// resolves right after it) to the coder view fully rendered (lines with their Accept buttons
// and the Sign off control), in units of L; the FHIR requests made after the token; and the
// longest chain of requests that had to wait for one another (sequential round trips).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Request } from 'playwright-core';
import { launchChromium } from '../test/e2e/chromium.ts';
import { figure, median, type Figure } from './figures.ts';

const root = resolve(import.meta.dirname, '..');
const PREFIX = 'EVERYDOSE_STACK ';

interface StackInfo {
  launcherUrl: string;
  fhirBase: string;
  issuer: string;
  appUrl: string;
  ehrUrl: string;
  adminToken: string;
}

function startStack(): Promise<{ info: StackInfo; child: ChildProcess }> {
  return new Promise((ok, fail) => {
    const child = spawn(
      process.execPath,
      ['--experimental-websocket', '--import', 'tsx', 'src/sandbox/start.ts', '--test', '--json'],
      {
        cwd: root,
        env: { ...process.env, EHR_PORT: '0', APP_PORT: '0', EHR_MODE: 'test' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const timer = setTimeout(
      () => fail(new Error('the local stack did not start in 90 s')),
      90_000,
    );
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith(PREFIX));
      if (line) {
        clearTimeout(timer);
        ok({ info: JSON.parse(line.slice(PREFIX.length)) as StackInfo, child });
      }
    });
    child.once('exit', (code) => fail(new Error(`the local stack exited (${String(code)})`)));
  });
}

interface Timed {
  start: number;
  end: number;
  /** Method and path without the query (no patient ids in the output). */
  label?: string;
}

/** Longest chain of requests where each starts after the previous one ended, first to last. */
export function sequentialChain<T extends Timed>(reqs: readonly T[]): T[] {
  const sorted = [...reqs].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  const prev: number[] = [];
  let bestAt = -1;
  sorted.forEach((r, i) => {
    let d = 1;
    let from = -1;
    for (let j = 0; j < i; j++) {
      const p = sorted[j];
      if (p && p.end <= r.start && (depth[j] ?? 0) + 1 > d) {
        d = (depth[j] ?? 0) + 1;
        from = j;
      }
    }
    depth[i] = d;
    prev[i] = from;
    if (bestAt < 0 || d > (depth[bestAt] ?? 0)) bestAt = i;
  });
  const chain: T[] = [];
  for (let i = bestAt; i >= 0; i = prev[i] ?? -1) {
    const r = sorted[i];
    if (r) chain.unshift(r);
  }
  return chain;
}

function labelOf(r: Request, fhirBase: string): string {
  const url = new URL(r.url());
  const path = r.url().startsWith(fhirBase)
    ? url.pathname.slice(new URL(fhirBase).pathname.length)
    : url.pathname;
  // Resource type (and operation) only: ids and search values stay out of the output.
  const parts = path.split('/').filter(Boolean);
  const shown =
    parts.length > 1 && /^[A-Z]/.test(parts[0] ?? '') && !parts[1]?.startsWith('_')
      ? `${parts[0]}/{id}`
      : parts.join('/');
  return `${r.method()} ${shown || '/'}${url.search ? '?…' : ''}`;
}

interface LaunchRun {
  criticalMs: number;
  requests: number;
  depth: number;
  /** The longest chain, as labels with start/end relative to the token, in ms. */
  chain: string[];
}

async function oneLaunch(info: StackInfo, latencyMs: number): Promise<LaunchRun> {
  // Found or installed exactly as `npm test` does (test/e2e/ensure-chromium.mjs).
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US' });
    const page = await context.newPage();
    const admin = {
      authorization: `Bearer ${info.adminToken}`,
      'content-type': 'application/json',
    };
    await fetch(`${info.ehrUrl}/_admin/faults`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ latencyMs }),
    });
    await page.goto(info.launcherUrl);
    await page.getByLabel('Patient', { exact: true }).selectOption('pt-claim-errors');
    await page.getByLabel(/^Encounter/).selectOption('enc-claim-errors-20260807');
    await page.getByLabel('coder', { exact: false }).first().check();
    await page.getByLabel('Top-level window').check();

    let tokenAt = Number.POSITIVE_INFINITY;
    const started = new Map<Request, number>();
    const fhir: Timed[] = [];
    page.on('request', (r) => started.set(r, Date.now()));
    page.on('requestfinished', (r) => {
      const now = Date.now();
      if (r.url() === `${info.issuer}/token`) tokenAt = now;
      if (r.url().startsWith(info.fhirBase))
        fhir.push({ start: started.get(r) ?? now, end: now, label: labelOf(r, info.fhirBase) });
    });
    await page.getByRole('button', { name: 'Launch EveryDose' }).click();
    await page.getByRole('button', { name: 'Accept' }).first().waitFor({ timeout: 120_000 });
    await page.getByRole('heading', { name: 'Sign off' }).waitFor({ timeout: 120_000 });
    const renderedAt = Date.now();
    const after = fhir.filter((r) => r.start >= tokenAt - 5);
    const chain = sequentialChain(after);
    return {
      criticalMs: renderedAt - tokenAt,
      requests: after.length,
      depth: chain.length,
      chain: chain.map((r) => `${r.label ?? '?'} [${r.start - tokenAt}–${r.end - tokenAt} ms]`),
    };
  } finally {
    await browser.close();
  }
}

export async function benchLaunch(opts: { latencyMs: number; runs: number }): Promise<Figure[]> {
  let stack: { info: StackInfo; child: ChildProcess } | undefined;
  try {
    stack = await startStack();
    await oneLaunch(stack.info, 0); // warm the dev server's module graph
    const base: LaunchRun[] = [];
    const runs: LaunchRun[] = [];
    for (let i = 0; i < opts.runs; i++) {
      base.push(await oneLaunch(stack.info, 0));
      runs.push(await oneLaunch(stack.info, opts.latencyMs));
    }
    const L = opts.latencyMs;
    const crit = median(runs.map((r) => r.criticalMs));
    const critBase = median(base.map((r) => r.criticalMs));
    // Time attributable to the latency, in units of L (baseline: the same launch with L = 0).
    const inL = (crit - critBase) / L;
    const depth = Math.max(...runs.map((r) => r.depth));
    const requests = Math.max(...runs.map((r) => r.requests));
    const note = `L = ${L} ms; ready()→coder view ${crit.toFixed(0)} ms with L, ${critBase.toFixed(0)} ms without; median of ${opts.runs}`;
    return [
      figure('launch.critical_path_in_L', inL, 'L', 3, '<= 3', (v) => v <= 3, note),
      figure(
        'launch.sequential_round_trips',
        depth,
        'round trips',
        2,
        '<= 2',
        (v) => v <= 2,
        `longest chain of FHIR requests each waiting for the previous one, after the token: ${
          runs.reduce((a, b) => (b.depth > a.depth ? b : a)).chain.join(' → ') || 'none'
        }`,
      ),
      figure(
        'launch.requests',
        requests,
        'requests',
        null,
        'reported',
        () => true,
        'FHIR requests after the token',
      ),
    ];
  } catch (e) {
    const note = `not measured: ${e instanceof Error ? e.message : String(e)}`;
    return [
      figure('launch.critical_path_in_L', null, 'L', null, '<= 3', () => false, note),
      figure('launch.sequential_round_trips', null, 'round trips', null, '<= 2', () => false, note),
      figure('launch.requests', null, 'requests', null, 'reported', () => true, note),
    ];
  } finally {
    stack?.child.kill('SIGTERM');
  }
}
