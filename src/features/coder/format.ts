// Plain-words formatting for the coder screen.
import type { DecimalQuantity, DerivedLine, DrugIdentification } from '../../engine/index.ts';

/** Dollars rounded to the cent. */
export function roundCents(n: number): number {
  return Math.round(n * 100) / 100;
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(value: number | undefined): string {
  return value === undefined ? 'price unknown' : USD.format(value);
}

/** Exact cents text ('1234.50') as dollars ('$1,234.50'); display only. */
export function centsText(cents: string): string {
  return USD.format(Number(cents));
}

/**
 * A line's price in words: drug lines by the ASP payment limit, administration lines by the OPPS
 * rate or the practice fee schedule (billing-rules PR-1–PR-4); never a guessed price.
 */
export function linePriceText(line: DerivedLine): string {
  if (line.kind === 'drug') return money(line.amount);
  const p = line.evidence.price;
  if (!p || p.status === 'not-configured') return 'price not configured';
  if (p.status === 'packaged') return 'packaged: no separate payment';
  if (p.status === 'no-rate') return `no OPPS payment rate (status ${p.si})`;
  return centsText(p.total);
}

/** +$12.50 / −$3.00 / $0.00 */
export function signedMoney(value: number | undefined): string {
  if (value === undefined) return 'amount unknown';
  if (value === 0) return USD.format(0);
  return `${value > 0 ? '+' : '−'}${USD.format(Math.abs(value))}`;
}

export function modifiersText(modifiers: readonly string[]): string {
  return modifiers.length === 0 ? 'no modifiers' : modifiers.join(', ');
}

export function quantityText(q: DecimalQuantity | undefined): string | undefined {
  return q ? `${q.value} ${q.unit}` : undefined;
}

/** 'MedicationAdministration/a1' → 'administration a1' */
export function sourceText(ref: string): string {
  const [type, id] = ref.split('/');
  const names: Record<string, string> = {
    MedicationAdministration: 'administration',
    Claim: 'claim',
    Encounter: 'visit',
    Coverage: 'coverage',
    ClaimResponse: 'authorization',
    ResearchSubject: 'study enrollment',
    ResearchStudy: 'study',
    MedicationRequest: 'order',
  };
  return `${(type && names[type]) ?? type ?? ref} ${id ?? ''}`.trim();
}

/** A line's DOM id, for links from warnings and the claim comparison. */
export function lineDomId(key: string): string {
  return `line-${key.replace(/[^A-Za-z0-9-]/g, '_')}`;
}

/** Splits "JW, Q1 59" into ['JW', 'Q1', '59']. */
export function parseModifiers(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((m) => m.trim().toUpperCase())
        .filter((m) => m !== ''),
    ),
  ];
}

/** '00409018101' → '00409-0181-01' (the normalised 5-4-2 form, drug-wastage R-29). */
export function ndcText(ndc11: string): string {
  return /^\d{11}$/.test(ndc11)
    ? `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`
    : ndc11;
}

/**
 * How the drug was identified (contract §2.2), in words: "NDC 00409-0181-01",
 * "RxNorm 56946 (paclitaxel)", "RxNorm name “…”", "name “CISplatin IV infusion” (cisplatin)".
 */
export function identityText(id: DrugIdentification): string {
  const name = id.display ?? id.ingredient;
  const paren = (s: string | undefined): string => (s ? ` (${s})` : '');
  switch (id.by) {
    case 'ndc':
      return `NDC ${id.value ? ndcText(id.value) : '(not kept)'}`;
    case 'hcpcs':
      return `the HCPCS code on the record${id.value ? `, ${id.value}` : ''}`;
    case 'rxnorm':
      return `RxNorm ${id.value ?? ''}`.trim() + paren(name);
    case 'rxnorm-name':
      return `RxNorm name${id.value ? ` “${id.value}”` : ''}` + paren(id.ingredient);
    case 'text':
      return `name${id.value ? ` “${id.value}”` : ''}` + paren(id.ingredient);
  }
}
