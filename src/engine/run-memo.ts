// What one run of the engine remembers (issue 18): the tables that spare it recomputing the same
// answer for the same drug, dose or vial sizes on every visit. The caller owns the run: it makes
// one memo per analysis or audit run (`createRunMemo`) and hands it in with the context; the
// rules receive it through the encounter's scope and keep no state of their own (no module-level
// cache anywhere in the engine; test/architecture.test.ts checks). Every table is pure in its
// keys and bounded, so sharing one memo over many patients of a run changes no answer.
import { CategoryMemo } from './category.ts';
import { Exact } from './drug/exact.ts';
import { LeastWasteMemo, type VialSize } from './drug/vials.ts';
import type { EngineContext, ReferenceData } from './types.ts';

/** Marketed vial sizes per input values: a tree of maps, one level per input. */
export interface SizesNode {
  next: Map<unknown, SizesNode>;
  sizes?: readonly VialSize[];
}

export interface RunMemo {
  /** Exact decimal arithmetic, memoised by operand instances (drug/exact.ts). */
  readonly exact: Exact;
  /** Category per distinct drug and date (category.ts). */
  readonly category: CategoryMemo;
  /** Least-waste combinations per dose and sizes (drug/vials.ts, R-17). */
  readonly leastWaste: LeastWasteMemo;
  /** Marketed vial sizes per reference data and inputs (drug/containers.ts). */
  readonly sizes: WeakMap<ReferenceData, { root: SizesNode; count: number }>;
  /** A lone quantity's exact sum text (0 + value) by its value text (drug/prepare.ts). */
  readonly sums: Map<string, string>;
}

export function createRunMemo(): RunMemo {
  return {
    exact: new Exact(),
    category: new CategoryMemo(),
    leastWaste: new LeastWasteMemo(),
    sizes: new WeakMap(),
    sums: new Map(),
  };
}

/** The context every rule sees: the caller's configuration and reference data, and the run's memo. */
export interface RunContext extends EngineContext {
  readonly memo: RunMemo;
}

/** The caller's context with its run memo, or a new memo for this call when it brought none. */
export function runContext(ctx: EngineContext & { memo?: RunMemo }): RunContext {
  return ctx.memo ? (ctx as RunContext) : { ...ctx, memo: createRunMemo() };
}
