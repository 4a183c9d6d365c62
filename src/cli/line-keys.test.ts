// The top-level key scanner that routes an NDJSON line without parsing it (issue 18 part 2: each
// line parsed once). Every row that it reads must agree with JSON.parse; every row it cannot
// read safely must give undefined (the caller then parses the line).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanLineKeys, type LineKeys } from './line-keys.ts';

const SUBJECT = Buffer.from('subject');

const scan = (text: string): LineKeys | undefined => {
  const buf = Buffer.from(text);
  return scanLineKeys(buf, 0, buf.length, SUBJECT);
};

/** What routing by JSON.parse reads from the same line. */
const parsed = (text: string): LineKeys => {
  const r = JSON.parse(text) as Record<string, unknown>;
  const subject = r['subject'] as { reference?: unknown } | undefined;
  return {
    resourceType: r['resourceType'] as string,
    id: typeof r['id'] === 'string' ? r['id'] : undefined,
    reference: typeof subject?.reference === 'string' ? subject.reference : undefined,
  };
};

describe('scanLineKeys reads what JSON.parse reads', () => {
  it.each([
    [
      'the bench generator’s Encounter',
      '{"resourceType":"Encounter","id":"e0-0","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},"subject":{"reference":"Patient/p0-0"}}',
    ],
    [
      '"subject" before "id"',
      '{"subject":{"reference":"Patient/a"},"resourceType":"Encounter","id":"e1"}',
    ],
    ['"id" last', '{"resourceType":"Encounter","subject":{"reference":"Patient/a"},"id":"e1"}'],
    [
      'whitespace everywhere (spaces, tabs, CR)',
      ' { "resourceType" : "Encounter" ,\t"id"\t:\t"e1" , "subject" : { "reference" : "Patient/a" } } \r',
    ],
    [
      'escaped quotes in another string',
      '{"resourceType":"Encounter","text":"say \\"id\\":\\"x\\"","id":"e1","subject":{"reference":"Patient/a"}}',
    ],
    [
      'an escaped backslash before a closing quote',
      '{"resourceType":"Encounter","note":"ends in \\\\","id":"e1","subject":{"reference":"Patient/a"}}',
    ],
    [
      'nested "id" in contained',
      '{"resourceType":"Encounter","contained":[{"resourceType":"Location","id":"inner","subject":{"reference":"Patient/z"}}],"id":"e1","subject":{"reference":"Patient/a"}}',
    ],
    [
      'nested "id" in an extension',
      '{"resourceType":"Encounter","extension":[{"url":"x","valueReference":{"id":"n","reference":"Patient/z"}}],"subject":{"reference":"Patient/a"},"id":"e1"}',
    ],
    [
      'nested id only (no top-level id)',
      '{"resourceType":"Encounter","meta":{"id":"m"},"subject":{"reference":"Patient/a"}}',
    ],
    ['missing id', '{"resourceType":"Encounter","subject":{"reference":"Patient/a"}}'],
    ['missing subject', '{"resourceType":"Encounter","id":"e1"}'],
    [
      'subject without a reference',
      '{"resourceType":"Encounter","id":"e1","subject":{"display":"Ann"}}',
    ],
    [
      'subject with other keys around reference',
      '{"resourceType":"Encounter","id":"e1","subject":{"type":"Patient","reference":"Patient/a","display":"A {b} [c]"}}',
    ],
    [
      'unicode in id and reference',
      '{"resourceType":"Encounter","id":"é-漢","subject":{"reference":"Patient/ü👍"}}',
    ],
    [
      'brackets and braces inside strings',
      '{"resourceType":"Encounter","x":"}]{[","id":"e1","subject":{"reference":"Patient/a"}}',
    ],
    [
      'numbers, literals and empty containers',
      '{"resourceType":"Encounter","n":-1.5e3,"t":true,"f":false,"z":null,"a":[],"o":{},"id":"e1"}',
    ],
    [
      'an empty id (no key, as keyOf reads it)',
      '{"resourceType":"Encounter","id":"","subject":{"reference":"Patient/a"}}',
    ],
  ])('%s', (_name, text) => {
    const got = scan(text);
    expect(got).toBeDefined();
    expect(got).toEqual(parsed(text));
  });
});

