// FHIR resources → engine input, one PatientInput per patient (contract §2). Shared by the
// app and the audit command so both give the same answer for the same data.
// zod at the boundary: an invalid resource becomes an INVALID_RESOURCE issue naming it, and
// the rest is still mapped. INVALID_TIME_RANGE is left to the infusion engine.
import { mapClaimResponseAdjudications, mapExplanationOfBenefit } from './adjudications.ts';
import type {
  Administration,
  EncounterInfo,
  InputIssue,
  PatientInput,
  Readability,
  ResearchStudyInfo,
} from '../../engine/index.ts';
import type { ReferenceData } from '../../reference/types.ts';
import {
  flattenResources,
  ResourceIndex,
  type IndexedResource,
  type RawResource,
} from '../references.ts';
import { mapAdministration, localIsoDate } from './administration.ts';
import { mapEncounter, mapResearchStudy, mapResearchSubject } from './clinical.ts';
import type { NdcKnown } from '../../reference/ndc.ts';
import { readAs, reportInvalid, type IssuePlace, type MapContext } from './context.ts';
import { mapAuthRequirements, mapClaim, mapCoverage, mapPreAuthorization } from './financial.ts';
import { medicationKnowledgeOverlay } from './medication-knowledge.ts';
import { PATIENT_ELEMENT, patientReferenceOf } from './patient-key.ts';
import { parseTimestamp } from './time.ts';

export interface MapOptions {
  /** Kinds of data that could not be read (scopes, server): reported as unknown, never none. */
  readable?: Partial<Readability>;
  /** Reads an ambiguous 10-digit NDC without hyphens (see normalizeNdc). */
  ndcKnown?: NdcKnown;
  /**
   * The patient an Encounter belongs to, when the input was split by patient (the audit
   * command) and the encounter may sit in another patient's part.
   */
  encounterPatient?: (encounter: string) => string | undefined;
}

/** Patient of resources whose patient link is missing or unreadable. */
export const UNKNOWN_PATIENT = 'unknown';

function rawString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function rawRef(r: RawResource, element: string): string | undefined {
  const v = r[element];
  return typeof v === 'object' && v !== null
    ? rawString((v as { reference?: unknown }).reference)
    : undefined;
}

/** Best-effort place of an invalid administration, read from the raw JSON. */
function rawPlace(ctx: MapContext, r: RawResource): IssuePlace {
  const context = rawRef(r, 'context');
  const encounter = context ? ctx.index.canonical(context) : undefined;
  const period = r.effectivePeriod;
  const startRaw =
    typeof period === 'object' && period !== null
      ? rawString((period as { start?: unknown }).start)
      : rawString(r.effectiveDateTime);
  const start = parseTimestamp(startRaw);
  const place: IssuePlace = {
    encounter: encounter?.startsWith('Encounter/') ? encounter : null,
  };
  if (start) place.date = localIsoDate(start);
  return place;
}

function versionOf(r: RawResource): number {
  const meta = r.meta;
  const v =
    typeof meta === 'object' && meta !== null
      ? (meta as { versionId?: unknown }).versionId
      : undefined;
  const n = typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : -Infinity;
}

/**
 * One record per resource: the same `Type/id` read twice (two files, a Bundle and an export)
 * counts once, the higher `meta.versionId` winning, else the one read last.
 */
export function latestByKey(records: readonly IndexedResource[]): readonly IndexedResource[] {
  const byKey = new Map<string, IndexedResource>();
  for (const rec of records) {
    const prev = byKey.get(rec.key);
    if (!prev || versionOf(rec.resource) >= versionOf(prev.resource)) byKey.set(rec.key, rec);
  }
  // No key read twice (the usual case): the records as they are, not a copy (issue 18 part 2).
  return byKey.size === records.length ? records : [...byKey.values()];
}

