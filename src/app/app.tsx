// The app for one launch. The EHR's SMART `intent` picks a clinic-wide screen (the charge
// nurse's board, the practice dashboard) opened without a patient; otherwise the visit shell.
import type { QueryClient } from '@tanstack/react-query';
import type { FhirGateway } from '../fhir/gateway.ts';
import { BoardShell } from './board-shell.tsx';
import { DashboardShell } from './dashboard-shell.tsx';
import { AppProviders } from './providers.tsx';
import { Shell } from './shell.tsx';

export function App({ gateway, queryClient }: { gateway: FhirGateway; queryClient: QueryClient }) {
  const intent = gateway.launch.intent;
  return (
    <AppProviders gateway={gateway} queryClient={queryClient}>
      {intent === 'board' ? (
        <BoardShell />
      ) : intent === 'dashboard' ? (
        <DashboardShell />
      ) : (
        <Shell />
      )}
    </AppProviders>
  );
}
