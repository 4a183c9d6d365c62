// The FHIR gateway and launch context of this app instance (provided by src/app/).
import { createContext, useContext } from 'react';
import type { FhirGateway, LaunchContext } from '../fhir/gateway.ts';

export const GatewayContext = createContext<FhirGateway | null>(null);

export function useGateway(): FhirGateway {
  const gateway = useContext(GatewayContext);
  if (!gateway) throw new Error('useGateway must be used inside the app providers.');
  return gateway;
}

export function useLaunch(): LaunchContext {
  return useGateway().launch;
}
