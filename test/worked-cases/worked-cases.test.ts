// Independent worked cases (written from the spec, see build-cases.mjs) run through the audit
// command, one child process per config. Undisputed cases must match line for line (code,
// units, modifier set) with exactly the expected warning codes; the pass rate must be ≥ 95%.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, toReport } from '../../src/engine/index.ts';
import { analyzeResources } from '../../src/fhir/map/analyze-resources.ts';
import { builtinReference } from '../../src/reference/builtin.ts';
import { compareEncounter, type ExpectedFragment, type ReportEncounter } from './compare.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

interface CaseFile extends Partial<ExpectedFragment> {
  rule: string;
  disputed?: boolean;
  knownGap?: string;
  config?: Record<string, unknown>;
  /** null: the administrations had no encounter; the report row is found by patient. */
  encounter?: null;
  encounters?: Record<string, ExpectedFragment>;
}

interface WorkedCase {
  name: string;
  input: string;
  expected: CaseFile;
}

function listCases(): WorkedCase[] {
  const out: WorkedCase[] = [];
  for (const area of readdirSync(here, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of readdirSync(join(here, area.name))) {
      if (!f.endsWith('.expected.json')) continue;
      const base = f.slice(0, -'.expected.json'.length);
      const expected = JSON.parse(readFileSync(join(here, area.name, f), 'utf8')) as CaseFile;
      out.push({
        name: `${area.name}/${base}`,
        input: join(here, area.name, `${base}.json`),
        expected,
      });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

const cases = listCases();
const reports = new Map<string, ReportEncounter[]>();
let tmp = '';

function runAudit(files: string[], config: Record<string, unknown> | undefined): ReportEncounter[] {
  const args = ['--import', 'tsx', 'src/cli/audit.ts'];
  if (config) {
    const path = join(tmp, `config-${reports.size}.json`);
    writeFileSync(path, JSON.stringify(config));
    args.push('--config', path);
  }
  const stdout = execFileSync(process.execPath, [...args, ...files.map((f) => relative(root, f))], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(stdout) as { encounters: ReportEncounter[] }).encounters;
}

const configKey = (c: WorkedCase): string => JSON.stringify(c.expected.config ?? null);

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'worked-cases-'));
  const groups = new Map<string, WorkedCase[]>();
  for (const c of cases) groups.set(configKey(c), [...(groups.get(configKey(c)) ?? []), c]);
  for (const [key, group] of groups) {
    const config = JSON.parse(key) as Record<string, unknown> | null;
    reports.set(
      key,
      runAudit(
        group.map((c) => c.input),
        config ?? undefined,
      ),
    );
  }
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

function expectedByEncounter(c: WorkedCase): Record<string, ExpectedFragment> {
  if (c.expected.encounters) return c.expected.encounters;
  const base = c.name.split('/')[1] ?? '';
  return {
    [`Encounter/${base}-enc`]: {
      lines: c.expected.lines ?? [],
      warnings: c.expected.warnings ?? [],
    },
  };
}

function diffsFor(c: WorkedCase, report = reports.get(configKey(c)) ?? []): string[] {
  if (c.expected.encounter === null) {
    const patient = `Patient/${c.name.split('/')[1] ?? ''}`;
    const row = report.find((e) => e.encounter === null && e.patient === patient);
    return compareEncounter(
      { lines: c.expected.lines ?? [], warnings: c.expected.warnings ?? [] },
      row,
    ).map((d) => `${patient} (no encounter): ${d}`);
  }
  return Object.entries(expectedByEncounter(c)).flatMap(([enc, fragment]) =>
    compareEncounter(
      fragment,
      report.find((e) => e.encounter === enc),
    ).map((d) => `${enc}: ${d}`),
  );
}

const undisputed = cases.filter((c) => !c.expected.disputed);

describe('worked cases through the audit command', () => {
  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(undisputed.filter((c) => !c.expected.knownGap).map((c) => [c.name, c] as const))(
    '%s matches the spec',
    (_name, c) => {
      expect(diffsFor(c)).toEqual([]);
    },
  );

  it('at least 95% of the undisputed cases match line for line', () => {
    const failing = undisputed.filter((c) => diffsFor(c).length > 0).map((c) => c.name);
    const rate = (undisputed.length - failing.length) / undisputed.length;
    expect({ rate: rate >= 0.95, failing }).toEqual({ rate: true, failing: expect.any(Array) });
  });
});

describe('the app reading path gives the same answers', () => {
  it('analyzeResources over the default-config cases matches them as the command does', () => {
    const plain = undisputed.filter((c) => !c.expected.config && !c.expected.knownGap);
    const resources = plain.map((c) => JSON.parse(readFileSync(c.input, 'utf8')) as unknown);
    const app = toReport(
      analyzeResources(resources, { config: defaultConfig(), reference: builtinReference() }),
    ) as { encounters: ReportEncounter[] };
    const failing = plain
      .map((c) => [c.name, diffsFor(c, app.encounters)] as const)
      .filter(([, d]) => d.length > 0);
    expect(failing).toEqual([]);
  }, 60_000);
});
