// One failure, one message, one "Try again" (issue 14 part 7): whether the visit's records failed
// to load, and a retry that reads again everything that failed, so one button serves every
// failure on the screen.
import { useQueryClient } from '@tanstack/react-query';
import { fhirKeys } from '../fhir/queries/keys.ts';
import { useLaunch } from '../hooks/gateway-context.ts';
import { useBillingPicture } from '../hooks/use-billing-picture.ts';

/** Whether the visit's records failed to load (one alert for them is shown below the banner). */
export function useVisitFailed(): boolean {
  const picture = useBillingPicture();
  return !!picture.error || !!picture.data?.unreadable.some((u) => u.failed);
}

/** "Try again" retries every read that failed, so one button serves every failure shown. */
export function useRetryFailed(): () => void {
  const queryClient = useQueryClient();
  const launch = useLaunch();
  return () => {
    // The visit's records too: types refused with 403/400 are answered reads, not query errors.
    const visit = JSON.stringify(fhirKeys.billingPicture(launch));
    void queryClient.refetchQueries({
      predicate: (q) => q.state.status === 'error' || JSON.stringify(q.queryKey) === visit,
    });
  };
}
