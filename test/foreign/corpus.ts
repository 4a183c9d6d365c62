// The foreign-data corpus (FHIR R4 written outside this project, see README.md): its
// MedicationAdministrations as read from the files, and the audit command's report over it.
import { execFile, execFileSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDrugCategory } from '../../src/engine/index.ts';
import { drugIdentity } from '../../src/fhir/map/codes.ts';
import type { CodeableConcept } from '../../src/fhir/schemas/common.ts';
import { builtinReference } from '../../src/reference/builtin.ts';
import { readSeedData } from '../../src/sandbox/seed-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
/** The data folders (the test and script files next to them are not data). */
export const CORPUS_SOURCES = ['r4-spec', 'mcode', 'health-care-surveys', 'ecqm-qicore-2024'];
export const CORPUS_DIRS = CORPUS_SOURCES.map((d) => resolve(here, d));

export interface CorpusRecord {
  /** `MedicationAdministration/<id>`, as the report's sources name it. */
  ref: string;
  status: string;
  source: string;
  /** The first code kind the record's drug carries, in the contract §2.2 order. */
  drugCodeKind: 'ndc' | 'hcpcs' | 'rxnorm' | 'name' | 'ingredient' | 'none';
  /** Something in the record itself says intravenous (see `saysIntravenous`). */
  saysIv: boolean;
  /** Its drug is a chemotherapy or complex biologic (see `CHEMO_RXCUI`, `CHEMO_NAME`). */
  chemo: boolean;
}

interface Concept {
  coding?: { system?: string; code?: string; display?: string }[];
  text?: string;
}

/** Intravenous route codes (medication-vocabulary §1): SNOMED CT route concepts and qualifier
 * values, FDA/NCI C38276, HL7 v2 0162 IV; HL7 v3 RouteOfAdministration codes beginning IV. */
const IV_ROUTE_CODES = new Set(['47625008', '255560000', '418114005', '419993007', 'C38276']);
const IV_TEXT = /intravenous|\bIV\b|\bI\.V\./i;

const conceptWords = (c: Concept | undefined): string =>
  [c?.text ?? '', ...(c?.coding ?? []).map((x) => x.display ?? '')].join(' ');

/**
 * Read independently of the engine: the record's route, method, drug or dose form says
 * intravenous somewhere (a code or a word). R20.1–R20.3: only such a record may ever give an
 * IV administration code; no route is not IV.
 */
export function saysIntravenous(ma: Record<string, unknown>): boolean {
  const dosage = (ma['dosage'] as { route?: Concept; method?: Concept } | undefined) ?? {};
  const codes = [...(dosage.route?.coding ?? []), ...(dosage.method?.coding ?? [])];
  if (codes.some((c) => IV_ROUTE_CODES.has(c.code ?? ''))) return true;
  if (
    (dosage.route?.coding ?? []).some(
      (c) => /v3-RouteOfAdministration$/.test(c.system ?? '') && /^IV/.test(c.code ?? ''),
    )
  )
    return true;
  const contained = (ma['contained'] as { code?: Concept; form?: Concept }[] | undefined) ?? [];
  const words = [
    conceptWords(dosage.route),
    conceptWords(dosage.method),
    conceptWords(drugConcept(ma)),
    ...contained.flatMap((m) => [conceptWords(m.code), conceptWords(m.form)]),
  ].join(' ');
  return IV_TEXT.test(words);
}

/**
 * Chemotherapy and complex biologics of the corpus (infusion-rules R2.1), by RxNorm ingredient
 * or product code as the records carry them, checked by hand against the CMS crosswalk's J9xxx
 * drugs: doxorubicin, cyclophosphamide, paclitaxel, vincristine, idarubicin, busulfan,
 * brentuximab, BCG live (J9030); Myleran is busulfan, Adcetris brentuximab.
 */
export const CHEMO_RXCUI = new Set([
  '1790099',
  '3002',
  '2644738',
  '56946',
  '11202',
  '5650',
  '1828',
  '1653484',
  '1653579',
]);
export const CHEMO_NAME =
  /doxorubicin|cyclophosphamide|paclitaxel|vincristine|idarubicin|busulfan|myleran|brentuximab|adcetris|\bBCG\b/i;

function isChemo(ma: Record<string, unknown>): boolean {
  const concept = drugConcept(ma);
  if ((concept?.coding ?? []).some((c) => CHEMO_RXCUI.has(c.code ?? ''))) return true;
  const contained = (ma['contained'] as { code?: Concept }[] | undefined) ?? [];
  const words = [conceptWords(concept), ...contained.map((m) => conceptWords(m.code))].join(' ');
  return CHEMO_NAME.test(words);
}

/** NDC, then HCPCS, then RxNorm, then a name (contract §2.2), from the concept itself. */
function codeKind(concept: Concept | undefined): CorpusRecord['drugCodeKind'] {
  const systems = (concept?.coding ?? []).map((c) => c.system ?? '');
  if (systems.some((s) => s.endsWith('/sid/ndc'))) return 'ndc';
  if (systems.some((s) => /HCPCSReleaseCodeSets$/.test(s))) return 'hcpcs';
  if (systems.some((s) => s.endsWith('/rxnorm'))) return 'rxnorm';
  if (concept?.text || (concept?.coding ?? []).length > 0) return 'name';
  return 'none';
}

