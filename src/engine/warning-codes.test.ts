// The one catalog of warning codes (contract §3: "code values are stable identifiers"): the
// docs, the contract and the rule files name no code the catalog lacks, and every code of the
// catalog is documented. The type check does the rest: `Warning.code` is a `WarningCode`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWarningCode, WARNING_CODES } from './warning-codes.ts';

const root = resolve(import.meta.dirname, '../..');
const docs = join(root, 'docs');
const shared = resolve(process.env.EVERYDOSE_SHARED ?? join(root, '../shared'));

/** `UPPER_SNAKE` names in backticks; environment variables (EVERYDOSE_…) are not codes. */
function codesNamedIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g))
    if (m[1] && !m[1].startsWith('EVERYDOSE_')) out.add(m[1]);
  return out;
}

const read = (path: string): string => readFileSync(path, 'utf8');
const catalog: ReadonlySet<string> = new Set(WARNING_CODES);

describe('the warning-code catalog', () => {
  it('names each code once, in UPPER_SNAKE', () => {
    expect(new Set(WARNING_CODES).size).toBe(WARNING_CODES.length);
    for (const c of WARNING_CODES) expect(c).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/);
  });

  it.each<[string, boolean]>([
    ['MISSING_STOP_TIME', true],
    ['INVALID_RESOURCE', true],
    ['CDS_DATA_UNREADABLE', true],
    ['missing_stop_time', false],
    ['MISSING_STOP_TIMES', false],
    ['MISSING_STOP_TIM', false],
    [' MISSING_STOP_TIME', false],
    ['', false],
  ])('contract §3: isWarningCode(%j) is %s', (code, known) => {
    expect(isWarningCode(code)).toBe(known);
  });

  it.each(['audit.md', 'billing-rules.md'])(
    'every code docs/%s names is in the catalog',
    (page) => {
      const unknown = [...codesNamedIn(read(join(docs, page)))].filter((c) => !catalog.has(c));
      expect(unknown).toEqual([]);
    },
  );

  it('every code of the catalog is documented in docs/', () => {
    const named = new Set<string>();
    for (const f of readdirSync(docs).filter((n) => n.endsWith('.md')))
      for (const c of codesNamedIn(read(join(docs, f)))) named.add(c);
    expect(WARNING_CODES.filter((c) => !named.has(c))).toEqual([]);
  });
});

describe.skipIf(!existsSync(join(shared, 'contract.md')))(
  'the contract’s codes (contract §3)',
  () => {
    it.each([
      'contract.md',
      'domain/infusion-rules.md',
      'domain/drug-wastage.md',
      'domain/research-billing.md',
      'domain/injection-pump-rules.md',
    ])('every code %s names is in the catalog', (file) => {
      const unknown = [...codesNamedIn(read(join(shared, file)))].filter((c) => !catalog.has(c));
      expect(unknown).toEqual([]);
    });
  },
);
