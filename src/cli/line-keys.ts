// Routing a raw NDJSON line without parsing it: a scanner of the line's top-level keys. It reads
// the top-level "resourceType", "id" and the patient element's {"reference": …} (e.g.
// "subject"), skipping every other value (strings with escapes, nested objects and arrays), so
// an "id" or "subject" inside "contained" or an extension is never taken for the resource's own.
// Whatever it cannot read safely (an escape in a key or in a value it returns, a repeated key, a
// non-string id, a patient element that is not an object of strings, anything after the closing
// brace, an unbalanced line) returns undefined and the caller parses the line instead. It does
// not validate the JSON: the one JSON.parse of the line (pass 2) still does.

export interface LineKeys {
  resourceType: string;
  /** The top-level "id" (undefined when the line has none). */
  id: string | undefined;
  /** The patient element's "reference" (undefined when the element is absent). */
  reference: string | undefined;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isSpace = (c: number | undefined): boolean => c === 32 || c === 9 || c === 13 || c === 10;

/** Cursor over one line; `escaped`: the last string skipped held a backslash. */
interface Scan {
  buf: Buffer;
  at: number;
  end: number;
  escaped: boolean;
}

function skipSpace(s: Scan): void {
  while (s.at < s.end && isSpace(s.buf[s.at])) s.at++;
}

/**
 * At an opening quote: moves past the closing one. Returns the index of the closing quote, or -1
 * when the string does not end on the line; sets `escaped` when it held a backslash.
 */
function skipString(s: Scan): number {
  const { buf, end } = s;
  let i = s.at + 1;
  let sawEscape = false;
  while (i < end) {
    const c = buf[i];
    if (c === QUOTE) {
      s.escaped = sawEscape;
      s.at = i + 1;
      return i;
    }
    if (c === BACKSLASH) {
      sawEscape = true;
      i += 2;
    } else i++;
  }
  return -1;
}

/**
 * At an opening quote inside a skipped value: moves past the closing quote, found by the native
 * byte search (a quote after an odd run of backslashes is escaped, and searched past). False when
 * the string does not end on the line. Escapes inside skipped values do not matter.
 */
function skipNestedString(s: Scan): boolean {
  const { buf, end } = s;
  let from = s.at + 1;
  for (;;) {
    const q = buf.indexOf(QUOTE, from);
    if (q < 0 || q >= end) return false;
    let k = q - 1;
    while (k > s.at && buf[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) {
      s.at = q + 1;
      return true;
    }
    from = q + 1;
  }
}

/** Skips one value of any kind (no validation of scalars: the parse does that). */
function skipValue(s: Scan): boolean {
  const { buf, end } = s;
  const c = buf[s.at];
  if (c === QUOTE) return skipString(s) >= 0;
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    const stack: number[] = [c];
    s.at++;
    while (s.at < end) {
      const d = buf[s.at];
      if (d === QUOTE) {
        if (!skipNestedString(s)) return false;
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) stack.push(d);
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        const open = stack.pop();
        if (open !== (d === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET)) return false;
        if (stack.length === 0) {
          s.at++;
          return true;
        }
      }
      s.at++;
    }
    return false;
  }
  // A scalar (number, true, false, null): up to the next delimiter.
  const from = s.at;
  while (s.at < end) {
    const d = buf[s.at];
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isSpace(d)) break;
    if (d === QUOTE || d === OPEN_BRACE || d === OPEN_BRACKET || d === COLON) return false;
    s.at++;
  }
  return s.at > from;
}

/** A plain string value (no escapes) at the cursor, decoded; undefined otherwise. */
function plainString(s: Scan): string | undefined {
  if (s.buf[s.at] !== QUOTE) return undefined;
  const from = s.at + 1;
  const close = skipString(s);
  if (close < 0 || s.escaped) return undefined;
  return s.buf.toString('utf8', from, close);
}

/**
 * Walks the members of the object whose "{" is at the cursor, calling `onKey` with each key's
 * bytes (start, end) with the cursor at its value; `onKey` must consume the value and return
 * false to give up. Keys with escapes give up (they could spell any name).
 */
function members(s: Scan, onKey: (from: number, to: number) => boolean): boolean {
  s.at++; // {
  skipSpace(s);
  if (s.buf[s.at] === CLOSE_BRACE) {
    s.at++;
    return true;
  }
  for (;;) {
    skipSpace(s);
    if (s.buf[s.at] !== QUOTE) return false;
    const from = s.at + 1;
    const close = skipString(s);
    if (close < 0 || s.escaped) return false;
    skipSpace(s);
    if (s.buf[s.at] !== COLON) return false;
    s.at++;
    skipSpace(s);
    if (s.at >= s.end || !onKey(from, close)) return false;
    skipSpace(s);
    const c = s.buf[s.at];
    s.at++;
    if (c === CLOSE_BRACE) return true;
    if (c !== COMMA) return false;
  }
}

function keyIs(buf: Buffer, from: number, to: number, name: Buffer): boolean {
  return to - from === name.length && buf.compare(name, 0, name.length, from, to) === 0;
}

const RESOURCE_TYPE = Buffer.from('resourceType');
const ID = Buffer.from('id');
const REFERENCE = Buffer.from('reference');

/** The patient element's value: an object; its "reference" a plain string, read once. */
function readReference(s: Scan): { ok: boolean; reference: string | undefined } {
  if (s.buf[s.at] !== OPEN_BRACE) return { ok: false, reference: undefined };
  let reference: string | undefined;
  let seen = false;
  const ok = members(s, (from, to) => {
    if (!keyIs(s.buf, from, to, REFERENCE)) return skipValue(s);
    if (seen) return false;
    seen = true;
    reference = plainString(s);
    return reference !== undefined;
  });
  return { ok, reference };
}

/**
 * The top-level resourceType, id and `element`.reference (`element` as UTF-8 bytes, e.g.
 * Buffer.from('subject')) of the JSON object on bytes [start, end) of `buf`, or undefined when
 * the line cannot be read safely without parsing.
 */
export function scanLineKeys(
  buf: Buffer,
  start: number,
  end: number,
  element: Buffer,
): LineKeys | undefined {
  const s: Scan = { buf, at: start, end, escaped: false };
  skipSpace(s);
  if (buf[s.at] !== OPEN_BRACE) return undefined;
  let resourceType: string | undefined;
  let id: string | undefined;
  let reference: string | undefined;
  let seenType = false;
  let seenId = false;
  let seenElement = false;
  const name = element;
  const ok = members(s, (from, to) => {
    if (keyIs(buf, from, to, RESOURCE_TYPE)) {
      if (seenType) return false;
      seenType = true;
      resourceType = plainString(s);
      return resourceType !== undefined;
    }
    if (keyIs(buf, from, to, ID)) {
      if (seenId) return false;
      seenId = true;
      id = plainString(s);
      return id !== undefined;
    }
    if (keyIs(buf, from, to, name)) {
      if (seenElement) return false;
      seenElement = true;
      const r = readReference(s);
      reference = r.reference;
      return r.ok;
    }
    return skipValue(s);
  });
  if (!ok || resourceType === undefined) return undefined;
  skipSpace(s);
  if (s.at !== end) return undefined;
  return { resourceType, id, reference };
}
