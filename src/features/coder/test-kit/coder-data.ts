// Hand-made engine output and FHIR resources for the coder view's tests (not shipped: only
// *.test.ts(x) files import it).
import type {
  Claim,
  Coverage,
  Encounter,
  FhirResource,
  ResearchStudy,
  ResearchSubject,
} from 'fhir/r4';
import type { DerivedLine, EncounterResult, Warning } from '../../../engine/index.ts';
import type { LaunchContext } from '../../../fhir/gateway.ts';

export const chemoLine: DerivedLine = {
  kind: 'administration',
  code: '96413',
  units: 1,
  modifiers: ['Q1'],
  date: '2026-03-02',
  sources: ['MedicationAdministration/a1'],
  evidence: {
    rules: ['R6.2', 'R4.3'],
    reason: 'Chemotherapy infusion of 62 minutes is the initial service.',
    minutes: { 'MedicationAdministration/a1': 62 },
  },
};

export const drugLine: DerivedLine = {
  kind: 'drug',
  code: 'J9271',
  units: 200,
  modifiers: ['JZ', 'Q1'],
  date: '2026-03-02',
  sources: ['MedicationAdministration/a1'],
  ndc: { code: '00006302602', quantity: 8, unit: 'ML' },
  amount: 10000,
  drugName: 'pembrolizumab',
  evidence: {
    rules: ['R-01', 'R-06'],
    reason: '200 mg given from two 100 mg vials, nothing discarded.',
    administered: { value: '200', unit: 'mg' },
    discarded: { value: '0', unit: 'mg' },
    containers: [{ ndc11: '00006302602', count: 2 }],
  },
};

export const pushLine: DerivedLine = {
  kind: 'administration',
  code: '96375',
  units: 1,
  modifiers: [],
  date: '2026-03-02',
  sources: ['MedicationAdministration/a2'],
  evidence: { rules: ['R7.2'], reason: 'Ondansetron push after the chemotherapy infusion.' },
};

export const vialError: Warning = {
  code: 'VIALS_NOT_DOCUMENTED',
  severity: 'error',
  message: 'The vials opened for pembrolizumab were not charted.',
  sources: ['MedicationAdministration/a1'],
  amountAtStake: 250,
};

export const nctError: Warning = {
  code: 'TRIAL_NCT_MISSING',
  severity: 'error',
  message: "Add the study's 8-digit ClinicalTrials.gov number (09900001).",
  sources: ['Claim/claim-1'],
};

export const authWarning: Warning = {
  code: 'AUTH_UNKNOWN',
  severity: 'warning',
  message: 'Prior authorization could not be checked.',
  sources: [],
};

export function result(over: Partial<EncounterResult> = {}): EncounterResult {
  return {
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    dateOfService: '2026-03-02',
    setting: 'professional',
    lines: [chemoLine, drugLine, pushLine],
    warnings: [vialError, authWarning],
    ...over,
  };
}

export const launch: LaunchContext = {
  serverUrl: 'http://ehr.test/fhir',
  patientId: 'p1',
  encounterId: 'e1',
  fhirUser: 'Practitioner/coder-1',
  needPatientBanner: false,
  intent: 'coder',
  grantedScopes: ['patient/Claim.rs', 'patient/Claim.cu', 'patient/Provenance.c'],
};

export const draftedClaim: Claim = {
  resourceType: 'Claim',
  id: 'claim-1',
  status: 'draft',
  use: 'claim',
  type: { coding: [{ code: 'professional' }] },
  patient: { reference: 'Patient/p1' },
  created: '2026-03-02',
  provider: { reference: 'Organization/clinic' },
  priority: { coding: [{ code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/c1' } }],
  diagnosis: [
    {
      sequence: 1,
      diagnosisCodeableConcept: {
        coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C34.90' }],
      },
    },
  ],
  item: [
    {
      sequence: 1,
      productOrService: { coding: [{ code: '96413' }] },
      quantity: { value: 1 },
      encounter: [{ reference: 'Encounter/e1' }],
    },
    {
      sequence: 2,
      productOrService: { coding: [{ code: 'J9271' }] },
      modifier: [{ coding: [{ code: 'JW' }] }],
      quantity: { value: 210 },
      net: { value: 10500 },
      encounter: [{ reference: 'Encounter/e1' }],
    },
    {
      sequence: 3,
      productOrService: { coding: [{ code: 'J2405' }] },
      quantity: { value: 8 },
      net: { value: 4 },
      encounter: [{ reference: 'Encounter/e1' }],
    },
  ],
};

export const coverage: Coverage = {
  resourceType: 'Coverage',
  id: 'c1',
  status: 'active',
  beneficiary: { reference: 'Patient/p1' },
  payor: [{ reference: 'Organization/medicare' }],
  period: { start: '2026-01-01' },
};

export const encounter: Encounter = {
  resourceType: 'Encounter',
  id: 'e1',
  status: 'finished',
  class: { code: 'AMB' },
  subject: { reference: 'Patient/p1' },
  serviceProvider: { reference: 'Organization/clinic' },
};

export const study: ResearchStudy = {
  resourceType: 'ResearchStudy',
  id: 's1',
  status: 'active',
  identifier: [{ system: 'https://clinicaltrials.gov', value: 'NCT09900001' }],
};

export const subject: ResearchSubject = {
  resourceType: 'ResearchSubject',
  id: 'rs1',
  status: 'on-study',
  individual: { reference: 'Patient/p1' },
  study: { reference: 'ResearchStudy/s1' },
  period: { start: '2026-01-15' },
};

export const picture: FhirResource[] = [encounter, coverage, study, subject];

/** The visit with its diagnosis on the encounter (a claim without one is not signed, T-23). */
export const diagnosedEncounter: Encounter = {
  ...encounter,
  reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C34.90' }] }],
};

export const diagnosedPicture: FhirResource[] = [diagnosedEncounter, coverage, study, subject];
