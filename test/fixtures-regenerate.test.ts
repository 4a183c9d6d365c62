// Drift check (issue 18 part 3): the committed fhir-fixtures/*.json are exactly what the story
// builders make today, byte for byte, and no committed fixture is left over from an older
// builder. The worked cases have the same check in test/worked-cases/generated.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module without types
import { fixtureFiles } from '../fhir-fixtures/build/build-fixtures.mjs';

const DIR = resolve(import.meta.dirname, '..', 'fhir-fixtures');

interface FixtureFile {
  name: string;
  text: string;
}

/** The first line where two texts differ, for a message that names the place. */
function firstDifference(a: string, b: string): string | undefined {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i])
      return `line ${i + 1}: committed ${JSON.stringify(la[i])}, generated ${JSON.stringify(lb[i])}`;
  }
  return undefined;
}

describe('fhir-fixtures on disk equal the builders output', () => {
  const generated = (fixtureFiles as () => FixtureFile[])();

  it('the same set of files', () => {
    const committed = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(committed).toEqual(generated.map((f) => f.name).sort());
  });

  it('every file byte for byte (fails naming the first differing file)', () => {
    const differing = generated
      .map((f) => ({ f, diff: firstDifference(readFileSync(join(DIR, f.name), 'utf8'), f.text) }))
      .find((d) => d.diff !== undefined);
    expect(
      differing && `fhir-fixtures/${differing.f.name} differs from the builders, ${differing.diff}`,
    ).toBeUndefined();
  });
});
