// Plain-words formatting for the coder screen.
import type { DecimalQuantity } from '../../engine/index.ts';

/** Dollars rounded to the cent. */
export function roundCents(n: number): number {
  return Math.round(n * 100) / 100;
}

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(value: number | undefined): string {
  return value === undefined ? 'price unknown' : USD.format(value);
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
