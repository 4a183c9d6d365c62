// A drug name → HCPCS candidates over the identity tables (contract §2.2 steps 4–5;
// medication-vocabulary §4): the whole RxNorm product name, else its ingredients (salts
// canonicalised, liposome / protein-bound / biosimilar suffixes kept), else the longest known
// name found in free text ("CISplatin IV infusion"). Pure; answers memoised per text (bounded).
import { freeTextWords, ingredientKey, parseDrugName, productKey } from './drug-names.ts';
import type { IdentityTables } from './tables.ts';
import type { NameMatch } from './types.ts';

const MEMO_LIMIT = 16_384;
/** Names shorter than this are never looked for inside free text (too many false hits). */
const SCAN_MIN = 4;

export function createNameMatcher(t: IdentityTables): (text: string) => NameMatch | undefined {
  const forms = new Set(Object.keys(t.doseForms));
  const oral = new Set(t.oral);
  // Single-ingredient names, longest first, for the free-text scan.
  const scanKeys = Object.keys(t.names)
    .filter((k) => !k.includes(' / ') && k.length >= SCAN_MIN)
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  const memo = new Map<string, NameMatch | undefined>();
  const labelKey = new Map(Object.entries(t.labels).map(([c, l]) => [c, ingredientKey(l)]));

  const own = t.own ?? {};

  /**
   * Preferred first: the code whose own name (descriptor or label) is the name matched (plain
   * paclitaxel J9267 before protein-bound J9264, §4 step 4), then catalog and NOS codes (rank),
   * then by code.
   */
  const ranked = (codes: readonly string[], nonParenteral: boolean, key = ''): string[] => {
    // Oral codes (Q0162) only for a non-parenteral dose form, and then only they (§4 pitfalls).
    const list = codes.filter((c) => oral.has(c) === nonParenteral);
    const plain = (c: string): number =>
      key !== '' && (own[c] === key || labelKey.get(c) === key) ? 0 : 1;
    return list.sort(
      (a, b) => plain(a) - plain(b) || (t.rank[a] ?? 9) - (t.rank[b] ?? 9) || a.localeCompare(b),
    );
  };

  const scan = (text: string): string | undefined => {
    const words = ` ${freeTextWords(text)} `;
    return scanKeys.find((k) => words.includes(` ${k} `));
  };

  const answer = (text: string): NameMatch | undefined => {
    const parsed = parseDrugName(text, forms);
    const df = parsed.doseForm?.toLowerCase();
    const nonParenteral = df !== undefined && t.doseForms[df] === 1;
    const base = {
      ...(parsed.doseForm ? { doseForm: parsed.doseForm } : {}),
      nonParenteral,
    };
    // A product the vocabulary lists under its codes: those codes, whatever the dose form says
    // (BCG "Topical Suspension" is J9030, given intravesically: medication-vocabulary §1.3 step 6).
    const product = t.products[productKey(text)];
    if (product) {
      const codes = ranked(product, nonParenteral);
      const listed = codes.length > 0 ? codes : ranked(product, !nonParenteral);
      const parenteral = listed.some((c) => !oral.has(c));
      return {
        codes: listed,
        ingredient: parsed.key,
        via: 'product',
        ...base,
        nonParenteral: nonParenteral && !parenteral,
      };
    }
    let codes = t.names[parsed.key];
    let key = parsed.key;
    // A part that is a brand ("Zofran 4 MG Oral Tablet") or a trailing [Brand] (§4 step 5).
    if (!codes && parsed.brand) {
      key = parseDrugName(parsed.brand, forms).key;
      codes = t.names[key];
    }
    if (codes)
      return {
        codes: ranked(codes, nonParenteral, key),
        ingredient: key,
        via: 'ingredient',
        ...base,
      };
    const found = scan(text);
    if (found) {
      const hit = t.names[found] ?? [];
      return { codes: ranked(hit, nonParenteral, found), ingredient: found, via: 'scan', ...base };
    }
    if (parsed.key || nonParenteral)
      return { codes: [], ingredient: parsed.key, via: 'ingredient', ...base };
    return undefined;
  };

  return (text) => {
    if (memo.has(text)) return memo.get(text);
    const m = answer(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, m ? Object.freeze(m) : m);
    return m;
  };
}
