// Test builders for the administration engine (used by *.test.ts only).
import { aggregateLines } from '../analyze.ts';
import { defaultConfig } from '../profiles.ts';
import { runContext } from '../run-memo.ts';
import type { EncounterScope, StageResult } from '../stage.ts';
import type {
  Administration,
  DrugCategory,
  DrugIdentity,
  PatientInput,
  ReferenceData,
  RouteDecision,
  RuleSettings,
  Setting,
  Timestamp,
} from '../types.ts';
import type { HcpcsInfo, MueEntry } from '../../reference/types.ts';
import { IV_ROUTE, SC_ROUTE } from './inputs.ts';
import { codeAdministrations } from '../infusion/code-administrations.ts';

export function ts(iso: string): Timestamp {
  const m = /([+-])(\d\d):(\d\d)$/.exec(iso);
  const offsetMin = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return { ms: Date.parse(iso), offsetMin, iso };
}

const TABLE: [string, DrugCategory, string, string][] = [
  ['J9312', 'chemo', 'rituximab', 'Rituximab'],
  ['J9263', 'chemo', 'oxaliplatin', 'Oxaliplatin'],
  ['J9190', 'chemo', 'fluorouracil', 'Fluorouracil'],
  ['J9201', 'chemo', 'gemcitabine', 'Gemcitabine'],
  ['J9045', 'chemo', 'carboplatin', 'Carboplatin'],
  ['J9267', 'chemo', 'paclitaxel', 'Paclitaxel'],
  ['J9271', 'chemo', 'pembrolizumab', 'Pembrolizumab'],
  ['J0640', 'therapeutic', 'leucovorin', 'Leucovorin'],
  ['J2405', 'therapeutic', 'ondansetron', 'Ondansetron'],
  ['J1100', 'therapeutic', 'dexamethasone', 'Dexamethasone'],
  ['J1200', 'therapeutic', 'diphenhydramine', 'Diphenhydramine'],
  ['J2469', 'therapeutic', 'palonosetron', 'Palonosetron'],
  ['J1453', 'therapeutic', 'fosaprepitant', 'Fosaprepitant'],
  ['J3480', 'therapeutic', 'potassium-chloride', 'Potassium chloride'],
  ['J3489', 'therapeutic', 'zoledronic-acid', 'Zoledronic acid'],
  ['J7050', 'hydration', 'sodium-chloride-0.9', 'Normal saline 250 mL'],
  ['J7030', 'hydration', 'sodium-chloride-0.9', 'Normal saline 1000 mL'],
  ['J1642', 'flush', 'heparin-flush', 'Heparin lock flush'],
];

export const DRUGS = {
  rituximab: { hcpcs: ['J9312'], ndc: [], rxnorm: [] },
  oxaliplatin: { hcpcs: ['J9263'], ndc: [], rxnorm: [] },
  fluorouracil: { hcpcs: ['J9190'], ndc: [], rxnorm: [] },
  gemcitabine: { hcpcs: ['J9201'], ndc: [], rxnorm: [] },
  carboplatin: { hcpcs: ['J9045'], ndc: [], rxnorm: [] },
  paclitaxel: { hcpcs: ['J9267'], ndc: [], rxnorm: [] },
  leucovorin: { hcpcs: ['J0640'], ndc: [], rxnorm: [] },
  ondansetron: { hcpcs: ['J2405'], ndc: [], rxnorm: [] },
  dexamethasone: { hcpcs: ['J1100'], ndc: [], rxnorm: [] },
  diphenhydramine: { hcpcs: ['J1200'], ndc: [], rxnorm: [] },
  fosaprepitant: { hcpcs: ['J1453'], ndc: [], rxnorm: [] },
  potassium: { hcpcs: ['J3480'], ndc: [], rxnorm: [] },
  zoledronic: { hcpcs: ['J3489'], ndc: [], rxnorm: [] },
  saline: { hcpcs: ['J7030'], ndc: [], rxnorm: [] },
  heparinFlush: { hcpcs: ['J1642'], ndc: [], rxnorm: [] },
  unknown: { hcpcs: [], ndc: [], rxnorm: ['999999'], display: 'Mystery drug' },
  investigational: { hcpcs: ['J9999'], ndc: [], rxnorm: [] },
} satisfies Record<string, DrugIdentity>;

export interface FakeOptions {
  mue?: Record<string, MueEntry>;
  ndc?: Record<string, string>;
  rxnorm?: Record<string, DrugCategory>;
  rxnormHcpcs?: Record<string, string>;
}

