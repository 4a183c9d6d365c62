// Purity and layering guard (../shared/design/architecture.md): checks the import graph of
// src/ from the source text, so a forbidden import fails a test even if lint is skipped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const src = resolve(root, 'src');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = resolve(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

interface Edge {
  from: string;
  spec: string;
  target: string | undefined;
}

function imports(file: string): Edge[] {
  const text = stripComments(readFileSync(file, 'utf8'));
  const edges: Edge[] = [];
  const re =
    /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? '';
    const target = spec.startsWith('.') ? relative(src, resolve(dirname(file), spec)) : undefined;
    edges.push({ from: relative(src, file), spec, target });
  }
  return edges;
}

const all = files(src).flatMap(imports);
const layer = (p: string): string => p.split('/')[0] ?? '';

describe('architecture: dependency rules', () => {
  it('engine imports only itself and reference types, and no runtime libraries', () => {
    const bad = all.filter(
      (e) =>
        layer(e.from) === 'engine' &&
        (e.target === undefined
          ? !['decimal.js'].includes(e.spec)
          : !['engine', 'reference'].includes(layer(e.target))),
    );
    expect(bad).toEqual([]);
  });

  it('engine uses no clock, randomness, console, fetch or window', () => {
    const offenders = files(resolve(src, 'engine')).filter((f) =>
      /\bDate\.now\(|Math\.random\(|\bconsole\.|\bfetch\(|\bwindow\.|\blocalStorage\b|\bnew Date\(\)/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });

  it('reference imports nothing from app layers', () => {
    const bad = all.filter(
      (e) => layer(e.from) === 'reference' && e.target && layer(e.target) !== 'reference',
    );
    expect(bad).toEqual([]);
  });

  it('features never import each other', () => {
    const bad = all.filter((e) => {
      if (!e.from.startsWith('features/') || !e.target?.startsWith('features/')) return false;
      return e.from.split('/')[1] !== e.target.split('/')[1];
    });
    expect(bad).toEqual([]);
  });

  it('components never fetch (no fhir/ or hooks/ imports)', () => {
    const bad = all.filter(
      (e) => layer(e.from) === 'components' && e.target && ['hooks'].includes(layer(e.target)),
    );
    const fetching = all.filter(
      (e) =>
        layer(e.from) === 'components' &&
        e.target &&
        layer(e.target) === 'fhir' &&
        !/^fhir\/(extensions|gateway)(\.ts)?$/.test(e.target),
    );
    expect([...bad, ...fetching]).toEqual([]);
  });

  it('the browser code never imports cli/, sandbox/ or cds/, and nothing in src imports test/ or fixtures', () => {
    const bad = all.filter((e) => {
      const from = layer(e.from);
      if (e.target === undefined) return false;
      if (e.target.startsWith('..')) return true;
      const nodeOnly = ['cli', 'sandbox', 'cds'];
      if (layer(e.target) === 'cds') return !['cds', 'sandbox'].includes(from);
      return !nodeOnly.includes(from) && ['cli', 'sandbox'].includes(layer(e.target));
    });
    expect(bad).toEqual([]);
  });

  it('only main.tsx and launch.ts call FHIR.oauth2', () => {
    const callers = files(src)
      .filter((f) =>
        /\boauth2\.(authorize|ready|init)\(/.test(stripComments(readFileSync(f, 'utf8'))),
      )
      .map((f) => relative(src, f))
      .sort();
    expect(callers.every((f) => ['main.tsx', 'launch.ts'].includes(f))).toBe(true);
  });

  it('features never see raw FHIR: no fhir/r4 or @types/fhir import outside tests and test kits (issue 18 part 1)', () => {
    const bad = all.filter(
      (e) =>
        e.from.startsWith('features/') &&
        !/(^|\/)test-[^/]*\.ts$/.test(e.from) &&
        /^(fhir|@types\/fhir)(\/|$)/.test(e.spec),
    );
    expect(bad).toEqual([]);
  });

  // The lint rule behind the guard above: `npm run check` (eslint) fails on such an import.
  it.each([
    ['features/board/probe.ts', "import type { Patient } from 'fhir/r4';", true],
    ['features/nurse/probe.tsx', "import type { Patient } from 'fhir/r4';", true],
    ['features/coder/probe.ts', "import type { Patient } from '@types/fhir/r4';", true],
    ['features/worklist/probe.ts', "import type { Patient } from 'fhir';", true],
    ['features/board/probe.test.ts', "import type { Patient } from 'fhir/r4';", false],
    ['features/coder/test-probe.ts', "import type { Patient } from 'fhir/r4';", false],
    ['fhir/map/probe.ts', "import type { Patient } from 'fhir/r4';", false],
    [
      'features/board/probe.ts',
      "import type { LoadedResources as Patient } from '../../fhir/load/billing-picture.ts';",
      false,
    ],
  ])(
    'issue 18 part 1 lint: %s with %s is refused: %s',
    async (file, line, refused) => {
      const { ESLint } = await import('eslint');
      const eslint = new ESLint({ cwd: root });
      const [result] = await eslint.lintText(`${line}\nexport type P = Patient;\n`, {
        filePath: resolve(src, file),
      });
      const hits = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
      expect(hits.length > 0).toBe(refused);
    },
    60_000,
  );
});
