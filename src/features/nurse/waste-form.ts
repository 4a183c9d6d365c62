// The "Document waste" form in words (issue 14 §2): what the nurse lists, the summary line that
// states exactly what will be saved, and the entries refused or to be confirmed. The figures
// (labeled content L, amount given A, left over L − A; drug-wastage §1, R-04, R-06) come from
// the engine; nothing here computes a billing fact. Exact decimals: the amount discarded
// is read as a decimal text, never a float.
import Decimal from 'decimal.js';
import type { WasteFigures, WasteFiguresResult } from '../../engine/index.ts';
import { formatNdc, ndcProblem } from '../../reference/ndc.ts';
import type { Presentation } from '../../reference/types.ts';

export interface FormRow {
  /** 11 digits; the text as written when `unreadable`. */
  ndc11: string;
  count: number;
  unreadable?: string;
}

export interface WasteToSave {
  containers: { ndc: string; count: number }[];
  discarded: { value: number; unit: string };
}

export interface WasteCheck {
  /** "2 × 100 mg containers (200 mg): 150 mg given, 50 mg discarded" — exactly what is saved. */
  summary: string | undefined;
  /** Entries that cannot be saved, in words. */
  refusals: string[];
  /** Entries that can be saved only after an explicit "Save waste anyway". */
  confirm: string[];
  save: WasteToSave | undefined;
}

const UNIT_WORDS: Record<string, string> = { ug: 'mcg', '[iU]': 'units', '{unit}': 'units' };

export function unitWord(unit: string): string {
  return UNIT_WORDS[unit] ?? unit;
}

export function amountWords(value: Decimal, unit: string): string {
  return `${value.toString()} ${unitWord(unit)}`;
}

/** "100 mg container" for a known product; "NDC 12345-6789-01" otherwise. */
export function productWords(ndc11: string, products: ReadonlyMap<string, Presentation>): string {
  const p = products.get(ndc11);
  if (p) return `${amountWords(new Decimal(p.amount.value), p.amount.unit)} container`;
  return /^\d{11}$/.test(ndc11) ? `NDC ${formatNdc(ndc11)}` : `NDC "${ndc11}"`;
}

/** "2 × 100 mg containers + 1 × 50 mg container". */
export function containersWords(
  rows: readonly { ndc11: string; count: number }[],
  products: ReadonlyMap<string, Presentation>,
): string {
  return rows
    .filter((r) => r.count > 0)
    .map((r) => {
      const what = productWords(r.ndc11, products);
      const plural = r.count > 1 && what.endsWith('container') ? 's' : '';
      return `${r.count} × ${what}${plural}`;
    })
    .join(' + ');
}

/** "Suggested: 2 × 100 mg containers, 50 mg discarded" (drug-wastage R-17). */
export function suggestionWords(
  s: WasteFigures,
  products: ReadonlyMap<string, Presentation>,
): string {
  return `Suggested: ${containersWords(s.containers, products)}, ${amountWords(s.leftOver, s.unit)} discarded`;
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** The amount discarded as typed, or why it cannot be read. */
function readAmount(text: string): Decimal | string {
  const t = text.trim();
  if (t === '') return 'Enter the amount discarded.';
  if (/^-/.test(t)) return 'The amount discarded cannot be negative.';
  if (!DECIMAL.test(t)) return `The amount discarded "${t}" is not a number.`;
  return new Decimal(t);
}

export interface WasteCheckInput {
  rows: readonly FormRow[];
  /** As typed; undefined = the amount left over (L − A), as the summary states it. */
  discardedText: string | undefined;
  figures: WasteFiguresResult;
  products: ReadonlyMap<string, Presentation>;
  /** The recorded dose, for a product whose content the drug data does not know. */
  dose: { value: Decimal; unit: string } | undefined;
}

function toSave(rows: readonly FormRow[], discarded: Decimal, unit: string): WasteToSave {
  return {
    containers: rows.filter((r) => r.count > 0).map((r) => ({ ndc: r.ndc11, count: r.count })),
    // A decimal text read as a JSON number: the same digits are written.
    discarded: { value: Number(discarded.toString()), unit },
  };
}

export function checkWaste(input: WasteCheckInput): WasteCheck {
  const { rows, discardedText, figures, products, dose } = input;
  const listed = rows.filter((r) => r.count > 0);
  const refusals: string[] = [];
  const confirm: string[] = [];
  for (const r of listed) {
    if (r.unreadable !== undefined) {
      refusals.push(
        `The NDC "${r.unreadable}" cannot be read. ${ndcProblem(r.unreadable) ?? ''} Set its count to 0 and add it again under "Other NDC".`.trim(),
      );
    }
  }
  const what = containersWords(listed, products);
  if (!figures.ok) {
    switch (figures.problem) {
      case 'no-containers':
        refusals.push('List the containers opened.');
        return { summary: undefined, refusals, confirm, save: undefined };
      case 'no-dose':
        refusals.push(
          'No dose is recorded for this administration, so the amount given is not known and the waste cannot be checked. Record the dose first.',
        );
        return { summary: undefined, refusals, confirm, save: undefined };
      case 'dose-unit':
        refusals.push(
          `The dose is recorded in "${figures.unit}", a unit that cannot be compared with the containers' content.`,
        );
        return { summary: undefined, refusals, confirm, save: undefined };
      case 'unknown-content': {
        if (!dose) {
          refusals.push('No dose is recorded for this administration. Record the dose first.');
          return { summary: undefined, refusals, confirm, save: undefined };
        }
        const typed = readAmount(discardedText ?? '');
        if (typeof typed === 'string') {
          refusals.push(typed);
          return { summary: undefined, refusals, confirm, save: undefined };
        }
        confirm.push(
          `The drug data does not say how much ${productWords(figures.ndc11, products)} holds, so the amount discarded cannot be checked against the containers.`,
        );
        const summary = `${what} (content not known): ${amountWords(dose.value, dose.unit)} given, ${amountWords(typed, dose.unit)} discarded`;
        const save = refusals.length === 0 ? toSave(rows, typed, dose.unit) : undefined;
        return { summary, refusals, confirm, save };
      }
    }
  }
  const f = figures.figures;
  const opened = amountWords(f.opened, f.unit);
  const given = amountWords(f.given, f.unit);
  if (f.leftOver.isNegative()) {
    refusals.push(`The containers listed hold ${opened}, less than the ${given} given.`);
    return { summary: `${what} (${opened}): ${given} given`, refusals, confirm, save: undefined };
  }
  const typed = discardedText === undefined ? f.leftOver : readAmount(discardedText);
  if (typeof typed === 'string') {
    refusals.push(typed);
    return { summary: `${what} (${opened}): ${given} given`, refusals, confirm, save: undefined };
  }
  const left = amountWords(f.leftOver, f.unit);
  if (typed.gt(f.leftOver)) {
    refusals.push(
      `${amountWords(typed, f.unit)} discarded is more than was left over: ${opened} opened − ${given} given = ${left}.`,
    );
  } else if (typed.lt(f.leftOver)) {
    confirm.push(
      `The containers leave ${left}, but ${amountWords(typed, f.unit)} is recorded as discarded: ${amountWords(f.leftOver.minus(typed), f.unit)} is not accounted for.`,
    );
  }
  const summary = `${what} (${opened}): ${given} given, ${amountWords(typed, f.unit)} discarded`;
  const save = refusals.length === 0 ? toSave(rows, typed, f.unit) : undefined;
  return { summary, refusals, confirm, save };
}
