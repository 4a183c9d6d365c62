// The audit command as a child process (contract §1): inputs of every shape, the JSON report's
// shape, and exit status 2 with one plain line naming the file (and line) for unreadable input.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, toReport } from '../../src/engine/index.ts';
import { analyzeResources } from '../../src/fhir/map/analyze-resources.ts';
import { builtinReference } from '../../src/reference/builtin.ts';
import { defined } from '../defined.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const INPUTS = join(import.meta.dirname, 'inputs');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function audit(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/audit.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

interface ReportShape {
  encounters: {
    patient: string;
    encounter: string | null;
    dateOfService: string;
    setting: string;
    lines: { code: string; units: number; modifiers: string[]; date: string; sources: string[] }[];
    warnings: { code: string; severity: string; message: string; sources: string[] }[];
  }[];
}

function report(run: Run): ReportShape {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ReportShape;
}

const CONTRACT_ENCOUNTER_KEYS = [
  'dateOfService',
  'encounter',
  'lines',
  'patient',
  'setting',
  'warnings',
];
const CONTRACT_LINE_KEYS = new Set([
  'code',
  'units',
  'modifiers',
  'date',
  'sources',
  'ndc',
  'amount',
]);

function expectContractShape(r: ReportShape): void {
  expect(Object.keys(r)).toEqual(['encounters']);
  for (const e of r.encounters) {
    expect(Object.keys(e).sort()).toEqual(CONTRACT_ENCOUNTER_KEYS);
    for (const l of e.lines)
      for (const k of Object.keys(l)) expect(CONTRACT_LINE_KEYS.has(k)).toBe(true);
    for (const w of e.warnings)
      expect(Object.keys(w).sort()).toEqual(['code', 'message', 'severity', 'sources']);
  }
}

const sourcesOf = (r: ReportShape): string[] =>
  r.encounters.flatMap((e) => e.lines.flatMap((l) => l.sources)).sort();

