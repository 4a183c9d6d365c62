// Builders for drug-line tests: an administration, a scope with the built-in reference data.
import { builtinReference } from '../../reference/builtin.ts';
import { createReference, overlayReference } from '../../reference/create-reference.ts';
import { emptyTables, type ReferenceTables } from '../../reference/tables.ts';
import { defaultConfig } from '../profiles.ts';
import type { EncounterScope } from '../stage.ts';
import type {
  Administration,
  EngineConfig,
  PatientInput,
  ReferenceData,
  Setting,
  Timestamp,
} from '../types.ts';

export function ts(iso: string): Timestamp {
  return { ms: Date.parse(iso), offsetMin: 0, iso };
}

export function admin(over: Partial<Administration> = {}): Administration {
  return {
    ref: 'MedicationAdministration/a1',
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    status: 'completed',
    start: ts('2026-03-02T09:00:00Z'),
    end: ts('2026-03-02T09:30:00Z'),
    dateTimeOnly: false,
    hasRate: true,
    pushDocumented: false,
    intravenous: true,
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

export function patient(over: Partial<PatientInput> = {}): PatientInput {
  return {
    patient: 'Patient/p1',
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

export interface ScopeOptions {
  setting?: Setting;
  dos?: string;
  config?: EngineConfig;
  reference?: ReferenceData;
  patient?: Partial<PatientInput>;
}

export function scopeOf(admins: Administration[], o: ScopeOptions = {}): EncounterScope {
  return {
    patient: patient({ administrations: admins, ...o.patient }),
    encounter: 'Encounter/e1',
    administrations: admins,
    dateOfService: o.dos ?? '2026-03-02',
    setting: o.setting ?? 'professional',
    laterEncounterSameDay: false,
    context: { config: o.config ?? defaultConfig(), reference: o.reference ?? builtinReference() },
  };
}

/** An administration of a catalog NDC with a dose. */
export function given(
  ndc: string,
  value: string,
  unit = 'mg',
  over: Partial<Administration> = {},
): Administration {
  return admin({ drug: { ndc: [ndc], hcpcs: [], rxnorm: [] }, dose: { value, unit }, ...over });
}

/** Built-in data with these products' container types set (tests of verified labels). */
export function withContainers(
  types: Record<string, 'single-dose' | 'multi-dose' | null>,
  extra: Partial<ReferenceTables> = {},
): ReferenceData {
  const base = builtinReference();
  const products = Object.entries(types).map(([ndc11, container]) => {
    const p = base.productByNdc(ndc11);
    if (!p) throw new Error(`no built-in product ${ndc11}`);
    return { ...p, container };
  });
  const tables: ReferenceTables = {
    ...emptyTables(),
    ...extra,
    products: [...products, ...(extra.products ?? [])],
  };
  return overlayReference(createReference(tables), base);
}

/** Line shapes for compact assertions: 'J9271×144', 'J9271×56 JW'. */
export function shapes(lines: { code: string; units: number; modifiers: string[] }[]): string[] {
  return lines.map(
    (l) => `${l.code}×${l.units}${l.modifiers.length ? ` ${l.modifiers.join(',')}` : ''}`,
  );
}
