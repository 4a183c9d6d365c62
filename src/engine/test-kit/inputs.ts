// Test kit (not used by the product): engine inputs with every flag at its plain value, for the
// stage test kits to start from.
import type { Administration, PatientInput, RouteDecision } from '../types.ts';

/** SNOMED 47625008 Intravenous route, as the route step decides it (R20.1). */
export const IV_ROUTE: RouteDecision = {
  class: 'iv',
  family: 'iv',
  from: 'route-code',
  evidence: 'http://snomed.info/sct|47625008',
};

/** SNOMED 34206005 Subcutaneous route (R20.1). */
export const SC_ROUTE: RouteDecision = {
  class: 'sc',
  family: 'sc',
  from: 'route-code',
  evidence: 'http://snomed.info/sct|34206005',
};

/** A completed, timed IV administration of an unknown drug; `over` fills in the rest. */
export function blankAdministration(
  over: Partial<Administration> & Pick<Administration, 'ref' | 'patient' | 'encounter'>,
): Administration {
  return {
    status: 'completed',
    dateTimeOnly: false,
    hasRate: true,
    pushDocumented: false,
    route: IV_ROUTE,
    flushMarked: false,
    separateAccessJustified: false,
    primaryReason: false,
    drug: { ndc: [], hcpcs: [], rxnorm: [] },
    ingredients: [],
    sharedContainer: false,
    sponsorSupplied: false,
    sponsorPaid: false,
    ...over,
  };
}

/** A patient with nothing on file and everything readable; `over` fills in the rest. */
export function blankPatient(
  over: Partial<PatientInput> & Pick<PatientInput, 'patient'>,
): PatientInput {
  return {
    administrations: [],
    encounters: [],
    coverages: [],
    authRequirements: [],
    preAuthorizations: [],
    researchSubjects: [],
    researchStudies: [],
    claims: [],
    readable: { coverage: true, claims: true, research: true, eligibility: true },
    issues: [],
    ...over,
  };
}
