// Route gate (injection-pump-rules §9 step 0, R20.1–R20.5): the route family of each billable
// record decides whether it enters the IV algorithm. Nothing is assumed IV.
import type { Administration, RouteDecision, RuleSettings, Severity, Warning } from '../types.ts';
import type { WarningCode } from '../warning-codes.ts';

export const ROUTE_WARNINGS = {
  ROUTE_UNKNOWN: { severity: 'error' },
  ORAL_ROUTE_NOT_BILLABLE: { severity: 'info' },
  ROUTE_OUT_OF_SCOPE: { severity: 'warning' },
} as const satisfies Partial<Record<WarningCode, { severity: Severity }>>;

/** R20.5: the code family a coder would look at for an out-of-scope route. */
const OUT_OF_SCOPE_FAMILY: Partial<Record<RouteDecision['class'], string>> = {
  intrathecal: 'intrathecal: 96450 (spinal puncture) or 96542 (reservoir)',
  intravesical: 'bladder instillation: 51720',
  'intra-arterial': 'intra-arterial: 96373 or 96420–96425',
  intraperitoneal: 'intraperitoneal: 96446',
  intravitreal: 'intravitreal injection: not a 963xx–965xx code',
  'other-parenteral': 'intrapleural 96440, intralesional 96405–96406, other sites',
};

function evidenceOf(r: RouteDecision): string {
  return r.from === 'none' ? 'nothing in the record' : `${r.from} ${r.evidence}`;
}

export interface RouteGate {
  /** The record enters the IV algorithm (family iv or iv-push). */
  iv: boolean;
  warning?: Warning;
  /** R20.3 hold_encounter: the encounter produces no administration lines. */
  hold: boolean;
}

function warning(code: keyof typeof ROUTE_WARNINGS, ref: string, message: string): Warning {
  return { code, severity: ROUTE_WARNINGS[code].severity, message, sources: [ref] };
}

/** Decides what the administration engine does with one billable record (R20.1–R20.5). */
export function routeGate(a: Administration, rules: RuleSettings): RouteGate {
  const r = a.route;
  switch (r.family) {
    case 'iv':
    case 'iv-push':
      return { iv: true, hold: false };
    case 'non-parenteral':
      // R20.4: never an administration line.
      return {
        iv: false,
        hold: false,
        warning: warning(
          'ORAL_ROUTE_NOT_BILLABLE',
          a.ref,
          `${a.ref}: ${r.class} route (${evidenceOf(r)}) has no drug-administration code; not billed.`,
        ),
      };
    case 'out-of-scope':
      // R20.5: no line; does not hold the rest of the encounter.
      return {
        iv: false,
        hold: false,
        warning: warning(
          'ROUTE_OUT_OF_SCOPE',
          a.ref,
          `${a.ref}: ${r.class} route (${evidenceOf(r)}) is not coded by this engine ` +
            `(${OUT_OF_SCOPE_FAMILY[r.class] ?? 'see the route'}); coder review.`,
        ),
      };
    case 'sc':
    case 'im':
      // R20.1/R21.5: SC and IM injections take no part in the IV algorithm; part2/injections.ts
      // codes them (96372/96401/96402, R21.1) and raises R20.6 for SC hydration.
      return { iv: false, hold: false };
    case 'unknown': {
      // R20.3: never assumed IV.
      const hold = rules.routeMissingPolicy === 'hold_encounter';
      const action = hold
        ? 'routeMissingPolicy hold_encounter: no administration lines for this encounter until the route is documented'
        : 'routeMissingPolicy code_others: this record is left out of the administration codes';
      return {
        iv: false,
        hold,
        warning: warning(
          'ROUTE_UNKNOWN',
          a.ref,
          `${a.ref}: route of administration missing or not recognised ` +
            `(${r.class === 'parenteral-unknown' ? 'injected, vein not stated: ' : ''}${evidenceOf(r)}); ${action}.`,
        ),
      };
    }
  }
}
