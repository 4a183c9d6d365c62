// Query defaults for an app inside an EHR frame (house habit 6): focus changes all the time
// (no refetch on focus), 4xx answers are final (no retries), network/5xx/429 get a bounded
// number of retries, a 429 waits as long as the server asked (within reason).
import { QueryClient } from '@tanstack/react-query';
import { isFhirError, isRetryable } from '../fhir/gateway.ts';

const MAX_RETRIES = 2;
const MAX_WAIT_MS = 30_000;

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES || !isRetryable(error)) return false;
  const wait = isFhirError(error) ? error.retryAfterSeconds : undefined;
  return wait === undefined || wait * 1000 <= MAX_WAIT_MS;
}

export function retryDelay(failureCount: number, error: unknown): number {
  const wait = isFhirError(error) ? error.retryAfterSeconds : undefined;
  if (wait !== undefined) return wait * 1000;
  return Math.min(1000 * 2 ** failureCount, 8000);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        refetchOnReconnect: true,
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        retry: shouldRetry,
        retryDelay,
      },
      mutations: { retry: false },
    },
  });
}
