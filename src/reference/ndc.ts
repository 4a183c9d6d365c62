// The one NDC normaliser (drug-wastage R-29; issue 18 §1): to the 11-digit 5-4-2 form billed on
// claims. The FHIR mapping, the CMS file parsers and the nurse's "Other NDC" entry all use it.

/** Optional check used to read an ambiguous 10-digit NDC written without hyphens. */
export type NdcKnown = (ndc11: string) => boolean;

/** 10 bare digits: three readings (4-4-2, 5-3-2, 5-4-1), decided only by `known`. */
const AMBIGUOUS = 'ambiguous';

/** The separators of a printed NDC: a hyphen or a single white-space character. */
const SEPARATOR = /[-\s]/;

/**
 * One scan, no split into parts (issue 18 part 2: fewer objects per administration): digits and
 * exactly two separators (three parts), or digits only. Property-tested against the former
 * split-and-match reading in ndc.test.ts.
 */
function fixedNdc(s: string): string | typeof AMBIGUOUS | undefined {
  let first = -1;
  let second = -1;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    // A third separator, or any character that is neither a digit nor a separator: unreadable.
    if (second >= 0 || !SEPARATOR.test(s.charAt(i))) return undefined;
    if (first < 0) first = i;
    else second = i;
  }
  if (first < 0) {
    if (s.length === 11) return s;
    return s.length === 10 ? AMBIGUOUS : undefined;
  }
  if (second < 0) return undefined;
  const a = first;
  const b = second - first - 1;
  const c = s.length - second - 1;
  const labeler = s.slice(0, first);
  const product = s.slice(first + 1, second);
  const pack = s.slice(second + 1);
  if (a === 5 && b === 4 && c === 2) return labeler + product + pack;
  if (a === 4 && b === 4 && c === 2) return `0${labeler}${product}${pack}`;
  if (a === 5 && b === 3 && c === 2) return `${labeler}0${product}${pack}`;
  if (a === 5 && b === 4 && c === 1) return `${labeler}${product}0${pack}`;
  return undefined;
}

/**
 * '0006-3026-02' → '00006302602'; '61703-339-22' → '61703033922'; '12345-6789-1' →
 * '12345678901' (hyphens or single spaces); 11 bare digits pass through. 10 bare digits are
 * ambiguous: read through `known` (the one reading the reference data knows), else undefined.
 */
export function normalizeNdc(raw: string, known?: NdcKnown): string | undefined {
  const s = raw.trim();
  const fixed = fixedNdc(s);
  if (fixed !== AMBIGUOUS) return fixed;
  if (!known) return undefined;
  const candidates = [`0${s}`, `${s.slice(0, 5)}0${s.slice(5)}`, `${s.slice(0, 9)}0${s.slice(9)}`];
  const found = candidates.filter(known);
  return found.length === 1 ? found[0] : undefined;
}

/** Why a typed NDC cannot be read, in words; undefined when it reads. */
export function ndcProblem(raw: string, known?: NdcKnown): string | undefined {
  const s = raw.trim();
  if (s === '') return 'Enter the NDC from the carton.';
  if (normalizeNdc(s, known)) return undefined;
  if (fixedNdc(s) === AMBIGUOUS) {
    return 'A 10-digit NDC without hyphens can be read three ways: type it with its hyphens as printed (4-4-2, 5-3-2 or 5-4-1).';
  }
  return 'An NDC is 11 digits (5-4-2), or 10 digits with hyphens as printed (4-4-2, 5-3-2 or 5-4-1).';
}

/** 11 digits → '00006-3026-02' for people. */
export function formatNdc(ndc11: string): string {
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}
