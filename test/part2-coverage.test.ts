// Coverage guard for injection-pump-rules (Part 2): every rule id R20.1–R27.12, every §10 setting
// and every §11 warning code of the shared spec is named by at least one test (a test name, a
// table row or a worked case's `rule`), and listed in docs/part2-coverage.md. A rule with no
// test is a gap.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const shared = resolve(process.env.EVERYDOSE_SHARED ?? join(root, '../shared'));
const spec = readFileSync(join(shared, 'domain/injection-pump-rules.md'), 'utf8');

function section(n: number): string {
  const start = spec.indexOf(`\n## ${n}. `);
  const end = spec.indexOf('\n## ', start + 1);
  return spec.slice(start, end < 0 ? undefined : end);
}

/** Rule ids as the spec defines them: "- **R21.3 …" (bold at the start of a list item). */
const RULE_IDS = [...spec.matchAll(/^\s*- \*\*(R2\d\.\d+)\b/gm)].map((m) => m[1] as string);
/** §10 settings: the first cell of each table row. */
const SETTINGS = [...section(10).matchAll(/^\| `([A-Za-z0-9]+)` \|/gm)].map((m) => m[1] as string);
/** §11 warning codes: the first cell of each table row. */
const CODES = [...section(11).matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1] as string);

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testFiles(p));
    else if (/\.test\.tsx?$/.test(name) && !p.endsWith('part2-coverage.test.ts')) out.push(p);
    else if (name.endsWith('.expected.json')) out.push(p);
  }
  return out;
}

/** Test text without comment lines: what the tests name (titles, table rows, expected cases). */
const corpus = [...testFiles(join(root, 'src')), ...testFiles(join(root, 'test'))]
  .map((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
      .join('\n'),
  )
  .join('\n');
const doc = readFileSync(join(root, 'docs/part2-coverage.md'), 'utf8');

const named = (id: string, text: string) =>
  new RegExp(`(^|[^A-Za-z0-9.])${id.replace('.', '\\.')}(?![0-9])`).test(text);

describe('injection-pump-rules coverage: every rule, setting and warning code has a test', () => {
  it('the spec lists R20.1–R27.12, 13 settings and 13 warning codes', () => {
    expect(RULE_IDS[0]).toBe('R20.1');
    expect(RULE_IDS.at(-1)).toBe('R27.12');
    expect(RULE_IDS.length).toBeGreaterThanOrEqual(57);
    expect(SETTINGS).toContain('ptpTable');
    expect(CODES).toContain('INJECTION_SUPERVISION_NOT_MET');
  });

  it.each(RULE_IDS)('%s is named by a test', (id) => {
    expect(named(id, corpus)).toBe(true);
  });

  it.each(SETTINGS.filter((s) => s !== 'ptpTable'))('§10 setting %s is named by a test', (s) => {
    expect(corpus.includes(s)).toBe(true);
  });

  it('§10 ptpTable: the practitioner and hospital tables are both named by a test', () => {
    expect(corpus.includes('ptpPractitioner') && corpus.includes('ptpHospital')).toBe(true);
  });

  it.each(CODES)('§11 %s is named by a test', (code) => {
    expect(corpus.includes(code)).toBe(true);
  });

  it.each([...RULE_IDS, ...SETTINGS, ...CODES])('docs/part2-coverage.md lists %s', (id) => {
    expect(named(id, doc) || doc.includes(`\`${id}\``)).toBe(true);
  });
});
