// `npm run audit -- --format html`: a self-contained practice dashboard whose numbers are the
// practice figures of the same report the JSON format prints.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    // Every warning code on the page has the team's words before it (issue 17 part 5).
    const cells = [...page.matchAll(/<td>([^<]*\(([A-Z0-9_]+)\))<\/td>/g)];
    expect(cells.length).toBeGreaterThan(0);
    for (const [, cell, code] of cells) expect(cell).not.toBe(`(${code ?? ''})`);
    expect(page).not.toMatch(/<td>[A-Z][A-Z0-9]*(_[A-Z0-9]+)+<\/td>/);
  });

  it('shows the denials of past adjudications by root cause', async () => {
    const CARC = 'https://x12.org/codes/claim-adjustment-reason-codes';
    const eob = (id: string, code: string, carc: string, paid: number) => ({
      resourceType: 'ExplanationOfBenefit',
      id,
      status: 'active',
      use: 'claim',
      patient: { reference: 'Patient/p1' },
      outcome: 'complete',
      item: [
        {
          sequence: 1,
          productOrService: {
            coding: [{ system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code }],
          },
          servicedDate: '2026-05-04',
          adjudication: [
            { category: { coding: [{ code: 'paidtoprovider' }] }, amount: { value: paid } },
            ...(carc
              ? [
                  {
                    category: { coding: [{ code: 'denialreason' }] },
                    reason: { coding: [{ system: CARC, code: carc }] },
                  },
                ]
              : []),
          ],
        },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), 'audit-html-'));
    const file = join(dir, 'eobs.ndjson');
    writeFileSync(
      file,
      [eob('a', 'J9271', '197', 0), eob('b', 'J9035', '197', 0), eob('c', '96413', '', 120)]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const r = await audit(['--format', 'html', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 of 3 adjudicated claim lines denied (66.7%)');
    expect(r.stdout).toContain(
      '<td>Prior authorization missing, expired or exceeded</td><td>2</td><td>66.7%</td>',
    );
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