describe('audit command: inputs that read', () => {
  it('a Bundle: report with contract fields only; the invalid administration is a warning', async () => {
    const r = report(await audit([join(INPUTS, 'bundle-office-day.json')]));
    expectContractShape(r);
    expect(r.encounters).toHaveLength(1);
    const e = defined(r.encounters[0]);
    expect(e).toMatchObject({
      patient: 'Patient/p1',
      encounter: 'Encounter/e1',
      dateOfService: '2026-03-02',
      setting: 'professional',
    });
    expect(e.warnings.find((w) => w.code === 'INVALID_RESOURCE')).toMatchObject({
      severity: 'error',
      sources: ['MedicationAdministration/bad1'],
    });
    expect(sourcesOf(r)).toContain('MedicationAdministration/a1');
    expect(sourcesOf(r)).not.toContain('MedicationAdministration/bad1');
    // End to end with the engines: chemo infusion first, the push after it, both drugs.
    const byCode = new Map(e.lines.map((l) => [l.code, l]));
    expect([...byCode.keys()].sort()).toEqual(['96375', '96413', 'J2405', 'J9271']);
    expect(byCode.get('J9271')).toMatchObject({
      units: 200,
      modifiers: ['JZ'],
      ndc: { code: '00006302602', quantity: 8, unit: 'ML' },
    });
  });

  it('references across files: a single resource plus a Bundle in another file', async () => {
    const r = report(
      await audit([
        join(INPUTS, 'split', 'administration.json'),
        join(INPUTS, 'split', 'context.json'),
      ]),
    );
    const e = defined(r.encounters[0]);
    expect(e).toMatchObject({
      patient: 'Patient/s1',
      encounter: 'Encounter/s-e1',
      dateOfService: '2026-05-04',
      setting: 'professional',
    });
    expect(e.warnings.map((w) => w.code)).not.toContain('UNKNOWN_DRUG_CATEGORY');
  });

  it('a folder of Bulk Data NDJSON (CRLF, blank line, pretty line, a type we do not read)', async () => {
    const r = report(await audit([join(INPUTS, 'bulk')]));
    expectContractShape(r);
    expect(r.encounters.map((e) => [e.patient, e.encounter, e.setting]).sort()).toEqual([
      ['Patient/b1', 'Encounter/b-e1', 'facility'],
      ['Patient/b2', 'Encounter/b-e2', 'facility'],
    ]);
    const b2 = defined(r.encounters.find((e) => e.patient === 'Patient/b2'));
    expect(b2.warnings.find((w) => w.code === 'INVALID_RESOURCE')?.message).toMatch(
      /b-a3.*status is missing/,
    );
  });

  it('a file named twice (itself and inside its folder) is read once', async () => {
    const once = report(await audit([join(INPUTS, 'split')]));
    const twice = report(
      await audit([join(INPUTS, 'split'), join(INPUTS, 'split', 'administration.json')]),
    );
    expect(twice).toEqual(once);
  });

  it('--setting overrides the setting from the data', async () => {
    const r = report(await audit(['--setting', 'professional', join(INPUTS, 'bulk')]));
    expect(new Set(r.encounters.map((e) => e.setting))).toEqual(new Set(['professional']));
  });

  it('spilling to disk gives the same report as reading in memory', async () => {
    const args = [
      join(INPUTS, 'bulk'),
      join(INPUTS, 'split'),
      join(INPUTS, 'bundle-office-day.json'),
    ];
    const inMemory = report(await audit(args));
    const spilled = report(await audit(args, { EVERYDOSE_AUDIT_MEMORY_BYTES: '0' }));
    const key = (e: ReportShape['encounters'][number]): string => `${e.patient}|${e.encounter}`;
    expect([...spilled.encounters].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...inMemory.encounters].sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  it('--format table prints a readable table', async () => {
    const run = await audit(['--format', 'table', join(INPUTS, 'bundle-office-day.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Patient\/p1 {2}Encounter\/e1 {2}2026-03-02 {2}professional/);
    expect(run.stdout).toMatch(/ERROR INVALID_RESOURCE: MedicationAdministration\/bad1/);
    expect(run.stdout.trimEnd().endsWith('1 encounter')).toBe(true);
  });
});

describe('audit command: exit 2 with one line naming the file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-bad-'));
    writeFileSync(join(dir, 'not-json.json'), '{"resourceType": "Patient", oops}\n');
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'array.json'), '[1, 2]');
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0x7b, 0x00, 0x01, 0xff, 0xfe]));
    writeFileSync(
      join(dir, 'truncated.ndjson'),
      '{"resourceType":"Location","id":"l1"}\n{"resourceType":"Observation","id":"o1"}\n{"resourceType":"MedicationAdministration","id":"a1","status":"comp',
    );
    writeFileSync(
      join(dir, 'broken-middle.ndjson'),
      '{"resourceType":"Location","id":"l1"}\n{"resourceType":"MedicationAdministration","id":"a1","subject":{"reference":"Patient/p1"},"status":,}\n{"resourceType":"Location","id":"l2"}\n',
    );
    mkdirSync(join(dir, 'empty-folder', 'nested'), { recursive: true });
    writeFileSync(join(dir, 'empty-folder', 'nested', 'notes.txt'), 'hello');
    writeFileSync(
      join(dir, 'config-unknown.json'),
      JSON.stringify({ rules: { missingStop: 'push' } }),
    );
    writeFileSync(
      join(dir, 'config-ref.json'),
      JSON.stringify({ reference: { mue: 'cms/missing.csv' } }),
    );
    writeFileSync(
      join(dir, 'config-ok.json'),
      JSON.stringify({ setting: 'facility', reference: {} }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['not JSON', ['not-json.json'], /not-json\.json: not valid JSON/],
    ['empty file', ['empty.json'], /empty\.json: empty file/],
    ['JSON that is not a resource', ['array.json'], /array\.json: not a FHIR resource/],
    ['binary data', ['binary.json'], /binary\.json: binary data/],
    [
      'truncated NDJSON line',
      ['truncated.ndjson'],
      /truncated\.ndjson, line 3: the line is cut short/,
    ],
    [
      'broken NDJSON line in the middle',
      ['broken-middle.ndjson'],
      /broken-middle\.ndjson, line 2: /,
    ],
    ['empty folder', ['empty-folder'], /empty-folder: folder holds no \.json or \.ndjson files/],
    ['missing file', ['nope.json'], /nope\.json: no such file or folder/],
    [
      'unknown config key',
      ['--config', 'config-unknown.json', 'array.json'],
      /config-unknown\.json: unknown key "missingStop" in rules/,
    ],
    [
      'missing config file',
      ['--config', 'nope-config.json', 'array.json'],
      /nope-config\.json: config file not found/,
    ],
    ['bad option', ['--format', 'xml', 'array.json'], /--format must be json, table or html/],
    [
      'reference file missing (path relative to the config)',
      ['--config', 'config-ref.json', 'array.json'],
      /cms\/missing\.csv/,
    ],
  ])('%s', async (_n, args, message) => {
    const run = await audit(
      args.map((a) => (a.startsWith('--') || a === 'xml' ? a : join(dir, a))),
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/); // never a stack trace
  });

  it('a damaged line is also found when the input spills to disk (before any report is written)', async () => {
    const run = await audit([join(dir, 'broken-middle.ndjson')], {
      EVERYDOSE_AUDIT_MEMORY_BYTES: '0',
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd()).toMatch(/broken-middle\.ndjson, line 2: /);
  });

  it('a config that reads: exit 0', async () => {
    const r = report(await audit(['--config', join(dir, 'config-ok.json'), join(INPUTS, 'split')]));
    expect(r.encounters[0]?.setting).toBe('facility');
  });
});

