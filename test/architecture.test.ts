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
  // Line comments first: a line comment may name a glob (`data/*.json`) that is no block comment.
  return text.replace(/^\s*\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
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
/** A test kit: a module in a `test-kit/` folder (docs/architecture.md, issue 18 part 3). */
const isTestKit = (p: string): boolean => /(^|\/)test-kit\//.test(p);
/** The source module an import names (`./x.ts`, `./x`, `./x/index.ts`), relative to src/. */
function moduleOf(target: string): string | undefined {
  return [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`].find((c) => {
    try {
      return statSync(resolve(src, c)).isFile();
    } catch {
      return false;
    }
  });
}

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
        !isTestKit(e.from) &&
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
    ['features/coder/test-kit/probe.ts', "import type { Patient } from 'fhir/r4';", false],
    // The old test-* file names are no longer a way out (issue 18 part 3: test kits live in test-kit/).
    ['features/coder/test-probe.ts', "import type { Patient } from 'fhir/r4';", true],
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
      const { default: tseslint } = await import('typescript-eslint');
      // The probe is not on disk, so the type-aware rules (which need it in the TypeScript
      // project) are off for it; the rule under test reads only the import.
      const eslint = new ESLint({ cwd: root, overrideConfig: tseslint.configs.disableTypeChecked });
      const [result] = await eslint.lintText(`${line}\nexport type P = Patient;\n`, {
        filePath: resolve(src, file),
      });
      expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
      const hits = (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports');
      expect(hits.length > 0).toBe(refused);
    },
    60_000,
  );
});

describe('architecture: test kits (issue 18 part 3)', () => {
  it('no production module imports a test kit (only tests and other test kits do)', () => {
    const bad = all.filter(
      (e) => !isTestKit(e.from) && e.target !== undefined && isTestKit(e.target),
    );
    expect(bad).toEqual([]);
  });

  it('every module that only tests and test kits import lives in a test-kit/ folder', () => {
    const testFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = resolve(dir, name);
        if (statSync(p).isDirectory()) return testFiles(p);
        return /\.test\.(ts|tsx)$/.test(name) ? [p] : [];
      });
    const fromTests = testFiles(src).flatMap(imports);
    const importers = new Map<string, { product: number; tests: number }>();
    const count = (e: Edge, asTest: boolean) => {
      const m =
        e.target === undefined || e.target.startsWith('..') ? undefined : moduleOf(e.target);
      if (m === undefined) return;
      const c = importers.get(m) ?? { product: 0, tests: 0 };
      if (asTest || isTestKit(e.from)) c.tests += 1;
      else c.product += 1;
      importers.set(m, c);
    };
    for (const e of all) count(e, false);
    for (const e of fromTests) count(e, true);
    // Entry points: loaded by an HTML page, vite.config.ts or an npm script, and tested.
    const entries = [
      'main.tsx',
      'launch.ts',
      'app/csp-plugin.ts',
      'reference/build/build-reference.ts',
      'cli/audit.ts',
      'cds/main.ts',
      'sandbox/start.ts',
    ];
    const testOnly = [...importers]
      .filter(([m, c]) => c.product === 0 && c.tests > 0 && !isTestKit(m) && !entries.includes(m))
      .map(([m]) => m)
      .sort();
    expect(testOnly).toEqual([]);
  });

  // The lint rule behind the guard: `npm run check` (eslint) fails on such an import.
  it.each([
    ['engine/analyze.ts', "import { IV_ROUTE } from './test-kit/inputs.ts';", true],
    ['main.tsx', "import { MemoryGateway } from './fhir/test-kit/memory-gateway.ts';", true],
    [
      'features/nurse/nurse-view.tsx',
      "import { MemoryGateway } from '../../fhir/test-kit/memory-gateway.ts';",
      true,
    ],
    ['engine/test-kit/drug.ts', "import { IV_ROUTE } from './inputs.ts';", false],
    ['engine/drug/vials.test.ts', "import { IV_ROUTE } from '../test-kit/inputs.ts';", false],
    ['engine/analyze.ts', "import { IV_ROUTE } from './types.ts';", false],
  ])(
    'test-kit lint: %s with %s is refused: %s',
    async (file, line, refused) => {
      const { ESLint } = await import('eslint');
      const eslint = new ESLint({ cwd: root });
      const [result] = await eslint.lintText(
        `${line}\nexport const x = IV_ROUTE;\n`.replace(
          'IV_ROUTE;',
          line.includes('MemoryGateway') ? 'MemoryGateway;' : 'IV_ROUTE;',
        ),
        { filePath: resolve(src, file) },
      );
      const hits = (result?.messages ?? []).filter(
        (m) => m.ruleId === 'import-x/no-restricted-paths' && /test kit/.test(m.message),
      );
      expect(hits.length > 0).toBe(refused);
    },
    60_000,
  );
});

/**
 * Module-level state in a source text (issue 18: the engine is fast by design, not by cache):
 * a top-level `let`/`var`; a top-level Map, Set or WeakMap created empty (it can only be filled
 * while running); a top-level empty array or object not typed read-only; a class's static
 * Map/Set/WeakMap; and any top-level binding the file changes (`NAME.set(`, `.add(`, `.delete(`,
 * `.clear(`, `.push(`, `NAME[…] =`, `NAME.field =`). Constant tables built once (a Set of
 * statuses, a frozen table) are allowed: nothing writes them after the module loads.
 */
function moduleState(text: string): string[] {
  const code = stripComments(text);
  const out: string[] = [];
  const top = [
    ...code.matchAll(/^(?:export\s+)?(let|var|const)\s+([A-Za-z_$][\w$]*)([^=\n]*)=\s*([^\n;]*)/gm),
  ];
  for (const m of top) {
    const [, kind, name = '', type = '', init = ''] = m;
    if (kind !== 'const') out.push(`${name}: module-level ${kind ?? ''}`);
    else if (/^new\s+Weak(Map|Set|Ref)\b/.test(init)) out.push(`${name}: module-level weak table`);
    else if (/^new\s+(Map|Set)\s*(<[^(]*>)?\(\s*\)/.test(init))
      out.push(`${name}: module-level ${init.startsWith('new Map') ? 'Map' : 'Set'} created empty`);
    else if (
      /^(\[\s*\]|\{\s*\}|Object\.create\(\s*null\s*\))/.test(init) &&
      !/readonly|Readonly</.test(type)
    )
      out.push(`${name}: module-level empty container`);
    const escaped = name.replace(/\$/g, '\\$');
    const writes = new RegExp(
      `(?<![\\w$.])${escaped}\\s*(\\.\\s*(set|add|delete|clear|push|pop|shift|unshift|splice|sort)\\s*\\(|\\[[^\\]\\n]*\\]\\s*=[^=]|\\.\\s*[A-Za-z_$][\\w$]*\\s*=[^=])`,
    );
    if (kind === 'const' && writes.test(code)) out.push(`${name}: module-level binding written`);
  }
  for (const m of code.matchAll(
    /^\s+(?:private\s+|public\s+)?static\s+(?:readonly\s+)?([\w$]+)\s*(?::[^=\n]*)?=\s*new\s+(Weak)?(Map|Set)\b/gm,
  ))
    out.push(`${m[1] ?? ''}: static table`);
  return out;
}

describe('architecture: no module-level caches in the engine and the FHIR mapping (issue 18)', () => {
  it.each([
    ['a bounded memo Map', 'const memo = new Map<string, number>();\nexport function f() {}'],
    ['a WeakMap by reference data', 'const byRef = new WeakMap<object, number>();'],
    ['a let counter', 'let entries = 0;'],
    ['a let array cache', 'let cache: number[] = [];'],
    ['an exported let', 'export let current = undefined;'],
    ['an empty Set filled later', 'const seen = new Set();'],
    ['a plain object used as a table of answers', 'const dayText: Record<number, string> = {};'],
    [
      'a literal table written later',
      "const TABLE = new Map([['a', 1]]);\nexport function f(k: string) { TABLE.set(k, 2); }",
    ],
    [
      'a field of a constant object written',
      'const state = { n: 0 };\nfunction f() { state.n = 1; }',
    ],
    ['an index write', "const known = Object.freeze({});\nfunction f() { known['x'] = 1; }"],
    ['a static cache in a class', 'class A {\n  static cache = new Map<string, string>();\n}'],
  ])('flags %s', (_name, text) => {
    expect(moduleState(text)).not.toEqual([]);
  });

  it.each([
    ['a constant set of statuses', "const BILLABLE = new Set(['completed', 'stopped']);"],
    ['a read-only empty list', 'const NONE: readonly string[] = [];'],
    ['a frozen table', 'const T: Readonly<Record<string, number>> = Object.freeze({ a: 1 });'],
    ['a decimal constant', 'export const ZERO = new Decimal(0);'],
    [
      'a Map local to a function',
      'export function f() {\n  const m = new Map();\n  m.set(1, 2);\n}',
    ],
    [
      'a class whose instances hold tables',
      'export class Memo {\n  private readonly m = new Map();\n}',
    ],
    ['a comparison is not a write', 'const LIMIT = 5;\nconst ok = (n: number) => LIMIT == n;'],
  ])('allows %s', (_name, text) => {
    expect(moduleState(text)).toEqual([]);
  });

  it('src/engine keeps no state between calls: the caller owns the run memo (run-memo.ts)', () => {
    const offenders = files(resolve(src, 'engine')).flatMap((f) =>
      moduleState(readFileSync(f, 'utf8')).map((s) => `${relative(src, f)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it.each([
    ['src/fhir/map', files(resolve(src, 'fhir', 'map'))],
    ['src/fhir/references.ts', [resolve(src, 'fhir', 'references.ts')]],
    ['src/reference', files(resolve(src, 'reference'))],
  ])(
    '%s keeps no state between calls either (the mapping and the reference data)',
    (_dir, list) => {
      const offenders = list.flatMap((f) =>
        moduleState(readFileSync(f, 'utf8')).map((s) => `${relative(src, f)}: ${s}`),
      );
      expect(offenders).toEqual([]);
    },
  );
});

/**
 * A second in-memory FHIR store in a source text (issue 18 part 3: one fake): a class that
 * implements FhirGateway or extends MemoryGateway, or an msw handler that takes writes (PUT,
 * POST, PATCH, DELETE) at a FHIR base.
 */
function fhirStores(text: string): string[] {
  const code = stripComments(text);
  return [
    ...code.matchAll(
      /\bclass\s+(\w+)[^{]*?\b(?:implements\b[^{]*\bFhirGateway\b|extends\s+MemoryGateway\b)/g,
    ),
    ...code.matchAll(
      /\bhttp\.(put|post|patch|delete)\(\s*[`'"](?:\$\{FHIR_BASE\}|[^`'"]*\/fhir\b)/g,
    ),
  ].map((m) => m[0].replace(/\s+/g, ' '));
}

describe('architecture: one in-memory FHIR fake (issue 18 part 3)', () => {
  it.each([
    ['a gateway class', 'class Fake implements FhirGateway {'],
    ['a gateway class with two interfaces', 'export class F implements Other, FhirGateway {'],
    ['a subclass of the fake', 'class ProvenanceFaults extends MemoryGateway {'],
    ['a PUT store at FHIR_BASE', 'http.put(`${FHIR_BASE}/Claim/c1`, () => x)'],
    ['a POST store at a /fhir base', "http.post('https://ehr.test/fhir/Provenance', () => x)"],
  ])('flags %s', (_name, text) => {
    expect(fhirStores(text)).not.toEqual([]);
  });

  it.each([
    ['a read-only msw answer', 'http.get(`${FHIR_BASE}/Claim/c1`, () => x)'],
    ['a token endpoint', "http.post('https://ehr.test/auth/token', () => x)"],
    ['a stub object', 'const gw: FhirGateway = { launch, read };'],
    ['a comment', '// class Fake implements FhirGateway {'],
  ])('allows %s', (_name, text) => {
    expect(fhirStores(text)).toEqual([]);
  });

  it('only the memory gateway (and its HTTP face) keep FHIR resources in memory', () => {
    const allFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = resolve(dir, name);
        if (statSync(p).isDirectory()) return allFiles(p);
        return /\.(ts|tsx)$/.test(name) ? [p] : [];
      });
    const allowed = [
      'src/fhir/fhirclient-gateway.ts', // the production adapter, not a store
      'src/fhir/test-kit/memory-gateway.ts', // the one fake
      'test/msw/memory-server.ts', // the same fake over HTTP
      // Scripts one HTTP answer per case to test the adapter's own wire handling (ETag, 412,
      // no retry of a POST); it keeps no resources.
      'src/fhir/fhirclient-gateway.test.ts',
      'test/architecture.test.ts', // the examples above
    ];
    const offenders = [...allFiles(src), ...allFiles(resolve(root, 'test'))]
      .map((f) => relative(root, f))
      .filter((f) => !allowed.includes(f))
      .flatMap((f) => fhirStores(readFileSync(resolve(root, f), 'utf8')).map((s) => `${f}: ${s}`));
    expect(offenders).toEqual([]);
  });
});
