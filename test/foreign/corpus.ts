// The foreign-data corpus (FHIR R4 written outside this project, see README.md): its
// MedicationAdministrations as read from the files, and the audit command's report over it.
import { execFileSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSeedData } from '../../src/sandbox/seed-data.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
/** The data folders (the test and script files next to them are not data). */
export const CORPUS_DIRS = ['r4-spec', 'mcode', 'health-care-surveys'].map((d) => resolve(here, d));

export interface CorpusRecord {
  /** `MedicationAdministration/<id>`, as the report's sources name it. */
  ref: string;
  status: string;
  source: string;
  /** The first code kind the record's drug carries, in the contract §2.2 order. */
  drugCodeKind: 'ndc' | 'hcpcs' | 'rxnorm' | 'name' | 'ingredient' | 'none';
}

interface Concept {
  coding?: { system?: string }[];
  text?: string;
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

function drugConcept(ma: Record<string, unknown>): Concept | undefined {
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
    }));
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

/** The audit command (as a user runs it) over the corpus folders. */
export function auditCorpus(): ReportEncounter[] {
  const stdout = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/audit.ts', ...CORPUS_DIRS.map((d) => relative(root, d))],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return (JSON.parse(stdout) as { encounters: ReportEncounter[] }).encounters;
}

/** IV administration codes (infusion-rules): 96360–96379 and 96409–96417. */
export function isIvCode(code: string): boolean {
  const n = /^\d{5}$/.test(code) ? Number(code) : NaN;
  return (n >= 96360 && n <= 96379) || (n >= 96409 && n <= 96417);
}

/** Therapeutic, prophylactic, diagnostic and hydration codes (96360–96379). */
export function isTherapeuticOrHydrationCode(code: string): boolean {
  const n = /^\d{5}$/.test(code) ? Number(code) : NaN;
  return n >= 96360 && n <= 96379;
}

/** Administration service codes (not drug lines): 96xxx. */
export const isAdministrationCode = (code: string): boolean => /^96\d{3}$/.test(code);
