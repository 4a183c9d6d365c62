// `npm run audit -- --format html`: a self-contained practice dashboard whose numbers are the
// practice figures of the same report the JSON format prints.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PracticeFiguresBuilder } from '../../src/engine/practice/figures.ts';
import type { EncounterReport } from '../../src/engine/index.ts';
import { esc } from '../../src/cli/html-report.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function audit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/audit.ts', ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
        }),
    );
  });
}

describe('audit --format html', () => {
  it('writes one self-contained page with the figures of the JSON report', async () => {
    const [html, json] = await Promise.all([
      audit(['--format', 'html', 'fhir-fixtures']),
      audit(['fhir-fixtures']),
    ]);
    expect(html.code).toBe(0);
    expect(html.stderr).toBe('');
    const page = html.stdout;
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script|<link|src=|href=/i);
    const report = JSON.parse(json.stdout) as { encounters: EncounterReport[] };
    const b = new PracticeFiguresBuilder('week');
    for (const e of report.encounters) b.add(e);
    const t = b.result().totals;
    expect(page).toContain(`${t.encounters} visits`);
    expect(page).toContain(
      `Clean-claim rate</h2><p class="big">${(100 * (t.cleanEncounters / t.encounters)).toFixed(1)}%`,
    );
    for (const title of [
      'Stop times documented',
      'JW/JZ compliance',
      'Revenue at risk',
      'Top warning codes',
    ])
      expect(page).toContain(title);
  });

  it('says --format takes json, table or html', async () => {
    const r = await audit(['--format', 'pdf', 'fhir-fixtures']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be json, table or html/);
  });
});

describe('esc', () => {
  it.each([
    ['<b>', '&lt;b&gt;'],
    ['a & b', 'a &amp; b'],
    [`"x" 'y'`, '&quot;x&quot; &#39;y&#39;'],
  ])('%s → %s', (text, want) => expect(esc(text)).toBe(want));
});
