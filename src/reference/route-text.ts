// Route texts (medication-vocabulary §1.3 step 2): normalise, then known texts, then keywords.
import type { RouteClass } from './route-types.ts';

/** Lowercase, punctuation to spaces, spaces collapsed ("Sub-Q" → "sub q"). */
export function normalizeRouteText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Abbreviations read only as a whole field ("IT", "IP", "SC", "PR": routes.json note). */
const WHOLE_FIELD: Record<string, RouteClass> = {
  it: 'intrathecal',
  ip: 'intraperitoneal',
  sc: 'sc',
  pr: 'rectal',
};

const PUSH = /\b(push|bolus|ivp|ivpush)\b/;
const IV =
  /\b(iv|ivpb|intravenous|intravenously|intravenosa|intraveineuse|endovenous|endovenosa|piggyback|picc|central line|central venous)\b/;

/** Keywords, most specific first: a cavity or CNS word wins over "injection" or "infusion". */
const KEYWORDS: [RegExp, RouteClass][] = [
  [
    /\b(intrathecal|intraspinal|subarachnoid|intraventricular|intracerebroventricular|ommaya)\b/,
    'intrathecal',
  ],
  [/\b(intravesical|bladder instillation|intravesicular)\b/, 'intravesical'],
  [/\bintraperitoneal\b/, 'intraperitoneal'],
  [/\bintravitreal\b/, 'intravitreal'],
  [/\b(intra arterial|intraarterial|arterial)\b/, 'intra-arterial'],
  [
    /\b(intrapleural|intralesional|intradermal|epidural|intraosseous|intra articular|intraarticular|intratumou?ral|intracavitary|perineural)\b/,
    'other-parenteral',
  ],
  [/\b(subq|sub q|subcut|subcutaneous|subcutaneously|sq|hypodermic)\b/, 'sc'],
  [/\b(im|intramuscular|intramuscularly)\b/, 'im'],
  [/\b(transdermal|patch)\b/, 'transdermal'],
  [/\b(inhal\w*|nebuli[sz]\w*|respiratory|endotracheal|intratracheal)\b/, 'inhalation'],
  [/\b(rectal|rectally|per rectum|suppository)\b/, 'rectal'],
  [/\b(po|oral|orally|by mouth|per os|sublingual|buccal|swallow)\b/, 'oral'],
  [/\b(topical|topically|cutaneous|dermal|skin)\b/, 'topical'],
  [
    /\b(ophthalmic|eye|eyes|otic|ear|ears|nasal|intranasal|vaginal|intrauterine|urethral|dental|gastrostomy|jejunostomy|nasogastric|enteral|feeding tube|g tube|ng tube)\b/,
    'other-non-parenteral',
  ],
];

/**
 * Reads a route text through the known texts, then keywords. `undefined` when the text says
 * nothing about the route.
 */
export function classifyRouteText(
  text: string | undefined,
  known: ReadonlyMap<string, RouteClass>,
): RouteClass | undefined {
  if (!text) return undefined;
  const t = normalizeRouteText(text);
  if (!t) return undefined;
  const hit = known.get(t) ?? WHOLE_FIELD[t];
  if (hit) return hit;
  for (const [re, cls] of KEYWORDS) if (re.test(t)) return cls;
  if (IV.test(t)) return PUSH.test(t) ? 'iv-push-method' : 'iv';
  if (/\b(inject|injection|injectable|parenteral)\b/.test(t)) return 'parenteral-unknown';
  return undefined;
}

/** A method text: push or infusion, when it says so (medication-vocabulary §1.3 step 3). */
export function methodTextEffect(text: string | undefined): 'push' | 'infusion' | undefined {
  if (!text) return undefined;
  const t = normalizeRouteText(text);
  if (PUSH.test(t)) return 'push';
  if (/\b(ivpb|piggyback|infusion|infuse|drip|continuous|hr|hour|hours|min|minutes)\b/.test(t))
    return 'infusion';
  return undefined;
}

/** Site texts that name an intravenous access (medication-vocabulary §1.3 step 5). */
export function siteIsVenousAccess(text: string | undefined): boolean {
  if (!text) return false;
  return /\b(port|portacath|port a cath|picc|central line|cvc|hickman|iv|peripheral iv|vein|venous)\b/.test(
    normalizeRouteText(text),
  );
}
