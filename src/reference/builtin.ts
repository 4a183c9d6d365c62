// Built-in reference data (drug catalog + CMS tables bundled at build time).
// STUB: replaced by the real catalog and CMS-derived tables.
import type { ReferenceData } from './types.ts';

export function builtinReference(): ReferenceData {
  return {
    productByNdc: () => undefined,
    presentationsForHcpcs: () => [],
    hcpcs: () => undefined,
    hcpcsKnown: () => false,
    hcpcsForNdc: () => [],
    hcpcsForRxnorm: () => undefined,
    categoryByRxnorm: () => undefined,
    paymentLimit: () => undefined,
    oppsStatusIndicator: () => undefined,
    mue: () => undefined,
  };
}
