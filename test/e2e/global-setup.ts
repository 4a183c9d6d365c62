// Starts the local stack (EHR + app) on free ports in a child process for the e2e run and
// hands its URLs to the tests (inject('ehrStack')). The child runs with
// --experimental-websocket and is stopped by its pid at teardown.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium.ts';

export interface StackInfo {
  launcherUrl: string;
  ehrUrl: string;
  fhirBase: string;
  issuer: string;
  appUrl: string;
  adminToken: string;
  /** The EHR profile the stack started with (EHR_PROFILE, default full). */
  profile?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    ehrStack: StackInfo;
  }
}

const PREFIX = 'EVERYDOSE_STACK ';
const ROOT = resolve(import.meta.dirname, '..', '..');
let child: ChildProcess | undefined;

function startChild(): Promise<StackInfo> {
  return new Promise((ok, fail) => {
    const proc = spawn(
      process.execPath,
      ['--experimental-websocket', '--import', 'tsx', 'src/sandbox/start.ts', '--test', '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, EHR_PORT: '0', APP_PORT: '0', EHR_MODE: 'test' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => fail(new Error(`The local stack did not start in time.\n${err}`)),
      90_000,
    );
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n').find((l) => l.startsWith(PREFIX));
      if (line) {
        clearTimeout(timer);
        ok(JSON.parse(line.slice(PREFIX.length)) as StackInfo);
      }
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`The local stack exited (${String(code)}) before it was ready.\n${err}`));
    });
  });
}

export async function setup(project: TestProject): Promise<void> {
  ensureChromium();
  const info = await startChild();
  project.provide('ehrStack', info);
}

export async function teardown(): Promise<void> {
  const proc = child;
  if (!proc || proc.exitCode !== null) return;
  await new Promise<void>((done) => {
    const kill = setTimeout(() => {
      proc.kill('SIGKILL');
      done();
    }, 10_000);
    proc.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    proc.kill('SIGTERM');
  });
}
