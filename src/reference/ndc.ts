// The one NDC normaliser (drug-wastage R-29; issue 18 §1): to the 11-digit 5-4-2 form billed on
// claims. The FHIR mapping, the CMS file parsers and the nurse's "Other NDC" entry all use it.

/** Optional check used to read an ambiguous 10-digit NDC written without hyphens. */
export type NdcKnown = (ndc11: string) => boolean;

/** 10 bare digits: three readings (4-4-2, 5-3-2, 5-4-1), decided only by `known`. */
const AMBIGUOUS = 'ambiguous';

function fixedNdc(s: string): string | typeof AMBIGUOUS | undefined {
  const parts = s.split(/[-\s]/);
  if (parts.length === 3) {
    const [a = '', b = '', c = ''] = parts;
    if (!/^\d+$/.test(a + b + c)) return undefined;
    if (a.length === 5 && b.length === 4 && c.length === 2) return a + b + c;
    if (a.length === 4 && b.length === 4 && c.length === 2) return `0${a}${b}${c}`;
    if (a.length === 5 && b.length === 3 && c.length === 2) return `${a}0${b}${c}`;
    if (a.length === 5 && b.length === 4 && c.length === 1) return `${a}${b}0${c}`;
    return undefined;
  }
  if (parts.length !== 1 || !/^\d+$/.test(s)) return undefined;
  if (s.length === 11) return s;
  return s.length === 10 ? AMBIGUOUS : undefined;
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
