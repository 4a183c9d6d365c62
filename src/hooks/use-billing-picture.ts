// The patient's billing picture (every resource the engine reads + what could not be read).
import { useQuery } from '@tanstack/react-query';
import { billingPictureQuery } from '../fhir/queries/options.ts';
import { fhirKeys } from '../fhir/queries/keys.ts';
import type { LoadProgress } from '../fhir/load/load-billing-picture.ts';
import { useGateway } from './gateway-context.ts';
import { setLoadProgress, useLoadProgressFor } from './load-progress.ts';

export function useBillingPicture() {
  const gateway = useGateway();
  const key = JSON.stringify(fhirKeys.billingPicture(gateway.launch));
  return useQuery(billingPictureQuery(gateway, (p) => setLoadProgress(key, p)));
}

/** Requests done / planned while the billing picture loads. */
export function useBillingPictureProgress(): LoadProgress | undefined {
  const gateway = useGateway();
  return useLoadProgressFor(JSON.stringify(fhirKeys.billingPicture(gateway.launch)));
}
