// Input paths → files: FHIR JSON (one resource or a Bundle) and NDJSON; folders are read
// recursively for *.json and *.ndjson. Anything that cannot be read at all is an InputError.
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRawResource, type RawResource } from '../fhir/references.ts';
import { InputError, jsonProblem } from './errors.ts';

export interface InputFile {
  /** As the user named it (or joined under the folder they named). */
  path: string;
  kind: 'json' | 'ndjson';
  size: number;
}

const kindOf = (name: string): InputFile['kind'] | undefined => {
  const n = name.toLowerCase();
  if (n.endsWith('.ndjson')) return 'ndjson';
  if (n.endsWith('.json')) return 'json';
  return undefined;
};

function walk(dir: string, out: InputFile[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) {
      const kind = kindOf(e.name);
      if (kind) out.push({ path: p, kind, size: statSync(p).size });
    }
  }
}

export function expandPaths(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new InputError(p, 'no such file or folder');
    }
    if (st.isDirectory()) {
      const before = out.length;
      try {
        walk(p, out);
      } catch {
        throw new InputError(p, 'folder cannot be read');
      }
      if (out.length === before) throw new InputError(p, 'folder holds no .json or .ndjson files');
    } else {
      out.push({ path: p, kind: kindOf(p) ?? 'json', size: st.size });
    }
  }
  return out;
}

const decoderFor = (): TextDecoder => new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A whole JSON file: one resource or a Bundle. */
export function readJsonFile(file: string): RawResource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputError(file, 'cannot be read');
  }
  if (bytes.includes(0)) throw new InputError(file, 'binary data, not FHIR JSON');
  let text: string;
  try {
    text = decoderFor().decode(bytes);
  } catch {
    throw new InputError(file, 'binary data or not UTF-8 text, not FHIR JSON');
  }
  if (text.trim() === '') throw new InputError(file, 'empty file, not FHIR JSON');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(file, jsonProblem(e, text));
  }
  if (!isRawResource(value)) throw new InputError(file, 'not a FHIR resource (no resourceType)');
  return value;
}

/**
 * Calls `onLine` for every non-blank line of an NDJSON file, reading it in chunks (memory stays
 * bounded by the longest line). `last` is true when the line did not end with a newline.
 */
export function forEachNdjsonLine(
  file: string,
  onLine: (text: string, line: number, last: boolean) => void,
): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new InputError(file, 'cannot be read');
  }
  const buf = Buffer.allocUnsafe(1 << 20);
  const decoder = decoderFor();
  let carry = '';
  let lineNo = 0;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      if (chunk.includes(0)) throw new InputError(file, 'binary data, not NDJSON', lineNo + 1);
      let text: string;
      try {
        text = carry + decoder.decode(chunk, { stream: true });
      } catch {
        throw new InputError(file, 'binary data or not UTF-8 text, not NDJSON', lineNo + 1);
      }
      let start = 0;
      for (;;) {
        const nl = text.indexOf('\n', start);
        if (nl < 0) break;
        lineNo++;
        const line =
          text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl);
        if (line.trim() !== '') onLine(line, lineNo, false);
        start = nl + 1;
      }
      carry = text.slice(start);
    }
    const rest = carry + decoder.decode();
    if (rest.trim() !== '') onLine(rest, lineNo + 1, true);
  } finally {
    closeSync(fd);
  }
}

/** One NDJSON line parsed in full. */
export function parseNdjsonLine(
  file: string,
  text: string,
  line: number,
  last: boolean,
): RawResource {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const cut = last || /end of JSON input|Unterminated/i.test(e instanceof Error ? e.message : '');
    throw new InputError(
      file,
      cut ? 'the line is cut short (truncated JSON)' : 'not valid JSON',
      line,
    );
  }
  if (!isRawResource(value))
    throw new InputError(file, 'not a FHIR resource (no resourceType)', line);
  return value;
}
