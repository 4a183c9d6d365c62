import { describe, expect, it } from 'vitest';
import { FhirError, type FhirErrorKind } from '../fhir/gateway.ts';
import { createQueryClient, retryDelay, shouldRetry } from './query-client.ts';

const err = (kind: FhirErrorKind, status?: number, retryAfter?: number) =>
  new FhirError(kind, 'x', status, retryAfter);

describe('query defaults for an app inside an EHR frame', () => {
  it('does not refetch on window focus', () => {
    expect(createQueryClient().getDefaultOptions().queries?.refetchOnWindowFocus).toBe(false);
  });

  it.each([
    ['network, first failure', 0, err('network'), true],
    ['5xx, second failure', 1, err('server', 503), true],
    ['5xx, third failure (bounded)', 2, err('server', 503), false],
    ['429 asking 30 s', 0, err('rate-limited', 429, 30), true],
    ['429 asking 31 s', 0, err('rate-limited', 429, 31), false],
    ['401', 0, err('unauthorized', 401), false],
    ['403', 0, err('forbidden', 403), false],
    ['404', 0, err('not-found', 404), false],
    ['412', 0, err('conflict', 412), false],
    ['a bug', 0, new TypeError('x'), false],
  ])('%s → retry %s', (_name, count, error, expected) => {
    expect(shouldRetry(count, error)).toBe(expected);
  });

  it('waits what Retry-After asked, else backs off', () => {
    expect(retryDelay(0, err('rate-limited', 429, 5))).toBe(5000);
    expect(retryDelay(0, err('server', 500))).toBe(1000);
    expect(retryDelay(1, err('server', 500))).toBe(2000);
  });
});
