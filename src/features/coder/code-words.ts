// Words beside every code on the coder page (issue 17 §5): the team's plain words for service
// codes and modifiers (src/reference/service-codes.ts, not the AMA's CPT descriptors), and for
// a drug code the drug's plain name and billing unit from the reference data. A code nobody
// describes says so; it is never shown bare.
import type { DerivedLine } from '../../engine/index.ts';
import { describeCode, MODIFIER_WORDS } from '../../reference/service-codes.ts';
import type { ReferenceData } from '../../reference/types.ts';

export const NO_DESCRIPTION = 'no description';

/** Plain words for a code on a date of service; the drug's name when the reference is not loaded. */
export function codeWords(
  code: string,
  opts: { reference?: ReferenceData | undefined; dos?: string; drugName?: string | undefined } = {},
): string {
  return describeCode(code, opts.reference, opts.dos) ?? opts.drugName ?? NO_DESCRIPTION;
}

export function lineWords(line: DerivedLine, reference?: ReferenceData): string {
  return codeWords(line.code, { reference, dos: line.date, drugName: line.drugName });
}

/** "JW — drug discarded (billed waste)"; an unknown modifier keeps its code with no words. */
export function modifierWords(modifier: string): string {
  const words = MODIFIER_WORDS[modifier];
  return words ? `${modifier} — ${words}` : `${modifier} — ${NO_DESCRIPTION}`;
}

/** Every modifier in words, or "no modifiers". */
export function modifiersInWords(modifiers: readonly string[]): string {
  return modifiers.length === 0 ? 'no modifiers' : modifiers.map(modifierWords).join('; ');
}

/** "96413 (Chemo IV infusion, first hour)": a code with its words, for links and lists. */
export function codeWithWords(
  code: string,
  opts: { reference?: ReferenceData | undefined; dos?: string; drugName?: string | undefined } = {},
): string {
  return `${code} (${codeWords(code, opts)})`;
}
