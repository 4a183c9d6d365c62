// What kind of service one administration is, as the engine codes it (injection-pump-rules
// §9 step 0, R20.1, R26.4; contract §2.1). Views ask this instead of keeping their own copy
// of the route and push rules (issue 18).
import type { Administration } from '../types.ts';

export type ServiceKind =
  | 'infusion'
  | 'push'
  | 'injection'
  | 'pump-start'
  | 'pump-refill'
  | 'pump-disconnect'
  | 'port-flush'
  /** Oral and other non-parenteral routes (R20.4), out-of-scope routes (R20.5). */
  | 'not-coded-route'
  /** No route, or one the table does not know (R20.3): never assumed IV. */
  | 'unknown-route';

export type KindFacts = Pick<
  Administration,
  'route' | 'serviceMethod' | 'pushDocumented' | 'dateTimeOnly' | 'hasRate'
>;

/**
 * A push by the record itself (contract §2.1): a documented push (route family 'iv-push' or a
 * v3 push code), or only effectiveDateTime and no rate. Part 1 R4.2 (an infusion of 15 minutes
 * or less is billed as a push) and the longPush setting refine it in infusion/services.ts.
 */
export function isPushByRecord(a: KindFacts): boolean {
  return a.pushDocumented || (a.dateTimeOnly && !a.hasRate);
}

const BY_METHOD = {
  'pump-initiation': 'pump-start',
  'pump-refill': 'pump-refill',
  'pump-disconnect': 'pump-disconnect',
  'port-flush': 'port-flush',
} as const satisfies Record<NonNullable<Administration['serviceMethod']>, ServiceKind>;

/** R26.4 method first (pumps and ports ride an IV route), then the route family (R20.1). */
export function serviceKindOf(a: KindFacts): ServiceKind {
  if (a.serviceMethod) return BY_METHOD[a.serviceMethod];
  switch (a.route.family) {
    case 'sc':
    case 'im':
      return 'injection';
    case 'iv':
    case 'iv-push':
      return isPushByRecord(a) ? 'push' : 'infusion';
    case 'non-parenteral':
    case 'out-of-scope':
      return 'not-coded-route';
    case 'unknown':
      return 'unknown-route';
  }
}
