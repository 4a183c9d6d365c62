// Exact unit conversion for drug amounts (drug-wastage ): decimal.js, never binary
// floats. Common UCUM units are known here; others are asked of the injected converter
// (ReferenceData.unitFactor, backed by a maintained UCUM implementation).
import Decimal from 'decimal.js';
import type { DecimalQuantity, ReferenceData } from '../types.ts';
import { ONE, type Exact } from './exact.ts';

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

/**
 * The table's exact factor for every pair of units of one dimension, computed once when the
 * module loads (a frozen constant: the table never changes).
 */
const TABLE_FACTORS: Readonly<Record<string, Decimal>> = (() => {
  const out: Record<string, Decimal> = {};
  for (const [from, a] of Object.entries(UNITS)) {
    for (const [to, b] of Object.entries(UNITS)) {
      if (a[0] === b[0]) out[`${from}|${to}`] = new Decimal(a[1]).div(b[1]);
    }
  }
  return Object.freeze(out);
})();

/**
 * Factor to multiply an amount in `from` by to express it in `to`; undefined when unknown.
 * `x` is the run's exact arithmetic (shared decimals); without one, a new decimal.
 */
export function unitFactor(
  from: string,
  to: string,
  ref?: ReferenceData,
  x?: Exact,
): Decimal | undefined {
  if (from === to) return ONE;
  // The injected UCUM factor first (exact decimal string), then the table of common units.
  const injected = ref?.unitFactor?.(from, to);
  if (injected !== undefined) return x ? x.dec(injected) : new Decimal(injected);
  if (!Object.prototype.hasOwnProperty.call(UNITS, from)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(UNITS, to)) return undefined;
  return TABLE_FACTORS[`${from}|${to}`];
}

/** The quantity's value expressed in `unit`, exactly; undefined when not convertible. */
export function valueIn(
  x: Exact,
  q: DecimalQuantity,
  unit: string,
  ref?: ReferenceData,
): Decimal | undefined {
  const f = unitFactor(q.unit, unit, ref, x);
  return f === undefined ? undefined : x.times(x.dec(q), f);
}

/** Plain number for the report, rounded half-up to `places` decimals. */
export function toNumber(d: Decimal, places: number): number {
  return d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
}

export function quantity(x: Exact, d: Decimal, unit: string): DecimalQuantity {
  return { value: x.textOf(d), unit };
}
