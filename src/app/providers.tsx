// Providers for one launch: query cache, FHIR gateway (and its launch context), role.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { FhirGateway } from '../fhir/gateway.ts';
import { GatewayContext } from '../hooks/gateway-context.ts';
import { RoleProvider } from './role-provider.tsx';

export function AppProviders({
  gateway,
  queryClient,
  children,
}: {
  gateway: FhirGateway;
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <GatewayContext.Provider value={gateway}>
        <RoleProvider>{children}</RoleProvider>
      </GatewayContext.Provider>
    </QueryClientProvider>
  );
}