/** Maps the resources of one patient; `index` resolves references (shared ones too). */
export function mapPatient(
  patient: string,
  records: readonly IndexedResource[],
  index: ResourceIndex,
  options: MapOptions = {},
): PatientInput {
  const ctx: MapContext = {
    index,
    patient,
    issues: [],
    ndcKnown: options.ndcKnown,
    cache: new WeakMap(),
    reported: new Set(),
  };
  const out: PatientInput = {
    patient,
    administrations: [],
    encounters: [],
    coverages: [],
    authRequirements: [],
    preAuthorizations: [],
    researchSubjects: [],
    researchStudies: [],
    claims: [],
    readable: {
      coverage: true,
      claims: true,
      research: true,
      eligibility: true,
      ...options.readable,
    },
    issues: ctx.issues,
  };
  const encounters = new Map<string, EncounterInfo>();
  const studyRefs = new Set<string>();
  const addEncounter = (rec: IndexedResource): void => {
    if (encounters.has(rec.key)) return;
    const enc = readAs(ctx, 'Encounter', rec, { encounter: rec.key });
    if (!enc) return;
    const info = mapEncounter(ctx, enc, rec);
    encounters.set(rec.key, info);
    if (info.researchStudy) studyRefs.add(info.researchStudy);
  };

  for (const rec of latestByKey(records)) {
    switch (rec.resource.resourceType) {
      case 'MedicationAdministration': {
        const ma = readAs(ctx, 'MedicationAdministration', rec, () => rawPlace(ctx, rec.resource));
        if (!ma) break;
        const ctxRef = ma.context?.reference ? index.canonical(ma.context.reference) : undefined;
        const encounter = ctxRef?.startsWith('Encounter/') ? ctxRef : null;
        const a: Administration = mapAdministration(ctx, ma, rec, encounter);
        // contract §2.1: a record with no start instant cannot be placed in time or billed; it
        // is named, never dropped silently.
        if (!a.start) {
          const problem = a.end
            ? 'effectivePeriod.start missing (only an end)'
            : 'effective[x] missing (no effectiveDateTime or effectivePeriod.start)';
          reportInvalid(ctx, rec.key, problem, {
            encounter,
            ...(a.end ? { date: localIsoDate(a.end) } : {}),
          });
          break;
        }
        out.administrations.push(a);
        if (a.researchStudy) studyRefs.add(a.researchStudy);
        break;
      }
      case 'Encounter':
        addEncounter(rec);
        break;
      case 'Coverage': {
        const c = readAs(ctx, 'Coverage', rec);
        if (c) out.coverages.push(mapCoverage(ctx, c, rec.key));
        break;
      }
      case 'CoverageEligibilityResponse': {
        const r = readAs(ctx, 'CoverageEligibilityResponse', rec);
        if (r) out.authRequirements.push(...mapAuthRequirements(ctx, r, rec.key));
        break;
      }
      case 'ClaimResponse': {
        const r = readAs(ctx, 'ClaimResponse', rec);
        if (r?.use === 'preauthorization')
          out.preAuthorizations.push(mapPreAuthorization(ctx, r, rec));
        else if (r?.use === 'claim')
          (out.adjudications ??= []).push(...mapClaimResponseAdjudications(ctx, r, rec.key));
        break;
      }
      case 'ExplanationOfBenefit': {
        const r = readAs(ctx, 'ExplanationOfBenefit', rec);
        if (r) (out.adjudications ??= []).push(...mapExplanationOfBenefit(ctx, r, rec.key));
        break;
      }
      case 'Claim': {
        const c = readAs(ctx, 'Claim', rec);
        if (c) out.claims.push(mapClaim(ctx, c, rec.key));
        break;
      }
      case 'ResearchSubject': {
        const r = readAs(ctx, 'ResearchSubject', rec);
        if (!r) break;
        const info = mapResearchSubject(ctx, r, rec);
        out.researchSubjects.push(info);
        if (info.study) studyRefs.add(info.study);
        break;
      }
      default:
        break;
    }
  }
  out.administrations = withoutForeignEncounters(ctx, out.administrations, options);
  // Encounters named by administrations but filed elsewhere (e.g. without a subject).
  for (const a of out.administrations) {
    if (a.encounter && !encounters.has(a.encounter)) {
      const found = index.resolve(a.encounter);
      if (found) addEncounter(found);
    }
  }
  out.encounters = [...encounters.values()];
  for (const ref of studyRefs) {
    const found = index.resolve(ref);
    const study = readAs(ctx, 'ResearchStudy', found);
    if (study && found)
      out.researchStudies.push(mapResearchStudy(study, found.key) satisfies ResearchStudyInfo);
  }
  return out;
}

