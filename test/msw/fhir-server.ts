// Shared msw kit: a node server that fails on any request a test did not plan
// (house habit 8), plus small FHIR response builders.
import type {
  Bundle,
  CapabilityStatement,
  CapabilityStatementRestResource,
  FhirResource,
} from 'fhir/r4';
import { setupServer, type SetupServer } from 'msw/node';
import type { RequestHandler } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LaunchContext } from '../../src/fhir/gateway.ts';
import { REQUESTED_SCOPES } from '../../src/fhir/scopes.ts';

export const FHIR_BASE = 'https://ehr.test/fhir';

/** Start one msw server for this test file; unplanned requests fail the test. */
export function startMswServer(...handlers: RequestHandler[]): SetupServer {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** A searchset Bundle; `next` adds a paging link. */
export function searchset(
  resources: FhirResource[],
  options: { next?: string; included?: FhirResource[] } = {},
): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: options.next ? [{ relation: 'next', url: options.next }] : [],
    entry: [
      ...resources.map((resource) => ({ resource, search: { mode: 'match' as const } })),
      ...(options.included ?? []).map((resource) => ({
        resource,
        search: { mode: 'include' as const },
      })),
    ],
  };
}

/** A CapabilityStatement listing types with their _include / _revinclude values. */
export function capabilityStatement(
  types: Record<string, { include?: string[]; revinclude?: string[] }>,
): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-26',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        resource: Object.entries(types).map(([type, t]) => ({
          type: type as CapabilityStatementRestResource['type'],
          interaction: [{ code: 'read' as const }, { code: 'search-type' as const }],
          searchInclude: t.include ?? [],
          searchRevInclude: t.revinclude ?? [],
        })),
      },
    ],
  };
}

/** A launch context for tests: patient p1, encounter e1, every requested scope granted. */
export function testLaunch(overrides: Partial<LaunchContext> = {}): LaunchContext {
  return {
    serverUrl: FHIR_BASE,
    patientId: 'p1',
    encounterId: 'e1',
    fhirUser: 'Practitioner/clinician-1',
    needPatientBanner: true,
    intent: undefined,
    grantedScopes: [...REQUESTED_SCOPES],
    ...overrides,
  };
}
