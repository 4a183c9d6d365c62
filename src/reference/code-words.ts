// Words beside every code on screen (issue 17 §5 "every code on screen has words beside it"):
// finds the billing codes inside a sentence people read — CPT/HCPCS service and drug codes with
// their modifiers, modifiers on their own, ICD-10 diagnoses, UB-04 condition codes, and the
// payers' CARC/RARC denial codes — and gives each the team's plain words. The sentence itself is
// never rewritten (the audit report's messages stay byte-identical); the view puts these words
// beside the code where the text is rendered. All words are written by the EveryDose team (not
// the AMA's CPT descriptors, not copied from the X12 lists).
import { CARC, RARC } from './denial-reasons.ts';
import { describeCode, isServiceCode, MODIFIER_WORDS } from './service-codes.ts';
import type { ReferenceData } from './types.ts';

export type CodeKind =
  'service' | 'drug' | 'modifier' | 'diagnosis' | 'condition' | 'carc' | 'rarc' | 'ndc';

/** ICD-10-CM diagnoses EveryDose names in its messages, in the team's words. */
export const DIAGNOSIS_WORDS: Readonly<Record<string, string>> = {
  'Z00.6': 'exam of a person taking part in a clinical research study',
  'Z51.11': 'visit for chemotherapy for cancer',
  'Z51.12': 'visit for immunotherapy for cancer',
  'Z45.2': 'care of an implanted vascular access device',
  'Z95.828': 'has another implanted vascular device (such as a port)',
};

/** UB-04 condition codes EveryDose names (hospital claims). */
export const CONDITION_WORDS: Readonly<Record<string, string>> = {
  '30': 'care given as part of a qualifying clinical study',
};

/** The first letter of a HCPCS Level II code, in words, for a code the reference does not name. */
const HCPCS_LETTER_WORDS: Readonly<Record<string, string>> = {
  A: 'supply or transport code (HCPCS)',
  C: 'hospital outpatient code (HCPCS)',
  G: 'Medicare service code (HCPCS)',
  J: 'drug code billed by units (HCPCS)',
  Q: 'temporary drug or service code (HCPCS)',
  S: 'private-payer code (HCPCS)',
};

export interface FoundCode {
  /** Where the code starts and ends in the text (end exclusive), modifiers included. */
  start: number;
  end: number;
  /** The code as written, e.g. "J9271-JZ", "Q0", "Z00.6", "CARC 16", "condition code 30". */
  text: string;
  kind: CodeKind;
  /** The code alone, e.g. "J9271", "Q0", "16". */
  code: string;
  /** Modifiers written onto the code with hyphens ("J9271-JZ-Q0" → JZ, Q0). */
  modifiers: string[];
}

// One pattern, alternatives tried left to right at each position (named groups say which).
const PATTERN = new RegExp(
  [
    // CARC/RARC as the denial notes write them: "CARC 16", and a RARC code such as M119 or N657.
    String.raw`\bCARC (?<carc>\d{1,3})\b`,
    String.raw`\b(?<rarc>MA\d{2,3}|M\d{2,3}|N\d{1,4})\b`,
    // "condition code 30" on a hospital claim.
    String.raw`\bcondition code (?<condition>\d{2})\b`,
    // A numeric modifier only where the text says it is one ("modifier 25"): a bare 25 is a number.
    String.raw`\bmodifiers? (?<nummod>25|53|59)\b`,
    // An NDC: 11 digits, or 5-4-2 with hyphens.
    String.raw`\b(?<ndc>\d{11}|\d{5}-\d{4}-\d{2})\b`,
    // A CPT (5 digits) or HCPCS Level II (letter + 4 digits) code with hyphenated modifiers.
    String.raw`\b(?<code>\d{5}|[A-V]\d{4})(?<mods>(?:-[0-9A-Z]{2})*)(?!\w|\.\d)`,
    // An ICD-10 code with its dot (known ones, or after the word "diagnosis").
    String.raw`\b(?<icd>[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4})\b`,
    // A lettered modifier on its own ("JW/JZ", "needs Q0").
    String.raw`\b(?<mod>JW|JZ|JG|JB|TB|Q0|Q1|XE|XS|XP|XU|KX|GA|GZ|GY)\b`,
  ].join('|'),
  'g',
);

/** A five-digit number is a code when the catalog knows it or it is in the 9xxxx medicine range. */
function isCptLike(code: string): boolean {
  return /^[A-V]/.test(code) || isServiceCode(code) || /^9\d{4}$/.test(code);
}

