#!/usr/bin/env node
// `npm test`: every suite (unit + integration, then end-to-end in headless Chromium), one
// closing line `N passed, N failed` summed over all suites, non-zero exit on any failure.
// Usage: npm test            (everything)
//        npm test -- unit    (unit + integration only)
//        npm test -- e2e     (end-to-end only)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium } from './e2e/ensure-chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'test-results');
mkdirSync(outDir, { recursive: true });
const which = process.argv[2] ?? 'all';

// @medplum/core needs WebSocket, which Node 20 has only behind this flag.
const env = {
  ...process.env,
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-websocket`.trim(),
};
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');

function runSuite(name, args) {
  const out = resolve(outDir, `${name}.json`);
  rmSync(out, { force: true });
  console.log(`\n=== ${name} tests ===`);
  const r = spawnSync(
    process.execPath,
    [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    {
      cwd: root,
      env,
      stdio: 'inherit',
    },
  );
  if (!existsSync(out)) {
    console.error(`The ${name} test run ended without a result file (exit ${r.status}).`);
    return { passed: 0, failed: 1, ok: false };
  }
  const json = JSON.parse(readFileSync(out, 'utf8'));
  const failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  const passed = json.numPassedTests ?? 0;
  // A suite file that failed to load counts as a failure even when no test inside it ran.
  const brokenFiles = (json.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length;
  return { passed, failed: failed + brokenFiles, ok: r.status === 0 };
}

const totals = { passed: 0, failed: 0, ok: true };
function add(r) {
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.ok = totals.ok && r.ok;
}

if (which === 'all' || which === 'unit') add(runSuite('unit', []));
if (which === 'all' || which === 'e2e') {
  const chromium = ensureChromium();
  if (!chromium.ok) {
    console.error(chromium.message);
    totals.ok = false;
    totals.failed += 1;
  } else {
    add(runSuite('e2e', ['-c', 'vitest.e2e.config.ts']));
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.ok && totals.failed === 0 ? 0 : 1);
