// Docs tell the truth (issue 18 part 5): every repository path README.md and docs/*.md name
// (in backticks or as a relative link) exists, the worked-case counts the README states
// match the cases on disk, and every scoped package a doc names is in package.json (one the doc
// calls test-only is not a runtime dependency). Cheap: reads the markdown and lists directories, nothing else.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** A backticked repository path, or the target of a relative markdown link. */
const PATH =
  /`((?:src|test|docs|bench|fhir-fixtures|public|\.ci)\/[A-Za-z0-9_./-]+)`|\]\((?!https?:|#|mailto:)([^)#\s]+)/g;

function namedPaths(doc: string): { doc: string; path: string }[] {
  const text = readFileSync(join(ROOT, doc), 'utf8');
  return [...text.matchAll(PATH)].map((m) => ({
    doc,
    path: m[1] ?? join(dirname(doc), m[2] ?? ''),
  }));
}

function countCases(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countCases(join(dir, e.name));
    else if (e.name.endsWith('.expected.json')) n += 1;
  }
  return n;
}

describe('docs name only files that exist', () => {
  const named = DOCS.flatMap(namedPaths);

  it('finds the paths the docs name', () => {
    expect(named.length).toBeGreaterThan(100);
  });

  it('every named path exists (fails listing the doc and the path)', () => {
    const missing = named
      .filter((n) => !existsSync(join(ROOT, n.path)))
      .map((n) => `${n.doc}: ${n.path}`);
    expect(missing).toEqual([]);
  });
});

describe('the README counts match the disk', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const stated = /\((\d+) cases written from the billing specs, (\d+) of them for injections/.exec(
    readme,
  );
  const cases = join(ROOT, 'test/worked-cases');

  it('states the worked-case counts', () => {
    expect(stated).not.toBeNull();
  });

  it.each([
    ['all worked cases', 1, () => countCases(cases)],
    [
      'injections, pumps, port flushes and NCCI PTP',
      2,
      () => countCases(join(cases, 'injections')) + countCases(join(cases, 'pumps')),
    ],
  ] as const)('%s', (_what, group, onDisk) => {
    expect(Number(stated?.[group])).toBe(onDisk());
  });
});

describe('docs name only packages the project has', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const runtime = new Set(Object.keys(pkg.dependencies ?? {}));
  const all = new Set([...runtime, ...Object.keys(pkg.devDependencies ?? {})]);
  /** A backticked scoped package name, e.g. `@medplum/fhir-router`. */
  const SCOPED = /`(@[a-z0-9-]+\/[a-z0-9.-]+)`/g;
  const named = DOCS.flatMap((doc) =>
    [...readFileSync(join(ROOT, doc), 'utf8').matchAll(SCOPED)].map((m) => ({
      doc,
      name: m[1] ?? '',
    })),
  );

  it('finds the packages the docs name', () => {
    expect(named.length).toBeGreaterThan(0);
  });

  it('every scoped package a doc names is in package.json', () => {
    expect(named.filter((n) => !all.has(n.name)).map((n) => `${n.doc}: ${n.name}`)).toEqual([]);
  });

  it('a package a doc calls test-only is not a runtime dependency', () => {
    const wrong = DOCS.flatMap((doc) =>
      [
        ...readFileSync(join(ROOT, doc), 'utf8').matchAll(
          /`(@?[a-z0-9-]+(?:\/[a-z0-9.-]+)?)`,? (?:a|is a) test-only/g,
        ),
      ]
        .map((m) => m[1] ?? '')
        .filter((name) => runtime.has(name))
        .map((name) => `${doc}: ${name}`),
    );
    expect(wrong).toEqual([]);
  });
});
