// Scaled integers (issue 18): a decimal as a whole count of 10^-k of its unit, k fixed per
// computation. Sums, differences, products by whole counts and comparisons of such counts are
// exact in binary floating point while every count stays at or below 2^52, so the inner loops
// of the least-waste search (drug-wastage R-17) and of payment amounts (R-01, PR-1–PR-4) run on
// plain numbers and meet decimal.js only where a result leaves them. A value that does not fit
// (too many digits, an exponent, a sign) gives undefined and the caller keeps decimal.js: the
// answer is the same either way (property-tested against decimal.js in scaled.test.ts).
import type Decimal from 'decimal.js';

/** value = n / 10^k, with n a whole number, 0 ≤ n ≤ LIMIT. */
export interface Scaled {
  readonly n: number;
  readonly k: number;
}

/** Largest count kept: sums of two and products checked against it stay exactly representable. */
export const LIMIT = 2 ** 52;

/** Powers of ten that are exact doubles (10^0 … 10^22). */
const POW10: readonly number[] = Object.freeze(Array.from({ length: 23 }, (_, i) => 10 ** i));

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/** A plain non-negative decimal text ('12', '0.125', '250.0') as a scaled count; else undefined. */
export function scaledOfText(text: string): Scaled | undefined {
  const m = PLAIN.exec(text);
  if (!m) return undefined;
  const whole = m[1] ?? '';
  const frac = m[2] ?? '';
  if (frac.length > 22) return undefined;
  const n = Number(whole + frac);
  if (!Number.isSafeInteger(n) || n > LIMIT) return undefined;
  return { n, k: frac.length };
}

/** A finite non-negative decimal.js value as a scaled count; else undefined. */
export function scaledOf(d: Decimal): Scaled | undefined {
  if (!d.isFinite() || d.isNegative()) return undefined;
  // decimal.js's plain notation: no exponent, its exact digits (a count too large fails above).
  return scaledOfText(d.toFixed());
}

/** `s` expressed in 10^-k (k ≥ s.k); undefined when the count would pass LIMIT. */
export function atScale(s: Scaled, k: number): number | undefined {
  if (k === s.k) return s.n;
  const f = POW10[k - s.k];
  if (f === undefined) return undefined;
  const n = s.n * f;
  return n <= LIMIT ? n : undefined;
}

/** n / 10^k in plain notation without trailing zeros: decimal.js's `toFixed()` of the value. */
export function scaledText(n: number, k: number): string {
  if (n === 0) return '0';
  let digits = String(n);
  let scale = k;
  while (scale > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale--;
  }
  if (scale === 0) return digits;
  const pad = digits.length <= scale ? '0'.repeat(scale - digits.length + 1) + digits : digits;
  return `${pad.slice(0, pad.length - scale)}.${pad.slice(pad.length - scale)}`;
}

/** ⌈a / b⌉ for whole a ≥ 0, b > 0, both ≤ LIMIT: exact (no rounding of the quotient). */
export function ceilQuotient(a: number, b: number): number {
  let q = Math.floor(a / b);
  // The float quotient may be off by one either way: correct it with exact products.
  while (q > 0 && q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q * b === a ? q : q + 1;
}

/**
 * Whole cents of `text` × `units`, rounded half up (as decimal.js ROUND_HALF_UP to 2 places),
 * for a plain non-negative `text` and a whole `units` ≥ 0; undefined when not exactly
 * computable here (the caller then uses decimal.js).
 */
export function centsOf(text: string, units: number): number | undefined {
  const s = scaledOfText(text);
  if (!s || !Number.isSafeInteger(units) || units < 0) return undefined;
  const p = s.n * units;
  if (p > LIMIT) return undefined;
  if (s.k <= 2) {
    const c = p * (POW10[2 - s.k] as number);
    return c <= LIMIT ? c : undefined;
  }
  const d = POW10[s.k - 2];
  if (d === undefined) return undefined;
  const q = Math.floor(p / d);
  // q * d ≤ p ≤ LIMIT: exact; the float quotient is corrected as in ceilQuotient.
  let whole = q;
  while (whole > 0 && whole * d > p) whole--;
  while ((whole + 1) * d <= p) whole++;
  const rest = p - whole * d;
  return rest * 2 >= d ? whole + 1 : whole;
}

/** '331.69' for 33169 cents: decimal.js's `toFixed(2)` of the same value. */
export function centsText(cents: number): string {
  const whole = Math.floor(cents / 100);
  const part = cents - whole * 100;
  return `${whole}.${part < 10 ? '0' : ''}${part}`;
}
