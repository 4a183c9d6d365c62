// Drug names → ingredient keys (medication-vocabulary §4): the grammar of RxNorm normalized names
// `[qty-prefix …] ingredient strength [/ ingredient strength …] dose-form [ [Brand] ]`, local free
// text, and the CMS crosswalk's drug names, all reduced to the same key so they can be matched.
// Pure: used by the reference build (to index names) and at run time (to read a display).

/** Salt and qualifier words dropped after the first word (§4 step 4). Never liposome/protein-bound. */
const SALT_WORDS = new Set([
  'hydrochloride',
  'hcl',
  'dihydrochloride',
  'sulfate',
  'sodium',
  'disodium',
  'potassium',
  'calcium',
  'acetate',
  'phosphate',
  'dimeglumine',
  'mesylate',
  'citrate',
  'tartrate',
  'maleate',
  'succinate',
  'besylate',
  'tosylate',
  'anhydrous',
  'monohydrate',
  'trihydrate',
  'porcine',
  'human',
  'recombinant',
  'free',
  'base',
]);

/** Words of free text that say how, not what ("CISplatin IV infusion"). */
const NOISE_WORDS = new Set([
  'iv',
  'infusion',
  'injection',
  'inj',
  'solution',
  'soln',
  'solr',
  'custom',
  'component',
  'piggyback',
  'ivpb',
  'push',
  'bolus',
  'in',
  'for',
  'of',
  'and',
  'premix',
  'premixed',
  'bag',
  'vial',
]);

const UNIT =
  '(?:mg|mcg|ug|g|gm|ml|l|unt|units?|iu|meq|mmol|actuat|hr|%|mg\\/mg|mg\\/ml|unt\\/ml|meq\\/ml)';
/** A strength or quantity: `10 MG`, `2 MG/ML`, `0.0342 MEQ/ML`, `100 unit/ml`, `3-Month`. */
const STRENGTH = new RegExp(
  `(?:^|\\s)\\d+(?:[.,]\\d+)?\\s*${UNIT}(?:\\s*\\/\\s*(?:\\d+(?:[.,]\\d+)?\\s*)?${UNIT})?(?=\\s|$)`,
  'gi',
);
const QTY_PREFIX = /(?:^|\s)\d+[- ](?:month|day|week|hour|hr)\b/gi;
const NUMBER = /(?:^|\s)\d+(?:[.,]\d+)?(?=\s|$)/g;

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * One ingredient's words → its key: lower case (undoes Tall-Man "DOXOrubicin"), no parentheses,
 * commas or strengths, salts dropped after the first word, "liposomal" read as "liposome".
 */
export function ingredientKey(part: string): string {
  let s = part.toLowerCase().replace(/\([^)]*\)/g, ' ');
  s = s.replace(/[,;]/g, ' ').replace(QTY_PREFIX, ' ').replace(STRENGTH, ' ').replace(NUMBER, ' ');
  const words = squash(s).split(' ').filter(Boolean);
  const out: string[] = [];
  for (const [i, w] of words.entries()) {
    const word = w === 'liposomal' ? 'liposome' : w;
    if (i > 0 && SALT_WORDS.has(word)) continue;
    out.push(word);
  }
  return out.join(' ');
}

/** Ingredient keys of a multi-ingredient name, sorted and joined: order never matters. */
export function combinationKey(parts: readonly string[]): string {
  return [...new Set(parts.map(ingredientKey).filter(Boolean))].sort().join(' / ');
}

export interface ParsedDrugName {
  /** Ingredient key (several ingredients sorted, joined by ' / '); '' when nothing is left. */
  key: string;
  /** The RxNorm dose form that ended the name, as written in the dose-form list. */
  doseForm?: string;
  /** The trailing `[Brand]`, when there was one. */
  brand?: string;
}

/**
 * §4 steps 1–4: strip a trailing `[Brand]`, the longest dose form that ends the name, split on
 * ` / `, drop strengths and quantity prefixes, canonicalise salts. `doseForms` are lower case.
 */
export function parseDrugName(text: string, doseForms: ReadonlySet<string>): ParsedDrugName {
  let s = squash(text.replace(/^\{.*?\}\s*/, ''));
  const out: ParsedDrugName = { key: '' };
  const brand = /\s*\[([^\]]+)\]\s*$/.exec(s);
  if (brand?.[1]) {
    out.brand = brand[1].trim();
    s = s.slice(0, brand.index);
  }
  const lower = s.toLowerCase();
  let best = '';
  for (const df of doseForms) {
    if (df.length <= best.length) continue;
    if (lower === df || lower.endsWith(` ${df}`)) best = df;
  }
  if (best) {
    out.doseForm = s.slice(s.length - best.length);
    s = s.slice(0, s.length - best.length);
  }
  out.key = combinationKey(s.split(/\s\/\s/));
  return out;
}

/** Words of free text that are left once how-given words are removed ("CISplatin IV infusion"). */
export function freeTextWords(text: string): string {
  return ingredientKey(text)
    .split(' ')
    .filter((w) => !NOISE_WORDS.has(w))
    .join(' ');
}

/** A whole RxNorm product name as a key: lower case, single spaces. */
export function productKey(name: string): string {
  return squash(name.toLowerCase());
}
