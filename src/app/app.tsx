// The app for one launch.
import type { QueryClient } from '@tanstack/react-query';
import type { FhirGateway } from '../fhir/gateway.ts';
import { AppProviders } from './providers.tsx';
import { Shell } from './shell.tsx';

export function App({ gateway, queryClient }: { gateway: FhirGateway; queryClient: QueryClient }) {
  return (
    <AppProviders gateway={gateway} queryClient={queryClient}>
      <Shell />
    </AppProviders>
  );
}
