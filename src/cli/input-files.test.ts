import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { forEachNdjsonLine, lineText } from './input-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'ndjson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function lines(name: string, content: string | Buffer): [number, string, boolean][] {
  const path = join(dir, name);
  writeFileSync(path, content);
  const out: [number, string, boolean][] = [];
  forEachNdjsonLine(path, (l) => out.push([l.line, lineText(l), l.last]));
  return out;
}

describe('forEachNdjsonLine', () => {
  it('numbers lines from 1, skips blank ones, strips CR and a BOM', () => {
    expect(lines('a.ndjson', '\ufeff{"a":1}\r\n\n  \n{"b":2}\n{"c":3}')).toEqual([
      [1, '{"a":1}', false],
      [4, '{"b":2}', false],
      [5, '{"c":3}', true],
    ]);
  });

  it('an empty file has no lines', () => {
    expect(lines('empty.ndjson', '')).toEqual([]);
  });

  it('lines longer than the 1 MB chunk and multi-byte characters across chunk edges', () => {
    const long = `{"text":"${'é'.repeat(700_000)}"}`; // 1.4 MB in UTF-8
    const got = lines('long.ndjson', `${long}\n{"x":"ü"}\n`);
    expect(got.map(([n, t]) => [n, t.length])).toEqual([
      [1, long.length],
      [2, 9],
    ]);
    expect(got[0]?.[1]).toBe(long);
  });

  it.each([
    ['NUL byte', Buffer.from('{"a":1}\n{"b":\u0000}\n'), /binary data/],
    [
      'invalid UTF-8',
      Buffer.concat([
        Buffer.from('{"a":1}\n{"b":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}\n'),
      ]),
      /not UTF-8/,
    ],
  ])('%s is an InputError naming the line', (_n, content, message) => {
    const path = join(dir, 'bad.ndjson');
    writeFileSync(path, content);
    let err: unknown;
    try {
      forEachNdjsonLine(path, () => undefined);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(message);
    if (_n === 'invalid UTF-8') expect((err as InputError).line).toBe(2);
  });
});
