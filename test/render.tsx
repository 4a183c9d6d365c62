// Render helper for React tests: the app's providers around a memory gateway, with a
// query client that never retries (tests see failures at once).
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { FhirResource } from 'fhir/r4';
import type { ReactElement } from 'react';
import { afterEach } from 'vitest';
import { AppProviders } from '../src/app/providers.tsx';
import type { FhirGateway, LaunchContext } from '../src/fhir/gateway.ts';
import { MemoryGateway, type MemoryGatewayOptions } from '../src/fhir/test-kit/memory-gateway.ts';
import { testLaunch } from './msw/fhir-server.ts';

// vitest runs without globals, so testing-library cannot register its own cleanup.
afterEach(() => cleanup());

export interface RenderAppOptions {
  launch?: Partial<LaunchContext>;
  resources?: FhirResource[];
  memory?: MemoryGatewayOptions;
  /** Use this gateway instead of a memory one (e.g. a FhirclientGateway against msw). */
  gateway?: FhirGateway;
}

export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
}

export function renderWithApp(
  ui: ReactElement,
  options: RenderAppOptions = {},
): RenderResult & { gateway: FhirGateway; queryClient: QueryClient } {
  const gateway =
    options.gateway ??
    new MemoryGateway(testLaunch(options.launch), options.resources ?? [], options.memory);
  const queryClient = testQueryClient();
  const result = render(
    <AppProviders gateway={gateway} queryClient={queryClient}>
      {ui}
    </AppProviders>,
  );
  return { ...result, gateway, queryClient };
}
