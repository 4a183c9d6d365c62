// Reading extensions by URL (contract §2.7 project extensions and the core research link).
import type { ContainerOpened, DecimalQuantity } from '../../engine/index.ts';
import { CONTAINER_COUNT, CONTAINER_PRODUCT } from '../extensions.ts';
import type { Extension } from '../schemas/common.ts';
import { decimalQuantity, ndcOf, type NdcKnown } from './codes.ts';

export function extensionsOf(list: readonly Extension[] | undefined, url: string): Extension[] {
  return (list ?? []).filter((e) => e.url === url);
}

/** True only for an explicit `valueBoolean: true`. */
export function flag(list: readonly Extension[] | undefined, url: string): boolean {
  return extensionsOf(list, url).some((e) => e.valueBoolean === true);
}

export function codeValue(list: readonly Extension[] | undefined, url: string): string | undefined {
  return extensionsOf(list, url).find((e) => e.valueCode !== undefined)?.valueCode;
}

export function referenceValue(
  list: readonly Extension[] | undefined,
  url: string,
): string | undefined {
  return extensionsOf(list, url).find((e) => e.valueReference?.reference)?.valueReference
    ?.reference;
}

export function quantityValue(
  list: readonly Extension[] | undefined,
  url: string,
): DecimalQuantity | undefined {
  for (const e of extensionsOf(list, url)) {
    const q = decimalQuantity(e.valueQuantity);
    if (q) return q;
  }
  return undefined;
}

/** `container` (repeating): sub-extensions `product` (an NDC) and `count`. */
export function containersValue(
  list: readonly Extension[] | undefined,
  url: string,
  known?: NdcKnown,
): ContainerOpened[] | undefined {
  const found = extensionsOf(list, url);
  if (found.length === 0) return undefined;
  const out: ContainerOpened[] = [];
  for (const e of found) {
    const sub = e.extension ?? [];
    const product = sub.find((s) => s.url === CONTAINER_PRODUCT)?.valueCodeableConcept;
    const count = sub.find((s) => s.url === CONTAINER_COUNT)?.valuePositiveInt;
    const ndc11 = ndcOf(product, known);
    if (ndc11 && count !== undefined) {
      const prev = out.find((c) => c.ndc11 === ndc11);
      if (prev) prev.count += count;
      else out.push({ ndc11, count });
    }
  }
  return out.length > 0 ? out : undefined;
}
