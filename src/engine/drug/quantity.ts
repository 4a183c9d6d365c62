// Exact unit conversion for drug amounts (drug-wastage ): decimal.js, never binary
// floats. Common UCUM units are known here; others are asked of the injected converter
// (ReferenceData.unitFactor, backed by a maintained UCUM implementation).
import Decimal from 'decimal.js';
import type { DecimalQuantity, ReferenceData } from '../types.ts';
import { ONE, textOf, times } from './exact.ts';

type Dimension = 'mass' | 'volume' | 'activity' | 'equivalents';

/** unit → [dimension, factor to the dimension's base unit (mg, mL, [iU], meq)]. */
const UNITS: Record<string, [Dimension, string]> = {
  kg: ['mass', '1000000'],
  g: ['mass', '1000'],
  mg: ['mass', '1'],
  ug: ['mass', '0.001'],
  mcg: ['mass', '0.001'],
  µg: ['mass', '0.001'],
  ng: ['mass', '0.000001'],
  L: ['volume', '1000'],
  l: ['volume', '1000'],
  dL: ['volume', '100'],
  mL: ['volume', '1'],
  ml: ['volume', '1'],
  cc: ['volume', '1'],
  cm3: ['volume', '1'],
  '[iU]': ['activity', '1'],
  '[IU]': ['activity', '1'],
  IU: ['activity', '1'],
  U: ['activity', '1'],
  '[U]': ['activity', '1'],
  "[USP'U]": ['activity', '1'],
  '{unit}': ['activity', '1'],
  '{units}': ['activity', '1'],
  unit: ['activity', '1'],
  units: ['activity', '1'],
  meq: ['equivalents', '1'],
  mEq: ['equivalents', '1'],
  'meq{}': ['equivalents', '1'],
};

/** Every unit code the table knows (tests compare the table with UCUM). */
export const KNOWN_UNITS: readonly string[] = Object.keys(UNITS);

export function dimensionOf(unit: string): Dimension | undefined {
  return UNITS[unit]?.[0];
}

export function isVolume(unit: string): boolean {
  return dimensionOf(unit) === 'volume';
}

/** Decimals by their exact text: the same billing units and doses recur (instances are immutable). */
const decByText = new Map<string, Decimal>();
const DEC_LIMIT = 65_536;

export function dec(q: DecimalQuantity | string): Decimal {
  const text = typeof q === 'string' ? q : q.value;
  if (typeof text !== 'string') return new Decimal(text);
  const hit = decByText.get(text);
  if (hit !== undefined) return hit;
  const d = new Decimal(text); // an invalid text throws as before and is not cached
  if (decByText.size >= DEC_LIMIT) decByText.clear();
  decByText.set(text, d);
  return d;
}

/** Factor to multiply an amount in `from` by to express it in `to`; undefined when unknown. */
export function unitFactor(from: string, to: string, ref?: ReferenceData): Decimal | undefined {
  if (from === to) return ONE;
  // The injected UCUM factor first (exact decimal string), then the table of common units.
  const injected = ref?.unitFactor?.(from, to);
  if (injected !== undefined) return dec(injected);
  const a = UNITS[from];
  const b = UNITS[to];
  if (!a || !b || a[0] !== b[0]) return undefined;
  // The table is constant: each pair's exact factor once (immutable instances).
  const key = `${from}|${to}`;
  const hit = tableFactors.get(key);
  if (hit !== undefined) return hit;
  const f = new Decimal(a[1]).div(b[1]);
  tableFactors.set(key, f); // bounded by the table's size squared
  return f;
}

const tableFactors = new Map<string, Decimal>();

/** The quantity's value expressed in `unit`, exactly; undefined when not convertible. */
export function valueIn(
  q: DecimalQuantity,
  unit: string,
  ref?: ReferenceData,
): Decimal | undefined {
  const f = unitFactor(q.unit, unit, ref);
  return f === undefined ? undefined : times(dec(q), f);
}

/** Plain number for the report, rounded half-up to `places` decimals. */
export function toNumber(d: Decimal, places: number): number {
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

export function quantity(d: Decimal, unit: string): DecimalQuantity {
  return { value: textOf(d), unit };
}
