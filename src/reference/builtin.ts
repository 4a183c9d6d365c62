// Built-in reference data: the drug catalog, supportive drugs, fluids and flushes, with the CMS
// crosswalk, payment-limit, MUE and Addendum B rows the product needs (`npm run reference:build`
// writes data/*.json). The browser loads this module lazily: `await import('…/builtin.ts')`.
import { createReference } from './create-reference.ts';
import cmsData from './data/cms.json';
import crosswalkData from './data/crosswalk.json';
import drugData from './data/drugs.json';
import identityData from './data/identity.json';
import { unpackMappings, type PackedMappings, type ReferenceTables } from './tables.ts';
import type { ReferenceData } from './types.ts';

let cached: ReferenceData | undefined;

/** The tables behind the built-in reference data (plain JSON, already checked at build time). */
export function builtinTables(): ReferenceTables {
  return {
    ...drugData,
    ndcHcpcs: unpackMappings(crosswalkData as PackedMappings),
    ...cmsData,
    identity: identityData,
  } as unknown as ReferenceTables;
}

export function builtinReference(): ReferenceData {
  cached ??= createReference(builtinTables());
  return cached;
}
