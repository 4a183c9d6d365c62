// serviceKindOf: R26.4 administration-method first, then the route family (R20.1), then the
// push test of contract §2.1 for IV records.
import { describe, expect, it } from 'vitest';
import type { RouteFamily, ServiceMethod } from '../types.ts';
import { serviceKindOf, type KindFacts, type ServiceKind } from './service-kind.ts';

function facts(family: RouteFamily, extra: Partial<KindFacts> = {}): KindFacts {
  return {
    route: { class: 'unknown', family, from: 'none', evidence: '' },
    pushDocumented: false,
    dateTimeOnly: false,
    hasRate: false,
    ...extra,
  };
}

describe('serviceKindOf (R20.1, R26.4, contract §2.1)', () => {
  it.each<[string, KindFacts, ServiceKind]>([
    ['R20.1 SC → injection', facts('sc'), 'injection'],
    ['R20.1 IM → injection', facts('im'), 'injection'],
    ['R20.1 IV with a period → infusion', facts('iv'), 'infusion'],
    [
      'contract §2.1 IV, dateTime only, no rate → push',
      facts('iv', { dateTimeOnly: true }),
      'push',
    ],
    [
      'contract §2.1 IV, dateTime only, with a rate → infusion',
      facts('iv', { dateTimeOnly: true, hasRate: true }),
      'infusion',
    ],
    ['contract §2.1 documented push', facts('iv-push', { pushDocumented: true }), 'push'],
    ['R20.4 oral → not coded', facts('non-parenteral'), 'not-coded-route'],
    ['R20.5 intrathecal → not coded', facts('out-of-scope'), 'not-coded-route'],
    ['R20.3 no route → unknown, never IV', facts('unknown'), 'unknown-route'],
    ...(
      [
        ['pump-initiation', 'pump-start'],
        ['pump-refill', 'pump-refill'],
        ['pump-disconnect', 'pump-disconnect'],
        ['port-flush', 'port-flush'],
      ] as [ServiceMethod, ServiceKind][]
    ).map(([m, k]): [string, KindFacts, ServiceKind] => [
      `R26.4 ${m} on an IV route → ${k}`,
      facts('iv', { serviceMethod: m }),
      k,
    ]),
  ])('%s', (_name, a, kind) => {
    expect(serviceKindOf(a)).toBe(kind);
  });
});
