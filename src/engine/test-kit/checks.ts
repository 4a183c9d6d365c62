// Small builders for the checks' tests: PatientInput, scope, lines and a fake reference.
// Test-only (imported by *.test.ts); pure data.
import { defaultConfig } from '../profiles.ts';
import { runContext } from '../run-memo.ts';
import type { EncounterScope } from '../stage.ts';
import { blankAdministration, blankPatient } from './inputs.ts';
import type {
  Administration,
  ClaimInfo,
  DerivedLine,
  EngineConfig,
  PatientInput,
  ReferenceData,
} from '../types.ts';

export const P = 'Patient/p1';
export const E = 'Encounter/e1';
export const DOS = '2026-08-04';

const PRICES: Record<string, string> = {
  J9271: '55.123',
  J2405: '0.10',
  J9263: '0.20',
  J9045: '2.50',
};
const CONTAINERS: Record<string, 'single-dose' | 'multi-dose'> = {
  '00006302602': 'single-dose',
  '61703033922': 'multi-dose',
};

export function fakeReference(): ReferenceData {
  return {
    productByNdc: (ndc) => {
      const container = CONTAINERS[ndc];
      return container
        ? {
            ndc11: ndc,
            hcpcs: ndc === '00006302602' ? 'J9271' : 'J9045',
            amount: { value: '100', unit: 'mg' },
            container,
            marketed: true,
            ndcUnit: 'ML',
          }
        : undefined;
    },
    presentationsForHcpcs: () => [],
    hcpcs: () => undefined,
    hcpcsKnown: () => false, // consistent with hcpcs(): the fake knows no code on any date
    hcpcsForNdc: (ndc) =>
      ndc === '00006302602' ? ['J9271'] : ndc === '61703033922' ? ['J9045'] : [],
    hcpcsForRxnorm: () => undefined,
    categoryByRxnorm: () => undefined,
    paymentLimit: (code) => PRICES[code],
    oppsStatusIndicator: () => undefined,
    mue: () => undefined,
  };
}

export function patient(over: Partial<PatientInput> = {}): PatientInput {
  return blankPatient({
    patient: P,
    encounters: [{ ref: E, patient: P, sponsorPaidVisit: false }],
    coverages: [
      {
        ref: 'Coverage/c1',
        beneficiary: P,
        status: 'active',
        periodStart: '2026-01-01',
        order: 1,
        sopt: '121',
        payor: 'Organization/medicare',
        display: 'Medicare Part B',
      },
    ],
    ...over,
  });
}

export function admin(id: string, over: Partial<Administration> = {}): Administration {
  return blankAdministration({
    ref: `MedicationAdministration/${id}`,
    patient: P,
    encounter: E,
    ...over,
  });
}

export function line(
  code: string,
  units: number,
  sources: string[],
  over: Partial<DerivedLine> = {},
): DerivedLine {
  const kind = /^\d/.test(code) ? 'administration' : 'drug';
  const price = PRICES[code];
  return {
    code,
    units,
    modifiers: [],
    date: DOS,
    sources,
    kind,
    evidence: { rules: [], reason: 'test' },
    ...(kind === 'drug' && price ? { amount: Math.round(units * Number(price) * 100) / 100 } : {}),
    ...over,
  };
}

export function claim(over: Partial<ClaimInfo> = {}): ClaimInfo {
  return {
    ref: 'Claim/cl1',
    use: 'claim',
    status: 'draft',
    type: 'professional',
    encounter: E,
    patient: P,
    lines: [],
    diagnoses: ['C34.90'],
    trialNumbers: [],
    valueCodeD4: [],
    conditionCodes: [],
    preAuthRefs: [],
    focalCoverage: 'Coverage/c1',
    ...over,
  };
}

export function scope(
  p: PatientInput,
  over: Partial<EncounterScope> & { config?: EngineConfig } = {},
): EncounterScope {
  const { config, ...rest } = over;
  return {
    patient: p,
    encounter: E,
    administrations: p.administrations,
    dateOfService: DOS,
    setting: 'professional',
    laterEncounterSameDay: false,
    context: runContext({ config: config ?? defaultConfig(), reference: fakeReference() }),
    ...rest,
  };
}

export function codes(ws: { code: string }[]): string[] {
  return ws.map((w) => w.code).sort();
}
