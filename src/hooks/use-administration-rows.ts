// The launch encounter's administrations (or today's), in time order, for the shared list.
import { useMemo } from 'react';
import { administrationRows } from '../fhir/load/administration-rows.ts';
import { useGateway } from './gateway-context.ts';
import { todayLocal } from './today.ts';
import { useBillingPicture } from './use-billing-picture.ts';

export function useAdministrationRows() {
  const gateway = useGateway();
  const picture = useBillingPicture();
  const { serverUrl, encounterId } = gateway.launch;
  const rows = useMemo(
    () =>
      picture.data
        ? administrationRows(picture.data.resources, {
            serverUrl,
            encounterId,
            today: todayLocal(),
          })
        : [],
    [picture.data, serverUrl, encounterId],
  );
  return { ...picture, rows };
}