describe('scanLineKeys gives up (undefined) where it cannot read safely', () => {
  it.each([
    [
      'a reference with an escape',
      '{"resourceType":"Encounter","id":"e1","subject":{"reference":"Patient\\/a"}}',
    ],
    [
      'an id with an escape',
      '{"resourceType":"Encounter","id":"e\\u0031","subject":{"reference":"Patient/a"}}',
    ],
    [
      'a key with an escape (could spell "id")',
      '{"resourceType":"Encounter","\\u0069d":"e1","subject":{"reference":"Patient/a"}}',
    ],
    ['a non-string id', '{"resourceType":"Encounter","id":7,"subject":{"reference":"Patient/a"}}'],
    ['a null id', '{"resourceType":"Encounter","id":null}'],
    ['a non-string reference', '{"resourceType":"Encounter","id":"e1","subject":{"reference":7}}'],
    [
      'a subject that is not an object',
      '{"resourceType":"Encounter","id":"e1","subject":"Patient/a"}',
    ],
    ['a null subject', '{"resourceType":"Encounter","id":"e1","subject":null}'],
    [
      'a repeated id (JSON.parse keeps the last)',
      '{"resourceType":"Encounter","id":"e1","id":"e2"}',
    ],
    [
      'a repeated subject',
      '{"resourceType":"Encounter","subject":{"reference":"Patient/a"},"subject":{"reference":"Patient/b"}}',
    ],
    [
      'a repeated reference',
      '{"resourceType":"Encounter","subject":{"reference":"Patient/a","reference":"Patient/b"}}',
    ],
    ['a repeated resourceType', '{"resourceType":"Encounter","resourceType":"Claim"}'],
    ['no resourceType', '{"id":"e1","subject":{"reference":"Patient/a"}}'],
    ['not an object', '["resourceType","Encounter"]'],
    [
      'cut short inside a string',
      '{"resourceType":"Encounter","id":"e1","subject":{"reference":"Pat',
    ],
    [
      'cut short after a nested object',
      '{"resourceType":"Encounter","id":"e1","class":{"code":"AMB"}',
    ],
    ['cut short inside an escape', '{"resourceType":"Encounter","id":"e1","text":"a\\'],
    ['mismatched brackets', '{"resourceType":"Encounter","a":[1},"id":"e1"}'],
    ['text after the closing brace', '{"resourceType":"Encounter","id":"e1"} {"id":"e2"}'],
    ['a missing colon', '{"resourceType":"Encounter","id" "e1"}'],
    ['a missing comma', '{"resourceType":"Encounter" "id":"e1"}'],
    ['an empty line', ''],
  ])('%s', (_name, text) => {
    expect(scan(text)).toBeUndefined();
  });
});

describe('scanLineKeys reads only the bytes it is given', () => {
  it('a line in the middle of a buffer (start, end) and another patient element', () => {
    const text =
      'xx{"resourceType":"Coverage","beneficiary":{"reference":"Patient/b"},"id":"c1"}\nyy';
    const buf = Buffer.from(text);
    const end = text.indexOf('\n');
    expect(scanLineKeys(buf, 2, end, Buffer.from('beneficiary'))).toEqual({
      resourceType: 'Coverage',
      id: 'c1',
      reference: 'Patient/b',
    });
    expect(scanLineKeys(buf, 2, end + 1, Buffer.from('beneficiary'))).toEqual({
      resourceType: 'Coverage',
      id: 'c1',
      reference: 'Patient/b',
    }); // a trailing newline is whitespace
    expect(scanLineKeys(buf, 2, end - 1, Buffer.from('beneficiary'))).toBeUndefined();
  });
});

describe('scanLineKeys agrees with JSON.parse on generated lines', () => {
  // Any value anywhere (nested ids and subjects, strings with quotes, backslashes and unicode):
  // where the scanner answers, it answers what JSON.parse reads.
  const key = fc.constantFrom('id', 'subject', 'reference', 'contained', 'extension', 'text', 'x');
  const value = fc.oneof(
    fc.jsonValue(),
    fc.string({ unit: 'grapheme' }),
    fc.dictionary(key, fc.oneof(fc.string(), fc.jsonValue())),
    fc.record({ reference: fc.string({ unit: 'grapheme' }) }),
  );
  it('scanned lines read as parsed; plain id and subject always scan', () => {
    fc.assert(
      fc.property(
        fc.dictionary(key, value),
        fc.string({ unit: 'grapheme-ascii' }),
        fc.string({ unit: 'grapheme-ascii' }),
        (rest, id, ref) => {
          const line = JSON.stringify({ resourceType: 'Encounter', ...rest });
          const got = scan(line);
          if (got) expect(got).toEqual(parsed(line));
          const plain = JSON.stringify({
            resourceType: 'Encounter',
            id,
            subject: { reference: ref },
          });
          if (!plain.includes('\\')) expect(scan(plain)).toEqual(parsed(plain));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