/**
 * An administration whose encounter belongs to another patient is not billed on that encounter:
 * ENCOUNTER_SUBJECT_MISMATCH (error) names both, on the patient's own date of the record.
 */
function withoutForeignEncounters(
  ctx: MapContext,
  administrations: Administration[],
  options: MapOptions,
): Administration[] {
  const owners = new Map<string, string | undefined>();
  const ownerOf = (encounter: string): string | undefined => {
    if (owners.has(encounter)) return owners.get(encounter);
    let owner = options.encounterPatient?.(encounter);
    if (owner === undefined) {
      const found = ctx.index.resolve(encounter);
      if (found?.resource.resourceType === 'Encounter')
        owner = patientKeyOf(ctx.index, found.resource);
    }
    if (owner === UNKNOWN_PATIENT) owner = undefined;
    owners.set(encounter, owner);
    return owner;
  };
  let kept: Administration[] | undefined;
  administrations.forEach((a, i) => {
    const owner = a.encounter ? ownerOf(a.encounter) : undefined;
    if (owner === undefined || owner === ctx.patient) {
      kept?.push(a);
      return;
    }
    kept ??= administrations.slice(0, i);
    // Never billed on that encounter. A record that bills nothing anyway (not completed, not
    // given) is kept without the encounter, so its own status warning (NOT_COMPLETED_EXCLUDED,
    // NOT_GIVEN_NOT_BILLED: contract §2.1) still reaches the coder and the nurse.
    if (a.status !== 'completed' && a.status !== 'stopped') kept.push({ ...a, encounter: null });
    const issue: InputIssue = {
      code: 'ENCOUNTER_SUBJECT_MISMATCH',
      severity: 'error',
      message:
        `${a.ref} (${ctx.patient}) names ${a.encounter}, which belongs to ${owner}; ` +
        "not billed on that encounter. Correct the record's encounter or subject.",
      sources: [a.ref],
      patient: ctx.patient,
      encounter: null,
    };
    const at = a.start ?? a.end;
    if (at) issue.date = localIsoDate(at);
    ctx.issues.push(issue);
  });
  return kept ?? administrations;
}

/** The canonical patient key of a patient-scoped resource. */
export function patientKeyOf(index: ResourceIndex, resource: RawResource): string {
  const ref = patientReferenceOf(resource);
  return ref ? index.canonical(ref) : UNKNOWN_PATIENT;
}

/** Map any mix of resources (Bundles already flattened or not) into per-patient engine input. */
export function mapPatientInputs(
  resources: readonly unknown[],
  options: MapOptions = {},
): PatientInput[] {
  const flat = flattenResources(resources);
  const index = new ResourceIndex();
  const records: IndexedResource[] = [];
  flat.forEach(({ resource, fullUrl }, i) => {
    const key = index.add(resource, fullUrl) ?? `${resource.resourceType}/(entry ${i + 1})`;
    if (PATIENT_ELEMENT[resource.resourceType]) records.push({ key, resource });
  });
  const byPatient = new Map<string, IndexedResource[]>();
  for (const rec of records) {
    const patient = patientKeyOf(index, rec.resource);
    const list = byPatient.get(patient);
    if (list) list.push(rec);
    else byPatient.set(patient, [rec]);
  }
  return [...byPatient].map(([patient, recs]) => mapPatient(patient, recs, index, options));
}

/** MedicationKnowledge resources in the input take precedence over the built-in data (§2.3). */
export function withMedicationKnowledge(
  base: ReferenceData,
  resources: readonly unknown[],
): ReferenceData {
  const mks = flattenResources(resources)
    .map((f) => f.resource)
    .filter((r) => r.resourceType === 'MedicationKnowledge');
  return mks.length > 0 ? medicationKnowledgeOverlay(base, mks) : base;
}
