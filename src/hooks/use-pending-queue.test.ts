import { afterEach, describe, expect, it, vi } from 'vitest';
import { newUuid } from './use-pending-queue.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => vi.restoreAllMocks());

describe('newUuid (client ids for creates)', () => {
  it('is a v4 UUID', () => {
    expect(newUuid()).toMatch(UUID);
  });

  it('works without randomUUID (a page served outside a secure context)', () => {
    vi.spyOn(globalThis, 'crypto', 'get').mockReturnValue({
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => {
        if (a instanceof Uint8Array) a.fill(0xab);
        return a;
      },
    } as Crypto);
    expect(newUuid()).toMatch(UUID);
  });
});
