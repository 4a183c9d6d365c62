import { describe, expect, it } from 'vitest';
import { Faults, parseFaultConfig } from './faults.ts';

describe('Faults.decide', () => {
  it('applies a status to the next N matching requests, then stops', () => {
    const f = new Faults();
    f.set({ status: 500, times: 2 });
    const kinds = [1, 2, 3].map(() => f.decide('/Patient/x').action.kind);
    expect(kinds).toEqual(['status', 'status', 'none']);
  });

  it('adds Retry-After only to 429 and 503', () => {
    const f = new Faults();
    f.set({ status: 429 });
    expect(f.decide('/x').action).toEqual({ kind: 'status', status: 429, retryAfterSeconds: 1 });
    f.set({ status: 401 });
    expect(f.decide('/x').action).toEqual({
      kind: 'status',
      status: 401,
      retryAfterSeconds: undefined,
    });
  });

  it('counts only matching requests against times', () => {
    const f = new Faults();
    f.set({ dropConnection: true, times: 1, path: '^/Claim' });
    expect(f.decide('/Patient/1').action.kind).toBe('none');
    expect(f.decide('/Claim?patient=1').action.kind).toBe('drop');
    expect(f.decide('/Claim?patient=1').action.kind).toBe('none');
  });

  it('keeps latency on every request', () => {
    const f = new Faults();
    f.set({ latencyMs: 40 });
    expect(f.decide('/a')).toEqual({ latencyMs: 40, action: { kind: 'none' } });
  });
});

describe('parseFaultConfig', () => {
  it.each([{ latencyMs: -1 }, { status: 404 }, { times: 0 }, { unknown: true }])(
    'refuses %j',
    (input) => {
      expect(() => parseFaultConfig(input)).toThrow();
    },
  );
});
