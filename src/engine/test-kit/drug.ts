// Builders for drug-line tests: an administration, a scope with the built-in reference data.
import { builtinReference } from '../../reference/builtin.ts';
import { createReference, overlayReference } from '../../reference/create-reference.ts';
import { emptyTables, type ReferenceTables } from '../../reference/tables.ts';
import { defaultConfig } from '../profiles.ts';
import { runContext } from '../run-memo.ts';
import type { EncounterScope } from '../stage.ts';
import { blankAdministration, blankPatient } from './inputs.ts';
import { deriveDrugLines } from '../drug/derive-drug-lines.ts';
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
  return blankAdministration({
    ref: 'MedicationAdministration/a1',
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    start: ts('2026-03-02T09:00:00Z'),
    end: ts('2026-03-02T09:30:00Z'),
    ...over,
  });
}

export function patient(over: Partial<PatientInput> = {}): PatientInput {
  return blankPatient({ patient: 'Patient/p1', ...over });
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
    context: runContext({
      config: o.config ?? defaultConfig(),
      reference: o.reference ?? builtinReference(),
    }),
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

// ---------------------------------------------------------------- shared test data

export const PEMBRO = '00006302602'; // 100 mg / 4 mL, 25 mg/mL
export const NIVO_40 = '00003377211';
export const DURVA_120 = '00310450012';
export const BEVA_100 = '50242006001';
export const BEVA_400 = '50242006101';
export const CARBO_450 = '61703033950'; // multi-dose
export const PALONO = '00409250410'; // 0.25 mg / 5 mL
export const BORTEZOMIB = '63020004901'; // 3.5 mg powder, J9041 0.1 mg
export const OXALI_50 = '63323075010';
export const FOSAPREPITANT = '63323097210';
export const FLUOROURACIL_500 = '63323011710';
export const PEGFIL = '55513019001'; // single-dose syringe

/** Single-dose labels verified for the tests (the catalog leaves most unknown). */
export const SDC = withContainers({
  [PEMBRO]: 'single-dose',
  [BEVA_100]: 'single-dose',
  [BEVA_400]: 'single-dose',
  [PALONO]: 'single-dose',
  [BORTEZOMIB]: 'single-dose',
  [OXALI_50]: 'single-dose',
  '63323075020': 'single-dose',
  '60505613208': 'single-dose',
});

export function run(admins: Administration[], o: ScopeOptions = {}) {
  const r = deriveDrugLines(scopeOf(admins, { reference: SDC, ...o }));
  return { ...r, shapes: shapes(r.lines), codes: r.warnings.map((w) => w.code).sort() };
}

export const docs = (ndc11: string, count: number): Partial<Administration> => ({
  containers: [{ ndc11, count }],
  discarded: { value: '0', unit: 'mg' },
});
