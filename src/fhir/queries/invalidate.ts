// The one place that decides what a write makes stale (house habit 5). Call after any
// successful create/update through the gateway.
import type { QueryClient } from '@tanstack/react-query';
import type { LaunchContext } from '../gateway.ts';
import { fhirKeys, WRITE_INDEPENDENT_KEYS } from './keys.ts';

export function invalidateAfterWrite(
  queryClient: QueryClient,
  launch: LaunchContext,
): Promise<void> {
  return queryClient.invalidateQueries({
    queryKey: fhirKeys.all(launch),
    predicate: (query) => {
      const part = query.queryKey[2];
      return typeof part !== 'string' || !WRITE_INDEPENDENT_KEYS.includes(part);
    },
  });
}