describe('the app and the command give the same answer for the same data', () => {
  it('fhir-fixtures/: analyzeResources (the app path) equals the audit report', async () => {
    const dir = join(ROOT, 'fhir-fixtures');
    const resources = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
    const app = toReport(
      analyzeResources(resources, { config: defaultConfig(), reference: builtinReference() }),
    );
    const cli = report(await audit([dir]));
    const key = (e: ReportShape['encounters'][number]): string => `${e.patient}|${e.encounter}`;
    const sort = (r: ReportShape): ReportShape['encounters'] =>
      [...r.encounters].sort((a, b) => key(a).localeCompare(key(b)));
    expect(cli.encounters.length).toBeGreaterThan(0);
    expect(sort(cli)).toEqual(sort(app as ReportShape));
  });
  // A bare 10-digit NDC is read through what the reference data knows. The audit used to
  // ask the product list only; the app also asks the NDC–HCPCS crosswalk, where 00264-7389-60
  // (lactated Ringer's, J7120) is known. One pipeline: both now read it the same way.
  it('a bare 10-digit NDC known only to the crosswalk reads the same in the audit as in the app', async () => {
    const patient = { resourceType: 'Patient', id: 'p-bare-ndc' };
    const encounter = {
      resourceType: 'Encounter',
      id: 'e-bare-ndc',
      status: 'finished',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject: { reference: 'Patient/p-bare-ndc' },
      period: { start: '2026-03-02T09:00:00-05:00' },
    };
    const ml = { system: 'http://unitsofmeasure.org' };
    const administration = {
      resourceType: 'MedicationAdministration',
      id: 'a-bare-ndc',
      status: 'completed',
      medicationCodeableConcept: {
        coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '0264738960' }],
      },
      subject: { reference: 'Patient/p-bare-ndc' },
      context: { reference: 'Encounter/e-bare-ndc' },
      effectivePeriod: { start: '2026-03-02T09:00:00-05:00', end: '2026-03-02T10:10:00-05:00' },
      dosage: {
        route: { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] },
        dose: { value: 1000, unit: 'mL', code: 'mL', ...ml },
        rateQuantity: { value: 1000, unit: 'mL/h', code: 'mL/h', ...ml },
      },
    };
    const resources = [patient, encounter, administration];
    const tmp = mkdtempSync(join(tmpdir(), 'audit-bare-ndc-'));
    try {
      const file = join(tmp, 'bare-ndc.json');
      writeFileSync(
        file,
        JSON.stringify({
          resourceType: 'Bundle',
          type: 'collection',
          entry: resources.map((resource) => ({ resource })),
        }),
      );
      const app = toReport(
        analyzeResources(resources, { config: defaultConfig(), reference: builtinReference() }),
      );
      const cli = report(await audit([file]));
      expect(cli).toEqual(app);
      expect(cli.encounters[0]?.lines.map((l) => l.code)).toEqual(['96360', 'J7120']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
