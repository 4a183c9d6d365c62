// The worked cases are generated (build-cases.mjs): the committed files must be exactly what the
// generator makes today, and no committed case may be left over from an older generator.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module without types
import { generateCases } from './build-cases.mjs';

const here = import.meta.dirname;

interface GeneratedFile {
  path: string;
  json: unknown;
}

function committedCaseFiles(): string[] {
  const out: string[] = [];
  for (const area of readdirSync(here, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of readdirSync(join(here, area.name))) {
      if (f.endsWith('.json')) out.push(join(area.name, f));
    }
  }
  return out.sort();
}

describe('worked cases on disk equal the generator output', () => {
  const generated = (generateCases as () => GeneratedFile[])();

  it('the same set of files', () => {
    expect(committedCaseFiles()).toEqual(generated.map((f) => f.path).sort());
  });

  it.each(generated.map((f) => [f.path, f] as const))('%s', (_path, f) => {
    const onDisk: unknown = JSON.parse(readFileSync(join(here, f.path), 'utf8'));
    expect(onDisk).toEqual(f.json);
  });
});