/** Every code in a sentence, left to right; numbers, dates, rule ids and record ids are not codes. */
export function findCodes(text: string): FoundCode[] {
  const out: FoundCode[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const g = m.groups ?? {};
    const start = m.index;
    const whole = m[0];
    const found = (kind: CodeKind, code: string, modifiers: string[] = []): void => {
      out.push({ start, end: start + whole.length, text: whole, kind, code, modifiers });
    };
    if (g.carc !== undefined) found('carc', g.carc);
    else if (g.rarc !== undefined) {
      // A remark code is one the catalog knows, or one listed after a CARC ("(CARC 16, N657)").
      if (RARC[g.rarc] === undefined && !/\bCARC \d/.test(text.slice(0, start))) continue;
      found('rarc', g.rarc);
    } else if (g.condition !== undefined) found('condition', g.condition);
    else if (g.ndc !== undefined) found('ndc', g.ndc.replaceAll('-', ''));
    else if (g.nummod !== undefined) {
      // Only the number is the code: "modifier 25" keeps "modifier " as plain text.
      const at = start + whole.length - g.nummod.length;
      out.push({
        start: at,
        end: at + 2,
        text: g.nummod,
        kind: 'modifier',
        code: g.nummod,
        modifiers: [],
      });
    } else if (g.code !== undefined) {
      if (!isCptLike(g.code)) continue;
      const modifiers = (g.mods ?? '').split('-').filter((s) => s !== '');
      found(/^\d/.test(g.code) || isServiceCode(g.code) ? 'service' : 'drug', g.code, modifiers);
    } else if (g.icd !== undefined) {
      const afterDiagnosis = /diagnos[ie]s (?:code )?$/i.test(text.slice(0, start));
      if (DIAGNOSIS_WORDS[g.icd] === undefined && !afterDiagnosis) continue;
      found('diagnosis', g.icd);
    } else if (g.mod !== undefined) found('modifier', g.mod);
  }
  return out;
}

export interface WordsOptions {
  /** The reference data, for a drug code's plain name and billing unit. */
  reference?: ReferenceData | undefined;
  /** The date of service the drug code is read for. */
  dos?: string | undefined;
}

/** The words of one code, without its modifiers; always some words, never empty. */
export function wordsForCode(kind: CodeKind, code: string, opts: WordsOptions = {}): string {
  switch (kind) {
    case 'service':
    case 'drug':
      return (
        describeCode(code, opts.reference, opts.dos) ??
        HCPCS_LETTER_WORDS[code.charAt(0)] ??
        (/^\d/.test(code)
          ? 'service code (CPT) with no description here'
          : 'HCPCS code with no description here')
      );
    case 'modifier':
      return MODIFIER_WORDS[code] ?? 'modifier with no description here';
    case 'diagnosis':
      return DIAGNOSIS_WORDS[code] ?? 'diagnosis code (ICD-10) with no description here';
    case 'condition':
      return CONDITION_WORDS[code] ?? 'claim condition code with no description here';
    case 'carc':
      return CARC[code]?.words ?? 'payer’s adjustment reason (CARC) with no description here';
    case 'ndc':
      return ndcWords(code, opts) ?? 'drug product code (NDC) with no description here';
    case 'rarc':
      return RARC[code]?.words ?? 'payer’s remark (RARC) with no description here';
  }
}

/** "pembrolizumab 100 mg in 4 mL, single-dose container" from the reference's product. */
function ndcWords(ndc11: string, opts: WordsOptions): string | undefined {
  const p = opts.reference?.productByNdc(ndc11);
  if (!p) return undefined;
  const name = opts.dos ? opts.reference?.hcpcs(p.hcpcs, opts.dos)?.displayName : undefined;
  const volume = p.volumeMl !== undefined ? ` in ${p.volumeMl} mL` : '';
  const container = p.container !== null ? `, ${p.container} container` : '';
  return `${name ?? 'drug product'} ${p.amount.value} ${p.amount.unit}${volume}${container}`;
}

/** The words of a found code with its modifiers: "pembrolizumab…; JZ: no drug discarded". */
export function wordsForFound(found: FoundCode, opts: WordsOptions = {}): string {
  const main = wordsForCode(found.kind, found.code, opts);
  const mods = found.modifiers.map((m) => `${m}: ${wordsForCode('modifier', m)}`);
  return [main, ...mods].join('; ');
}

export type CodeSegment =
  { text: string } | { text: string; found: FoundCode; words: string | undefined };

/**
 * A sentence cut into plain text and codes. Each code gets its words the first time it appears in
 * the sentence, unless the sentence already says what it is right beside it ("JZ (nothing
 * discarded)", "Pembrolizumab (J9271)"): then `words` is undefined and the code is explained.
 */
export function codeSegments(text: string, opts: WordsOptions = {}): CodeSegment[] {
  const out: CodeSegment[] = [];
  const seen = new Set<string>();
  let at = 0;
  for (const f of findCodes(text)) {
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    const keys = [f.code, ...f.modifiers];
    const fresh = keys.some((k) => !seen.has(k));
    const words = fresh && !explainedInText(text, f) ? wordsForFound(f, opts) : undefined;
    for (const k of keys) seen.add(k);
    out.push({ text: f.text, found: f, words });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The sentence already explains the code beside it: "Q1 (routine care…)", "Carboplatin (J9045)". */
export function explainedInText(text: string, f: FoundCode): boolean {
  if (/^ \([A-Za-z]/.test(text.slice(f.end))) return true;
  // Only a drug or service code is explained by the name before it ("Carboplatin (J9045)").
  if (f.kind !== 'drug' && f.kind !== 'service') return false;
  return (
    text[f.start - 1] === '(' &&
    text[f.end] === ')' &&
    /[A-Za-z] $/.test(text.slice(0, f.start - 1))
  );
}
