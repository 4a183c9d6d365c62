// The audit command on bad and extreme files (issue 8), beyond test/audit/audit-cli.test.ts:
// a 100 MB Bundle, Bundles nested 20,000 deep, arrays nested 100,000 deep, UTF-16, binary
// bytes inside NDJSON, a 20 MB line, hostile ids, resources that do not read. Each run ends
// with exit 0 (bad resources become warnings) or exit 2 with one plain line naming the file;
// never a stack trace, never an "internal error".
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBigBundle } from './big-bundle.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const HCPCS = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const TIME = '/usr/bin/time';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The audit command as a child; with `measure`, GNU time adds "maxrss-kb N" to stderr. */
function audit(args: string[], measure = false): Promise<Run> {
  const node = [process.execPath, '--import', 'tsx', 'src/cli/audit.ts', ...args];
  const [cmd, ...rest] = measure && existsSync(TIME) ? [TIME, '-f', 'maxrss-kb %M', ...node] : node;
  return new Promise((resolve) => {
    execFile(
      cmd ?? process.execPath,
      rest,
      { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function expectNoCrash(run: Run): void {
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.stderr).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
}

function ma(id: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceType: 'MedicationAdministration',
    id,
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: HCPCS, code: 'J9271' }] },
    effectivePeriod: { start: '2026-08-04T09:00:00-04:00', end: '2026-08-04T09:40:00-04:00' },
    dosage: { dose: { value: 200, code: 'mg', system: 'http://unitsofmeasure.org' } },
    ...over,
  };
}

interface Report {
  encounters: { warnings: { code: string; sources: string[] }[]; lines: { sources: string[] }[] }[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-reliability-'));
  let nested = JSON.stringify(ma('deep'));
  for (let i = 0; i < 20_000; i += 1)
    nested = `{"resourceType":"Bundle","type":"collection","entry":[{"resource":${nested}}]}`;
  writeFileSync(join(dir, 'deep-bundles.json'), nested);
  writeFileSync(
    join(dir, 'deep-arrays.json'),
    `{"resourceType":"MedicationAdministration","id":"x","note":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  );
  writeFileSync(
    join(dir, 'utf16.json'),
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('{"resourceType":"Patient"}', 'utf16le'),
    ]),
  );
  writeFileSync(
    join(dir, 'binary.ndjson'),
    Buffer.concat([
      Buffer.from('{"resourceType":"Location","id":"l1"}\n'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x0a]),
    ]),
  );
  writeFileSync(
    join(dir, 'bad-resources.ndjson'),
    [
      ma('ok1'),
      ma('bad-status', { status: 42 }),
      ma('bad-time', { effectivePeriod: { start: '2026-02-30T25:00:00Z' } }),
      ma('no-subject', { subject: 'Patient/p1' }),
      {
        resourceType: 'Coverage',
        id: 'bad-cov',
        status: ['active'],
        beneficiary: { reference: 'Patient/p1' },
      },
      { resourceType: '__proto__', id: 'x' },
      ma('constructor', { subject: { reference: 'Patient/__proto__' } }),
      ma('<img src=x onerror=alert(1)>'),
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  writeFileSync(
    join(dir, 'long-line.ndjson'),
    `${JSON.stringify(ma('long', { note: [{ text: 'y'.repeat(20 * 1024 * 1024) }] }))}\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('audit command: bad resources are warnings (exit 0)', () => {
  it('resources that do not read are each named by an INVALID_RESOURCE warning; the good one is billed', async () => {
    const run = await audit([join(dir, 'bad-resources.ndjson')]);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout) as Report;
    const warned = new Set(
      r.encounters.flatMap((e) =>
        e.warnings.filter((w) => w.code === 'INVALID_RESOURCE').flatMap((w) => w.sources),
      ),
    );
    for (const id of ['bad-status', 'bad-time', 'no-subject'])
      expect(warned.has(`MedicationAdministration/${id}`), id).toBe(true);
    expect(warned.has('Coverage/bad-cov')).toBe(true);
    const billed = new Set(r.encounters.flatMap((e) => e.lines.flatMap((l) => l.sources)));
    expect(billed.has('MedicationAdministration/ok1')).toBe(true);
    expect(billed.has('MedicationAdministration/constructor')).toBe(true);
  });

  it('Bundles nested 20,000 deep are read', async () => {
    const run = await audit([join(dir, 'deep-bundles.json')]);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('MedicationAdministration/deep');
  });

  it('arrays nested 100,000 deep inside a resource: the resource is a warning', async () => {
    const run = await audit([join(dir, 'deep-arrays.json')]);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/INVALID_RESOURCE/);
  });

  it('a 20 MB NDJSON line reads', async () => {
    const run = await audit([join(dir, 'long-line.ndjson')]);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('MedicationAdministration/long');
  });
});

describe('audit command: unreadable files (exit 2, one plain line naming the file)', () => {
  it.each([
    ['UTF-16 JSON', 'utf16.json', /utf16\.json: .*not FHIR JSON/],
    [
      'binary bytes after a good NDJSON line',
      'binary.ndjson',
      /binary\.ndjson, line \d+: binary data/,
    ],
  ])('%s', async (_n, file, message) => {
    const run = await audit([join(dir, file)]);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});

describe('audit command: a 100 MB Bundle', () => {
  it('is read whole and reported (exit 0), with bounded memory', async () => {
    const file = join(dir, 'big.json');
    const made = await writeBigBundle(file, 100);
    expect(made.bytes).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const run = await audit([file], true);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/"dateOfService"/g)?.length).toBe(made.encounters);
    const rss = /maxrss-kb (\d+)/.exec(run.stderr);
    if (rss) {
      const mb = Number(rss[1]) / 1024;
      console.info(
        `audit of a ${(made.bytes / 1048576).toFixed(0)} MB Bundle (${made.administrations} administrations): peak RSS ${mb.toFixed(0)} MB`,
      );
      expect(mb).toBeLessThan(1536);
    }
    rmSync(file, { force: true });
  }, 600_000);
});
