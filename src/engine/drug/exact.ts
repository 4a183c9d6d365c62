// Exact decimal arithmetic of the drug lines (drug-wastage ), memoised by operand
// instances for one run. decimal.js instances are immutable, every operation (even a comparison)
// allocates, and a clinic gives the same doses, vial sizes and unit factors on every visit: once
// `dec()` and `valueIn()` hand out shared instances, each result below is computed once per
// operand pair. The answers are decimal.js's own (computed by the same call on a miss).
// The tables belong to one `Exact`, which the caller creates per run (engine/run-memo.ts): nothing
// here outlives the run. Bounded: every table is dropped after LIMIT entries.
import Decimal from 'decimal.js';
import type { DecimalQuantity } from '../types.ts';

const LIMIT = 16_384;
const DEC_LIMIT = 65_536;

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

/** Exact arithmetic of one run: decimal.js's answers, each computed once per operand pair. */
export class Exact {
  private tables = fresh();
  private entries = 0;
  /** Decimals by their exact text: the same billing units and doses recur (immutable instances). */
  private readonly decs = new Map<string, Decimal>();

  /** Counts one new entry; false (and everything dropped) when the tables are full. */
  private room(): boolean {
    if (++this.entries <= LIMIT) return true;
    this.tables = fresh();
    this.entries = 0;
    return false;
  }

  private pair<R>(t: Pairs<R>, x: Decimal, y: Decimal, f: (x: Decimal, y: Decimal) => R): R {
    let m = t.get(x);
    const hit = m?.get(y);
    if (hit !== undefined) return hit;
    const r = f(x, y);
    if (!this.room()) return r;
    if (!m) {
      m = new Map();
      t.set(x, m);
    }
    m.set(y, r);
    return r;
  }

  private one<R>(t: WeakMap<Decimal, R>, x: Decimal, f: (x: Decimal) => R): R {
    const hit = t.get(x);
    if (hit !== undefined) return hit;
    const r = f(x);
    if (this.room()) t.set(x, r);
    return r;
  }

  /** The decimal of a quantity's exact text (shared instances); an invalid text throws. */
  dec(q: DecimalQuantity | string): Decimal {
    const text = typeof q === 'string' ? q : q.value;
    if (typeof text !== 'string') return new Decimal(text);
    const hit = this.decs.get(text);
    if (hit !== undefined) return hit;
    const d = new Decimal(text); // an invalid text throws as before and is not kept
    if (this.decs.size >= DEC_LIMIT) this.decs.clear();
    this.decs.set(text, d);
    return d;
  }

  /** x × y, exactly as `x.mul(y)`. */
  times(x: Decimal, y: Decimal): Decimal {
    return this.pair(this.tables.times, x, y, mul);
  }

  /** x ÷ y, exactly as `x.div(y)`. */
  over(x: Decimal, y: Decimal): Decimal {
    return this.pair(this.tables.div, x, y, quo);
  }

  /** x − y, exactly as `x.minus(y)`. */
  minus(x: Decimal, y: Decimal): Decimal {
    return this.pair(this.tables.minus, x, y, sub);
  }

  /** x + y, exactly as `x.plus(y)`. */
  plus(x: Decimal, y: Decimal): Decimal {
    return this.pair(this.tables.plus, x, y, add);
  }

  /** `x.cmp(y)`: -1, 0, 1, or NaN when either is NaN. */
  cmp(x: Decimal, y: Decimal): number {
    return this.pair(this.tables.cmp, x, y, compare);
  }

  /** `x.gt(y)` */
  gt(x: Decimal, y: Decimal): boolean {
    return this.cmp(x, y) > 0;
  }

  /** `x.gte(y)` */
  gte(x: Decimal, y: Decimal): boolean {
    const k = this.cmp(x, y);
    return k === 1 || k === 0;
  }

  /** `x.lte(y)` */
  lte(x: Decimal, y: Decimal): boolean {
    return this.cmp(x, y) < 1;
  }

  /** `x.eq(y)` */
  eq(x: Decimal, y: Decimal): boolean {
    return this.cmp(x, y) === 0;
  }

  /** `x.div(y).floor().toNumber()` */
  floorDiv(x: Decimal, y: Decimal): number {
    return this.pair(this.tables.floorDiv, x, y, floorQuo);
  }

  /** `x.div(y).ceil().toNumber()` */
  ceilDiv(x: Decimal, y: Decimal): number {
    return this.pair(this.tables.ceilDiv, x, y, ceilQuo);
  }

  /** `x.toDecimalPlaces(4).toString()`: the number people see. */
  shownText(x: Decimal): string {
    return this.one(this.tables.shown, x, showText);
  }

  /** `x.toString()` */
  textOf(x: Decimal): string {
    return this.one(this.tables.text, x, plainText);
  }

  /** `x.toDecimalPlaces(3, ROUND_HALF_UP).toNumber()`: an NDC quantity on the claim. */
  rounded3(x: Decimal): number {
    return this.one(this.tables.rounded3, x, round3);
  }

  /** `${shownText(x)} ${unit}` for people (µg as mcg, [iU] as units), built once per pair. */
  shownWithUnit(x: Decimal, unit: string): string {
    let m = this.tables.withUnit.get(x);
    const hit = m?.get(unit);
    if (hit !== undefined) return hit;
    const u = unit === 'ug' ? 'mcg' : unit === '[iU]' ? 'units' : unit;
    const text = `${this.shownText(x)} ${u}`;
    if (!this.room()) return text;
    if (!m) {
      m = new Map();
      this.tables.withUnit.set(x, m);
    }
    m.set(unit, text);
    return text;
  }
}

/** Container counts 1…COUNTS as shared decimals, made once (a frozen table, never written). */
const COUNTS = 1024;
const COUNT_DECS: readonly Decimal[] = Object.freeze(
  Array.from({ length: COUNTS + 1 }, (_, n) => new Decimal(n)),
);

/** A container count as a decimal: shared for positive whole counts up to COUNTS, else new. */
export function countDec(n: number): Decimal {
  if (Number.isInteger(n) && n > 0 && n <= COUNTS) return COUNT_DECS[n] ?? new Decimal(n);
  return new Decimal(n);
}
