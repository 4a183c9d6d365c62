// The state one patient's mapping works with: the reference index, the zod parse cache and
// the input issues found so far.
import type { InputIssue } from '../../engine/index.ts';
import type { IndexedResource, ResourceIndex } from '../references.ts';
import {
  acceptedAsIs,
  parseResource,
  type Parsed,
  type ParseResult,
  type ReadType,
} from '../schemas/parse.ts';
import type { NdcKnown } from '../../reference/ndc.ts';

export interface MapContext {
  index: ResourceIndex;
  patient: string;
  issues: InputIssue[];
  ndcKnown?: NdcKnown | undefined;
  cache: WeakMap<object, ParseResult<ReadType>>;
  reported: Set<string>;
}

/** Where an issue belongs (analyze.ts attaches it to that encounter or date). */
export interface IssuePlace {
  encounter?: string | null;
  date?: string;
}

export function reportInvalid(
  ctx: MapContext,
  key: string,
  problem: string,
  place: IssuePlace = {},
): void {
  const tag = `${key}|${place.encounter ?? ''}|${place.date ?? ''}`;
  if (ctx.reported.has(tag)) return;
  ctx.reported.add(tag);
  const issue: InputIssue = {
    code: 'INVALID_RESOURCE',
    severity: key.startsWith('MedicationAdministration/') ? 'error' : 'warning',
    message: `${key} could not be read and was left out: ${problem}.`,
    sources: [key],
    patient: ctx.patient,
  };
  if (place.encounter !== undefined) issue.encounter = place.encounter;
  if (place.date !== undefined) issue.date = place.date;
  ctx.issues.push(issue);
}

/** Parses a resolved resource of the expected type; an invalid one becomes an issue. */
export function readAs<T extends ReadType>(
  ctx: MapContext,
  type: T,
  found: IndexedResource | undefined,
  place?: IssuePlace | (() => IssuePlace),
): Parsed<T> | undefined {
  if (!found || found.resource.resourceType !== type) return undefined;
  const asIs = acceptedAsIs(type, found.resource);
  if (asIs) return asIs;
  let r = ctx.cache.get(found.resource) as ParseResult<T> | undefined;
  if (!r) {
    r = parseResource(type, found.resource);
    ctx.cache.set(found.resource, r);
  }
  if (r.ok) return r.value;
  reportInvalid(ctx, found.key, r.problem, typeof place === 'function' ? place() : place);
  return undefined;
}
