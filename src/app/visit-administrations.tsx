// The first thing every role sees: this visit's administrations in time order.
import { AdministrationList } from '../components/administration-list.tsx';
import { ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { plainErrorMessage } from '../fhir/queries/plain-error.ts';
import { useLaunch } from '../hooks/gateway-context.ts';
import { useAdministrationRows } from '../hooks/use-administration-rows.ts';
import { useBillingPictureProgress } from '../hooks/use-billing-picture.ts';
import { useRetryFailed } from './retry-failed.ts';

/** `folded`: the coder's page starts with the list folded (issue 17 §5). */
export function VisitAdministrations({ folded = false }: { folded?: boolean } = {}) {
  const launch = useLaunch();
  const { rows, isPending, error, data } = useAdministrationRows();
  const retry = useRetryFailed();
  const progress = useBillingPictureProgress();
  const title = launch.encounterId ? 'Administrations this visit' : 'Administrations today';
  if (isPending)
    return (
      <LoadingMessage
        label="Loading this visit's medications from the EHR…"
        done={progress?.done}
        total={progress?.total}
      />
    );
  // The one message when the visit could not be loaded; its "Try again" reads again everything
  // that failed (the patient's details too), so no other alert or button is shown for it.
  if (error)
    return (
      <ErrorMessage
        title="EveryDose could not load this visit."
        message={plainErrorMessage(error)}
        onRetry={retry}
      />
    );
  const maUnreadable = data.unreadable.find((u) => u.resourceType === 'MedicationAdministration');
  // A failed read is said once, by the shell's alert with "Try again" (issue 14 part 7).
  if (maUnreadable?.failed) return null;
  if (maUnreadable)
    return (
      <ErrorMessage
        title="Medication administrations are not available."
        message={maUnreadable.reason}
      />
    );
  return <AdministrationList rows={rows} title={title} folded={folded} />;
}
