// Header facts of the draft Claim, gathered from the billing picture (contract §2.4): primary
// coverage, prior-authorization numbers, the study's NCT number, the visit's diagnoses and the
// billing provider. Missing facts stay undefined; the coder view says so.
import type {
  Claim,
  ClaimResponse,
  Coverage,
  Encounter,
  FhirResource,
  MedicationAdministration,
  ResearchStudy,
  ResearchSubject,
} from 'fhir/r4';
import { SYSTEMS } from '../extensions.ts';
import type { ExistingClaim } from './claim-existing.ts';
import { nctDigits } from './claim-builder.ts';

export interface ClaimContext {
  coverage?: string;
  insurer?: string;
  provider?: string;
  diagnoses: string[];
  preAuthRefs: string[];
  /** Enrolled study on the date of service (active ResearchSubject). */
  study?: { ref: string; nctDigits?: string };
}

export interface ClaimContextQuery {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  /** HCPCS/CPT codes of the signed lines (to pick the authorizations that cover them). */
  codes: string[];
  existing?: ExistingClaim;
  activeStudyStatuses?: string[];
}

const DEFAULT_ACTIVE = ['on-study', 'on-study-intervention'];

function covers(date: string, start?: string, end?: string): boolean {
  return (!start || start.slice(0, 10) <= date) && (!end || end.slice(0, 10) >= date);
}

function ofType<T extends FhirResource>(rs: readonly FhirResource[], type: T['resourceType']): T[] {
  return rs.filter((r): r is T => r.resourceType === type);
}

function refTo(r: FhirResource): string {
  return `${r.resourceType}/${r.id ?? ''}`;
}

function primaryCoverage(rs: readonly FhirResource[], q: ClaimContextQuery): Coverage | undefined {
  return ofType<Coverage>(rs, 'Coverage')
    .filter(
      (c) =>
        c.beneficiary.reference === q.patient &&
        c.status === 'active' &&
        covers(q.dateOfService, c.period?.start, c.period?.end),
    )
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity))[0];
}

function preAuthRefs(rs: readonly FhirResource[], q: ClaimContextQuery): string[] {
  const claims = new Map(ofType<Claim>(rs, 'Claim').map((c) => [refTo(c), c]));
  const codesOf = (resp: ClaimResponse): string[] => {
    const request = resp.request?.reference ? claims.get(resp.request.reference) : undefined;
    const concepts = [
      ...(request?.item ?? []).map((i) => i.productOrService),
      ...(resp.addItem ?? []).map((i) => i.productOrService),
    ];
    return concepts.flatMap((cc) => (cc.coding ?? []).map((c) => c.code ?? ''));
  };
  return ofType<ClaimResponse>(rs, 'ClaimResponse')
    .filter(
      (r) =>
        r.use === 'preauthorization' &&
        (r.outcome === 'complete' || r.outcome === 'partial') &&
        !!r.preAuthRef &&
        covers(q.dateOfService, r.preAuthPeriod?.start, r.preAuthPeriod?.end) &&
        codesOf(r).some((c) => q.codes.includes(c)),
    )
    .map((r) => r.preAuthRef ?? '');
}

function enrolledStudy(rs: readonly FhirResource[], q: ClaimContextQuery): ClaimContext['study'] {
  const active = q.activeStudyStatuses ?? DEFAULT_ACTIVE;
  const subject = ofType<ResearchSubject>(rs, 'ResearchSubject').find(
    (s) =>
      s.individual?.reference === q.patient &&
      active.includes(s.status) &&
      covers(q.dateOfService, s.period?.start, s.period?.end),
  );
  const ref = subject?.study.reference;
  if (!ref) return undefined;
  const study = ofType<ResearchStudy>(rs, 'ResearchStudy').find((s) => refTo(s) === ref);
  const nct = (study?.identifier ?? [])
    .filter((i) => !i.system || i.system.toLowerCase().includes('clinicaltrials'))
    .map((i) => (i.value ? nctDigits(i.value) : undefined))
    .find((d) => d !== undefined);
  return nct ? { ref, nctDigits: nct } : { ref };
}

function icd10(codings: { system?: string; code?: string }[] | undefined): string[] {
  return (codings ?? [])
    .filter((c) => c.system === SYSTEMS.icd10cm && c.code)
    .map((c) => c.code ?? '');
}

function visitDiagnoses(rs: readonly FhirResource[], q: ClaimContextQuery): string[] {
  const fromClaim = q.existing?.info.diagnoses ?? [];
  const encounter = ofType<Encounter>(rs, 'Encounter').find((e) => refTo(e) === q.encounter);
  const fromEncounter = (encounter?.reasonCode ?? []).flatMap((cc) => icd10(cc.coding));
  const fromAdmins = ofType<MedicationAdministration>(rs, 'MedicationAdministration')
    .filter((a) => q.encounter !== null && a.context?.reference === q.encounter)
    .flatMap((a) => (a.reasonCode ?? []).flatMap((cc) => icd10(cc.coding)));
  return [...new Set([...fromClaim, ...fromEncounter, ...fromAdmins])];
}

export function claimContextFrom(
  resources: readonly FhirResource[],
  q: ClaimContextQuery,
): ClaimContext {
  const existing = q.existing?.resource;
  const coverage = primaryCoverage(resources, q);
  const encounter = ofType<Encounter>(resources, 'Encounter').find((e) => refTo(e) === q.encounter);
  const ctx: ClaimContext = {
    diagnoses: visitDiagnoses(resources, q),
    preAuthRefs: [
      ...new Set([...(q.existing?.info.preAuthRefs ?? []), ...preAuthRefs(resources, q)]),
    ],
  };
  const coverageRef = coverage ? refTo(coverage) : q.existing?.info.focalCoverage;
  if (coverageRef) ctx.coverage = coverageRef;
  const insurer = existing?.insurer?.reference ?? coverage?.payor[0]?.reference;
  if (insurer) ctx.insurer = insurer;
  const provider = existing?.provider.reference ?? encounter?.serviceProvider?.reference;
  if (provider) ctx.provider = provider;
  const study = enrolledStudy(resources, q);
  if (study) ctx.study = study;
  return ctx;
}

const SOPT = 'https://nahdo.org/sopt';

/** SOPT 1xx outside 11x: Medicare fee-for-service (research-billing T-47). */
function isOriginalMedicare(c: Coverage): boolean {
  return (c.type?.coding ?? []).some(
    (k) => k.system === SOPT && /^1/.test(k.code ?? '') && !/^11/.test(k.code ?? ''),
  );
}

/** Where an MA enrollee's trial claim goes instead (T-43): Original Medicare. */
export interface OriginalMedicareTarget {
  /** 'Coverage/<id>' when the patient has a Medicare fee-for-service Coverage on file. */
  coverage?: string;
  insurer?: string;
  /** How the claim names the coverage and insurer when no record is on file. */
  display: string;
}

export function originalMedicareTarget(
  resources: readonly FhirResource[],
  q: Pick<ClaimContextQuery, 'patient' | 'dateOfService'>,
): OriginalMedicareTarget {
  const ffs = ofType<Coverage>(resources, 'Coverage').find(
    (c) =>
      c.beneficiary.reference === q.patient &&
      c.status === 'active' &&
      covers(q.dateOfService, c.period?.start, c.period?.end) &&
      isOriginalMedicare(c),
  );
  const display = 'Original Medicare (Part B, Medicare Administrative Contractor)';
  if (!ffs) return { display };
  const insurer = ffs.payor[0]?.reference;
  return { coverage: refTo(ffs), ...(insurer ? { insurer } : {}), display };
}
