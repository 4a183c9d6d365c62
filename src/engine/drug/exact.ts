// Exact decimal arithmetic of the drug lines, memoised by operand instances. decimal.js instances
// are immutable, every operation (even a comparison) allocates, and a clinic gives the same doses,
// vial sizes and unit factors on every visit: once `dec()` and `valueIn()` hand out shared
// instances, each result below is computed once per operand pair. The answers are decimal.js's
// own (computed by the same call on a miss). Bounded: every table is dropped after LIMIT entries.
import Decimal from 'decimal.js';

const LIMIT = 16_384;

type Pairs<R> = WeakMap<Decimal, Map<Decimal, R>>;

interface Tables {
  times: Pairs<Decimal>;
  div: Pairs<Decimal>;
  minus: Pairs<Decimal>;
  plus: Pairs<Decimal>;
  cmp: Pairs<number>;
  floorDiv: Pairs<number>;
  ceilDiv: Pairs<number>;
  shown: WeakMap<Decimal, string>;
  text: WeakMap<Decimal, string>;
  rounded3: WeakMap<Decimal, number>;
  withUnit: WeakMap<Decimal, Map<string, string>>;
}

function fresh(): Tables {
  return {
    times: new WeakMap(),
    div: new WeakMap(),
    minus: new WeakMap(),
    plus: new WeakMap(),
    cmp: new WeakMap(),
    floorDiv: new WeakMap(),
    ceilDiv: new WeakMap(),
    shown: new WeakMap(),
    text: new WeakMap(),
    rounded3: new WeakMap(),
    withUnit: new WeakMap(),
  };
}

let tables = fresh();
let entries = 0;

/** Counts one new entry; false (and everything dropped) when the tables are full. */
function room(): boolean {
  if (++entries <= LIMIT) return true;
  tables = fresh();
  entries = 0;
  return false;
}

function pair<R>(t: Pairs<R>, x: Decimal, y: Decimal, f: (x: Decimal, y: Decimal) => R): R {
  let m = t.get(x);
  const hit = m?.get(y);
  if (hit !== undefined) return hit;
  const r = f(x, y);
  if (!room()) return r;
  if (!m) {
    m = new Map();
    t.set(x, m);
  }
  m.set(y, r);
  return r;
}

function one<R>(t: WeakMap<Decimal, R>, x: Decimal, f: (x: Decimal) => R): R {
  const hit = t.get(x);
  if (hit !== undefined) return hit;
  const r = f(x);
  if (room()) t.set(x, r);
  return r;
}

const mul = (x: Decimal, y: Decimal): Decimal => x.mul(y);
const quo = (x: Decimal, y: Decimal): Decimal => x.div(y);
const sub = (x: Decimal, y: Decimal): Decimal => x.minus(y);
const add = (x: Decimal, y: Decimal): Decimal => x.plus(y);
const compare = (x: Decimal, y: Decimal): number => x.cmp(y);
const floorQuo = (x: Decimal, y: Decimal): number => x.div(y).floor().toNumber();
const ceilQuo = (x: Decimal, y: Decimal): number => x.div(y).ceil().toNumber();
const showText = (x: Decimal): string => x.toDecimalPlaces(4).toString();
const plainText = (x: Decimal): string => x.toString();
const round3 = (x: Decimal): number => x.toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toNumber();

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** x × y, exactly as `x.mul(y)`. */
export function times(x: Decimal, y: Decimal): Decimal {
  return pair(tables.times, x, y, mul);
}

/** x ÷ y, exactly as `x.div(y)`. */
export function over(x: Decimal, y: Decimal): Decimal {
  return pair(tables.div, x, y, quo);
}

/** x − y, exactly as `x.minus(y)`. */
export function minus(x: Decimal, y: Decimal): Decimal {
  return pair(tables.minus, x, y, sub);
}

/** x + y, exactly as `x.plus(y)`. */
export function plus(x: Decimal, y: Decimal): Decimal {
  return pair(tables.plus, x, y, add);
}

/** `x.cmp(y)`: -1, 0, 1, or NaN when either is NaN. */
export function cmp(x: Decimal, y: Decimal): number {
  return pair(tables.cmp, x, y, compare);
}

/** `x.gt(y)` */
export function gt(x: Decimal, y: Decimal): boolean {
  return cmp(x, y) > 0;
}

/** `x.gte(y)` */
export function gte(x: Decimal, y: Decimal): boolean {
  const k = cmp(x, y);
  return k === 1 || k === 0;
}

/** `x.lte(y)` */
export function lte(x: Decimal, y: Decimal): boolean {
  return cmp(x, y) < 1;
}

/** `x.eq(y)` */
export function eq(x: Decimal, y: Decimal): boolean {
  return cmp(x, y) === 0;
}

/** `x.div(y).floor().toNumber()` */
export function floorDiv(x: Decimal, y: Decimal): number {
  return pair(tables.floorDiv, x, y, floorQuo);
}

/** `x.div(y).ceil().toNumber()` */
export function ceilDiv(x: Decimal, y: Decimal): number {
  return pair(tables.ceilDiv, x, y, ceilQuo);
}

/** `x.toDecimalPlaces(4).toString()`: the number people see. */
export function shownText(x: Decimal): string {
  return one(tables.shown, x, showText);
}

/** `x.toString()` */
export function textOf(x: Decimal): string {
  return one(tables.text, x, plainText);
}

/** `x.toDecimalPlaces(3, ROUND_HALF_UP).toNumber()`: an NDC quantity on the claim. */
export function rounded3(x: Decimal): number {
  return one(tables.rounded3, x, round3);
}

/** `${shownText(x)} ${unit}` for people (µg as mcg, [iU] as units), built once per pair. */
export function shownWithUnit(x: Decimal, unit: string): string {
  let m = tables.withUnit.get(x);
  const hit = m?.get(unit);
  if (hit !== undefined) return hit;
  const u = unit === 'ug' ? 'mcg' : unit === '[iU]' ? 'units' : unit;
  const text = `${shownText(x)} ${u}`;
  if (!room()) return text;
  if (!m) {
    m = new Map();
    tables.withUnit.set(x, m);
  }
  m.set(unit, text);
  return text;
}

/** Positive whole counts as shared decimals (a container count); others as new ones. */
const counts = new Map<number, Decimal>();

export function countDec(n: number): Decimal {
  if (!Number.isSafeInteger(n) || n <= 0 || n > LIMIT) return new Decimal(n);
  let d = counts.get(n);
  if (!d) {
    d = new Decimal(n);
    counts.set(n, d);
  }
  return d;
}
