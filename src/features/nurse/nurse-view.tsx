// The nurse's screen (issue 5): wires the launch's gateway, the billing picture, the visit's
// orders and the built-in drug data into the chair screen. Writes refresh the derived lines
// through invalidateAfterWrite, so the coder sees them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { withMedicationKnowledge } from '../../fhir/map/patient-input.ts';
import { invalidateAfterWrite } from '../../fhir/queries/invalidate.ts';
import { fhirKeys } from '../../fhir/queries/keys.ts';
import { nurseOrdersQuery, withOrders } from '../../fhir/queries/nurse-orders.ts';
import { useGateway } from '../../hooks/gateway-context.ts';
import { useBillingPicture } from '../../hooks/use-billing-picture.ts';
import { useEncounterAnalysis } from '../../hooks/use-encounter-analysis.ts';
import { ChairScreen, UNDO_MS } from './chair-screen.tsx';

export interface NurseViewProps {
  /** How long each entry can be undone before it is sent (default UNDO_MS). */
  undoMs?: number;
}

export function NurseView({ undoMs = UNDO_MS }: NurseViewProps = {}) {
  const gateway = useGateway();
  const queryClient = useQueryClient();
  const picture = useBillingPicture();
  const orders = useQuery(nurseOrdersQuery(gateway));
  const analysis = useEncounterAnalysis();
  const builtin = useQuery({
    queryKey: fhirKeys.referenceProducts(gateway.launch),
    queryFn: async () => (await import('../../reference/builtin.ts')).builtinReference(),
    staleTime: Infinity,
  });
  const resources = useMemo(
    () =>
      picture.data ? withOrders(picture.data.resources, orders.data?.resources ?? []) : undefined,
    [picture.data, orders.data],
  );
  const reference = useMemo(
    () =>
      builtin.data && picture.data
        ? withMedicationKnowledge(builtin.data, picture.data.resources)
        : builtin.data,
    [builtin.data, picture.data],
  );
  return (
    <ChairScreen
      gateway={gateway}
      resources={resources}
      isPending={picture.isPending}
      // A failed load of the visit is said once, by the visit list's alert (issue 14 part 7).
      readFailed={!!picture.error}
      error={picture.error ? undefined : orders.error}
      onRetry={() => void orders.refetch()}
      reference={reference}
      notice={orders.data?.unavailable}
      billingWarnings={analysis.current?.warnings}
      onWritten={() => void invalidateAfterWrite(queryClient, gateway.launch)}
      undoMs={undoMs}
    />
  );
}
