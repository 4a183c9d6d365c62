// The CDS Hooks 2.0 services EveryDose offers (discovery, GET /cds-services): the hooks and the
// prefetch templates. Prefetch keys are also the names the service fetches itself when a key is
// missing (docs/cds-hooks.md).
export type HookName = 'order-sign' | 'order-select' | 'appointment-book';

export interface CdsServiceDefinition {
  hook: HookName;
  id: string;
  title: string;
  description: string;
  prefetch: Record<string, string>;
}

/** What each prefetch key holds, for the "could not be read" card. */
export const PREFETCH_LABELS: Record<string, string> = {
  patient: 'the patient',
  encounter: 'the visit (Encounter)',
  coverage: 'insurance coverage',
  eligibility: 'payer authorization requirements',
  claimResponses: 'prior authorizations (ClaimResponse)',
  preauthRequests: 'prior authorization requests (Claim)',
  researchSubjects: 'research enrollments',
  medicationKnowledge: 'drug knowledge (MedicationKnowledge)',
  administrations: 'doses already given',
  activeOrders: 'active medication orders',
};

/** Which engine readability flag a key feeds (unreadable = unknown, never "none"). */
export const PREFETCH_READABLE: Record<string, 'coverage' | 'claims' | 'research' | 'eligibility'> =
  {
    coverage: 'coverage',
    eligibility: 'eligibility',
    claimResponses: 'claims',
    preauthRequests: 'claims',
    researchSubjects: 'research',
  };

const P = '{{context.patientId}}';

const COMMON: Record<string, string> = {
  patient: `Patient/${P}`,
  encounter: 'Encounter/{{context.encounterId}}',
  coverage: `Coverage?patient=${P}`,
  eligibility: `CoverageEligibilityResponse?patient=${P}`,
  claimResponses: `ClaimResponse?patient=${P}&use=preauthorization`,
  preauthRequests: `Claim?patient=${P}&use=preauthorization`,
  researchSubjects: `ResearchSubject?patient=${P}&_include=ResearchSubject:study`,
  medicationKnowledge: 'MedicationKnowledge?status=active',
  administrations: `MedicationAdministration?patient=${P}&_include=MedicationAdministration:medication`,
};

export const SERVICES: readonly CdsServiceDefinition[] = [
  {
    hook: 'order-sign',
    id: 'everydose-order-sign',
    title: 'EveryDose: authorization, coverage and trial checks at order signing',
    description:
      'Checks each drafted MedicationRequest as a planned dose: coverage on the planned date, the prior authorization (expired, missing, units planned plus units already used), clinical-trial status, and the dollars at stake.',
    prefetch: COMMON,
  },
  {
    hook: 'order-select',
    id: 'everydose-order-select',
    title: 'EveryDose: authorization, coverage and trial checks when a drug is chosen',
    description:
      'The same checks as at signing, on the selected draft MedicationRequests only, while the order is still being written.',
    prefetch: COMMON,
  },
  {
    hook: 'appointment-book',
    id: 'everydose-appointment-book',
    title: 'EveryDose: checks of the orders planned for a booked infusion visit',
    description:
      "Checks the patient's active MedicationRequests as doses planned on the booked appointment's date: coverage, prior authorization and trial status.",
    prefetch: {
      ...COMMON,
      activeOrders: `MedicationRequest?patient=${P}&status=active&_include=MedicationRequest:medication`,
    },
  },
];

export function discovery(): { services: CdsServiceDefinition[] } {
  return { services: SERVICES.map((s) => ({ ...s, prefetch: { ...s.prefetch } })) };
}