export function drugConcept(ma: Record<string, unknown>): Concept | undefined {
  const direct = ma['medicationCodeableConcept'] as Concept | undefined;
  if (direct) return direct;
  const ref = (ma['medicationReference'] as { reference?: string } | undefined)?.reference;
  const contained = (ma['contained'] as { id?: string; code?: Concept }[] | undefined) ?? [];
  const med = ref?.startsWith('#') ? contained.find((c) => `#${c.id ?? ''}` === ref) : undefined;
  return med?.code;
}

/** A contained Medication with no code of its own, only ingredients. */
function ingredientOnly(ma: Record<string, unknown>): boolean {
  const contained =
    (ma['contained'] as { code?: unknown; ingredient?: unknown[] }[] | undefined) ?? [];
  return (
    !ma['medicationCodeableConcept'] &&
    contained.some((c) => !c.code && (c.ingredient ?? []).length > 0)
  );
}

export function corpusRecords(): CorpusRecord[] {
  const data = readSeedData(CORPUS_DIRS, here);
  return data.resources
    .filter(({ resource }) => resource.resourceType === 'MedicationAdministration')
    .map(({ resource, source }) => ({
      ref: `MedicationAdministration/${resource.id ?? ''}`,
      status: (resource as { status?: string }).status ?? '',
      source,
      drugCodeKind: ingredientOnly(resource as unknown as Record<string, unknown>)
        ? 'ingredient'
        : codeKind(drugConcept(resource as unknown as Record<string, unknown>)),
      saysIv: saysIntravenous(resource as unknown as Record<string, unknown>),
      chemo: isChemo(resource as unknown as Record<string, unknown>),
    }));
}

export interface EngineDrugView {
  status: string;
  /** contract §2.2 step that found a code (ndc, hcpcs, rxnorm, rxnorm-name, text), or none. */
  by: string;
  /** The category that follows (R2.1–R2.3); "unknown" = UNKNOWN_DRUG_CATEGORY. */
  category: string;
  hcpcs?: string;
}

/**
 * Each record's drug through the engine's own identification and category (built-in reference
 * data, the record's date), whether or not the audit makes a line for it: a held, oral or
 * not-given record is identified all the same.
 */
export function engineDrugView(): Map<string, EngineDrugView> {
  const ref = builtinReference();
  const out = new Map<string, EngineDrugView>();
  for (const { resource } of readSeedData(CORPUS_DIRS, here).resources) {
    if (resource.resourceType !== 'MedicationAdministration') continue;
    const ma = resource as unknown as Record<string, unknown>;
    const period = ma['effectivePeriod'] as { start?: string } | undefined;
    const when = (ma['effectiveDateTime'] as string | undefined) ?? period?.start ?? '';
    const concept = drugConcept(ma) as CodeableConcept | undefined;
    const r = resolveDrugCategory(drugIdentity([concept]), ref, when.slice(0, 10));
    const view: EngineDrugView = {
      status: (ma['status'] as string | undefined) ?? '',
      by: r.identifiedBy ?? 'none',
      category: r.unknown ? 'unknown' : r.category,
    };
    if (r.hcpcs) view.hcpcs = r.hcpcs;
    out.set(`MedicationAdministration/${resource.id ?? ''}`, view);
  }
  return out;
}

export interface ReportLine {
  code: string;
  units: number;
  modifiers?: string[];
  sources: string[];
  [key: string]: unknown;
}
export interface ReportWarning {
  code: string;
  severity: string;
  message: string;
  sources: string[];
}
export interface ReportEncounter {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  setting: string;
  lines: ReportLine[];
  warnings: ReportWarning[];
}

const auditArgs = (options: readonly string[]): string[] => [
  '--import',
  'tsx',
  'src/cli/audit.ts',
  ...options,
  ...CORPUS_DIRS.map((d) => relative(root, d)),
];

/** The audit command (as a user runs it) over the corpus folders. */
export function auditCorpus(options: readonly string[] = []): ReportEncounter[] {
  const stdout = execFileSync(process.execPath, auditArgs(options), {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(stdout) as { encounters: ReportEncounter[] }).encounters;
}

/** The same, without blocking, so several runs share the machine's cores. */
export function auditCorpusAsync(options: readonly string[] = []): Promise<ReportEncounter[]> {
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      auditArgs(options),
      { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        if (error) fail(error);
        else done((JSON.parse(stdout) as { encounters: ReportEncounter[] }).encounters);
      },
    );
  });
}

/** `rules.routeMissingPolicy = code_others` (R20.3 alternative): more records get lines. */
export const CODE_OTHERS_CONFIG = resolve(here, 'code-others.config.json');

/** IV administration codes (infusion-rules §3): 96360–96368, 96374–96379 and 96409–96417; not
 * the subcutaneous infusion (96369–96371), SC/IM injection (96372) or intra-arterial (96373) codes. */
export function isIvCode(code: string): boolean {
  const n = /^\d{5}$/.test(code) ? Number(code) : NaN;
  return (n >= 96360 && n <= 96368) || (n >= 96374 && n <= 96379) || (n >= 96409 && n <= 96417);
}

/** Therapeutic, prophylactic, diagnostic and hydration codes (96360–96379). */
export function isTherapeuticOrHydrationCode(code: string): boolean {
  const n = /^\d{5}$/.test(code) ? Number(code) : NaN;
  return n >= 96360 && n <= 96379;
}

/** Administration service codes (not drug lines): 96xxx. */
export const isAdministrationCode = (code: string): boolean => /^96\d{3}$/.test(code);
