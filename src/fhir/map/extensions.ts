// Reading extensions by URL (contract §2.7 project extensions and the core research link).
import type { ContainerOpened, DecimalQuantity } from '../../engine/index.ts';
import { CONTAINER_COUNT, CONTAINER_PRODUCT } from '../extensions.ts';
import type { Extension } from '../schemas/common.ts';
import type { NdcKnown } from '../../reference/ndc.ts';
import { decimalQuantity, ndcOf } from './codes.ts';

/** True only for an explicit `valueBoolean: true`. */
export function flag(list: readonly Extension[] | undefined, url: string): boolean {
  if (list) for (const e of list) if (e.url === url && e.valueBoolean === true) return true;
  return false;
}

export function codeValue(list: readonly Extension[] | undefined, url: string): string | undefined {
  if (list)
    for (const e of list) if (e.url === url && e.valueCode !== undefined) return e.valueCode;
  return undefined;
}

export function referenceValue(
  list: readonly Extension[] | undefined,
  url: string,
): string | undefined {
  if (list)
    for (const e of list)
      if (e.url === url && e.valueReference?.reference) return e.valueReference.reference;
  return undefined;
}

export function quantityValue(
  list: readonly Extension[] | undefined,
  url: string,
): DecimalQuantity | undefined {
  if (!list) return undefined;
  for (const e of list) {
    if (e.url !== url) continue;
    const q = decimalQuantity(e.valueQuantity);
    if (q) return q;
  }
  return undefined;
}

function subValue(sub: readonly Extension[] | undefined, url: string): Extension | undefined {
  if (sub) for (const s of sub) if (s.url === url) return s;
  return undefined;
}

/** `container` (repeating): sub-extensions `product` (an NDC) and `count`. */
export function containersValue(
  list: readonly Extension[] | undefined,
  url: string,
  known?: NdcKnown,
): ContainerOpened[] | undefined {
  if (!list) return undefined;
  let out: ContainerOpened[] | undefined;
  for (const e of list) {
    if (e.url !== url) continue;
    const product = subValue(e.extension, CONTAINER_PRODUCT)?.valueCodeableConcept;
    const count = subValue(e.extension, CONTAINER_COUNT)?.valuePositiveInt;
    const ndc11 = ndcOf(product, known);
    if (ndc11 && count !== undefined) {
      const prev = out?.find((c) => c.ndc11 === ndc11);
      if (prev) prev.count += count;
      else (out ??= []).push({ ndc11, count });
    }
  }
  return out;
}