export function fakeReference(opts: FakeOptions = {}): ReferenceData {
  const infos = new Map<string, HcpcsInfo>(
    TABLE.map(([code, category, drugFamily, displayName]) => [
      code,
      { code, category, drugFamily, displayName },
    ]),
  );
  return {
    productByNdc: (ndc) => {
      const hcpcs = opts.ndc?.[ndc];
      return hcpcs
        ? {
            ndc11: ndc,
            hcpcs,
            amount: { value: '1', unit: 'mg' },
            container: 'single-dose',
            marketed: true,
            ndcUnit: 'UN',
          }
        : undefined;
    },
    presentationsForHcpcs: () => [],
    hcpcs: (code) => infos.get(code),
    hcpcsKnown: (code) => infos.has(code),
    hcpcsForNdc: () => [],
    hcpcsForRxnorm: (rx) => opts.rxnormHcpcs?.[rx],
    categoryByRxnorm: (rx) => opts.rxnorm?.[rx],
    paymentLimit: () => undefined,
    oppsStatusIndicator: () => undefined,
    mue: (code) => opts.mue?.[code],
  };
}

export interface AdminSpec {
  id: string;
  drug: DrugIdentity;
  start: string;
  end?: string;
  push?: boolean;
  dateTimeOnly?: boolean;
  rate?: boolean;
  status?: Administration['status'];
  site?: string;
  justified?: boolean;
  partOf?: string;
  primary?: boolean;
  flush?: boolean;
  iv?: boolean;
  /** The route decision; else IV, or SC when `iv` is false. */
  route?: RouteDecision;
  sponsorPaid?: boolean;
  sponsorSupplied?: boolean;
  encounter?: string | null;
  ingredients?: DrugIdentity[];
}

/** Build an Administration; times are ISO strings with offsets. */
export function adm(s: AdminSpec): Administration {
  const a: Administration = {
    ref: `MedicationAdministration/${s.id}`,
    patient: 'Patient/p1',
    encounter: s.encounter === undefined ? 'Encounter/e1' : s.encounter,
    status: s.status ?? 'completed',
    start: ts(s.start),
    dateTimeOnly: s.dateTimeOnly ?? false,
    hasRate: s.rate ?? !s.push,
    pushDocumented: s.push ?? false,
    route: s.route ?? ((s.iv ?? true) ? IV_ROUTE : SC_ROUTE),
    flushMarked: s.flush ?? false,
    separateAccessJustified: s.justified ?? false,
    primaryReason: s.primary ?? false,
    drug: s.drug,
    ingredients: (s.ingredients ?? []).map((drug) => ({ drug })),
    sharedContainer: false,
    sponsorSupplied: s.sponsorSupplied ?? false,
    sponsorPaid: s.sponsorPaid ?? false,
  };
  if (s.end) a.end = ts(s.end);
  if (s.site) a.site = s.site;
  if (s.partOf) a.partOf = `MedicationAdministration/${s.partOf}`;
  return a;
}

export interface RunOptions {
  setting?: Setting;
  rules?: Partial<RuleSettings>;
  later?: boolean;
  reference?: ReferenceData;
  dos?: string;
}

export function emptyPatient(admins: Administration[]): PatientInput {
  return {
    patient: 'Patient/p1',
    administrations: admins,
    encounters: [],
    coverages: [],
    authRequirements: [],
    preAuthorizations: [],
    researchSubjects: [],
    researchStudies: [],
    claims: [],
    readable: { coverage: true, claims: true, research: true, eligibility: true },
    issues: [],
  };
}

export function scopeOf(admins: Administration[], o: RunOptions = {}): EncounterScope {
  return {
    patient: emptyPatient(admins),
    encounter: 'Encounter/e1',
    administrations: admins,
    dateOfService: o.dos ?? admins[0]?.start?.iso.slice(0, 10) ?? '2026-03-02',
    setting: o.setting ?? 'facility',
    laterEncounterSameDay: o.later ?? false,
    context: runContext({
      config: defaultConfig('medicare', o.rules ? { rules: o.rules } : {}),
      reference: o.reference ?? fakeReference(),
    }),
  };
}

/** Lines as 'CODE[-MOD]xUNITS' (aggregated, sorted); dates only when asked. */
export function codesOf(result: StageResult, withDate = false): string[] {
  return aggregateLines(result.lines)
    .map((l) => {
      const mods = l.modifiers.length > 0 ? `-${[...l.modifiers].sort().join('-')}` : '';
      return `${l.code}${mods}x${l.units}${withDate ? `@${l.date}` : ''}`;
    })
    .sort();
}

export function warningsOf(result: StageResult): string[] {
  return [...new Set(result.warnings.map((w) => w.code))].sort();
}

export function run(
  specs: AdminSpec[],
  o: RunOptions = {},
): { codes: string[]; warnings: string[]; result: StageResult } {
  const result = codeAdministrations(scopeOf(specs.map(adm), o));
  return { codes: codesOf(result), warnings: warningsOf(result), result };
}

/** ISO time on 2026-03-02 at -05:00 from 'HH:MM', or minutes after 09:00. */
export function at(hhmm: string | number, date = '2026-03-02', offset = '-05:00'): string {
  if (typeof hhmm === 'number') {
    const total = 9 * 60 + hhmm;
    const h = Math.floor(total / 60);
    const m = total % 60;
    return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00${offset}`;
  }
  return `${date}T${hhmm}:00${offset}`;
}
