// CMS "HCPCS dosage" text → a billing unit in UCUM ('10 MG' → 10 mg, '25 MCG' → 25 ug,
// '250 CC' → 250 mL, 'UP TO 50 MG' → 50 mg with upTo, '10 UNITS' → 10 [iU], '2 MEQ' → 2 meq).
import type { DecimalQuantity } from './types.ts';

const UNIT_MAP: Record<string, string> = {
  MG: 'mg',
  GM: 'g',
  G: 'g',
  MCG: 'ug',
  UG: 'ug',
  ML: 'mL',
  CC: 'mL',
  UNIT: '[iU]',
  UNITS: '[iU]',
  IU: '[iU]',
  MEQ: 'meq',
};

export interface ParsedDosage {
  billingUnit: DecimalQuantity;
  upTo: boolean;
}

export function parseDosage(text: string): ParsedDosage | undefined {
  // A trailing note names the moiety: '10 MG (rituximab)', '300 MCG (1500 IU)'.
  const plain = text.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const m = /^(UP TO\s+)?(\d[\d,]*(?:\.\d+)?)\s*([A-Z]+)$/i.exec(plain);
  if (!m) return undefined;
  const [, upTo, amount = '', unitRaw = ''] = m;
  const unit = UNIT_MAP[unitRaw.toUpperCase()];
  if (!unit) return undefined;
  return { billingUnit: { value: amount.replace(/,/g, ''), unit }, upTo: Boolean(upTo) };
}

/** "25 mg/mL" → { value: '25', unit: 'mg' } (amount per 1 mL); approximate text → undefined. */
export function parseConcentration(text: string | null | undefined): DecimalQuantity | undefined {
  if (!text) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(mg|mcg|g|units)\s*\/\s*mL$/i.exec(text.trim());
  if (!m) return undefined;
  const [, value = '', unitRaw = ''] = m;
  const unit = UNIT_MAP[unitRaw.toUpperCase()];
  return unit ? { value, unit } : undefined;
}
