// Input paths → files: FHIR JSON (one resource or a Bundle) and NDJSON; folders are read
// recursively for *.json and *.ndjson. Anything that cannot be read at all is an InputError.
import {
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
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
  if (n.endsWith('.ndjson') || n.endsWith('.jsonl')) return 'ndjson';
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
      const kind = e.name.toLowerCase().endsWith('.jsonl') ? undefined : kindOf(e.name);
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
  const seen = new Set<string>();
  return out.filter((f) => {
    const real = realpathSync(f.path);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
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

/** One line of an NDJSON file, as bytes. `buf` is reused: copy what you keep. */
export interface NdjsonLine {
  buf: Buffer;
  start: number;
  end: number;
  line: number;
  /** The line did not end with a newline (the file's last line). */
  last: boolean;
}

export function lineText(l: NdjsonLine): string {
  return l.buf.toString('utf8', l.start, l.end);
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

const CHUNK = 1 << 20;

/**
 * Calls `onLine` for every non-blank line of an NDJSON file, reading it in 1 MB chunks as bytes
 * (memory stays bounded by the longest line; lines are decoded only when someone asks).
 */
export function forEachNdjsonLine(file: string, onLine: (l: NdjsonLine) => void): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new InputError(file, 'cannot be read');
  }
  let buf = Buffer.allocUnsafe(CHUNK * 2);
  let have = 0; // bytes in buf not yet handed out as lines
  let lineNo = 0;
  const l: NdjsonLine = { buf, start: 0, end: 0, line: 0, last: false };
  try {
    for (;;) {
      if (buf.length - have < CHUNK) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
        l.buf = buf;
      }
      const n = readSync(fd, buf, have, CHUNK, null);
      const eof = n === 0;
      const fresh = buf.subarray(have, have + n);
      if (fresh.includes(0)) throw new InputError(file, 'binary data, not NDJSON', lineNo + 1);
      have += n;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(10, start);
        if (nl < 0 || nl >= have) break;
        lineNo++;
        if (lineNo === 1 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
        const end = nl > start && buf[nl - 1] === 13 ? nl - 1 : nl;
        if (!isUtf8(buf.subarray(start, end))) {
          throw new InputError(file, 'binary data or not UTF-8 text, not NDJSON', lineNo);
        }
        if (!isBlank(buf, start, end)) {
          l.start = start;
          l.end = end;
          l.line = lineNo;
          l.last = false;
          onLine(l);
        }
        start = nl + 1;
      }
      if (eof) {
        if (start < have && !isBlank(buf, start, have)) {
          if (!isUtf8(buf.subarray(start, have))) {
            throw new InputError(file, 'binary data or not UTF-8 text, not NDJSON', lineNo + 1);
          }
          l.start = start;
          l.end = have;
          l.line = lineNo + 1;
          l.last = true;
          onLine(l);
        }
        break;
      }
      buf.copy(buf, 0, start, have);
      have -= start;
    }
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
