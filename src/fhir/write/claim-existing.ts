// The encounter's existing billing Claim (contract §2.4): use = claim, naming the encounter in
// item.encounter or supportingInfo, any status. Read into the engine's ClaimInfo so the coder
// view can compare it with the derived lines, and kept raw so a draft can be updated.
import type { Claim, CodeableConcept, FhirResource } from 'fhir/r4';
import type { ClaimInfo, ClaimLineInfo } from '../../engine/index.ts';
import { SYSTEMS } from '../extensions.ts';

export interface ExistingClaim {
  resource: Claim & { id: string };
  info: ClaimInfo;
  /** Weak ETag from meta.versionId (W/"3"), for If-Match. */
  etag: string | undefined;
}

const PROCEDURE_SYSTEMS: string[] = [SYSTEMS.cpt, SYSTEMS.hcpcs, SYSTEMS.hcpcsHttps];

/** The first coded value, preferring the given systems. */
export function codeOf(cc: CodeableConcept | undefined, systems?: string[]): string | undefined {
  const codings = cc?.coding ?? [];
  const hit =
    codings.find((c) => c.code && (!systems || (c.system && systems.includes(c.system)))) ??
    codings.find((c) => c.code);
  return hit?.code;
}

function namesEncounter(claim: Claim, encounter: string): boolean {
  const inItems = (claim.item ?? []).some((i) =>
    (i.encounter ?? []).some((e) => e.reference === encounter),
  );
  const inInfo = (claim.supportingInfo ?? []).some(
    (s) => s.valueReference?.reference === encounter,
  );
  return inItems || inInfo;
}

function lineOf(item: NonNullable<Claim['item']>[number]): ClaimLineInfo | undefined {
  const code = codeOf(item.productOrService, PROCEDURE_SYSTEMS);
  if (!code) return undefined;
  const line: ClaimLineInfo = {
    sequence: item.sequence,
    code,
    modifiers: (item.modifier ?? []).map((m) => codeOf(m)).filter((m): m is string => !!m),
    units: item.quantity?.value ?? 1,
  };
  const date = item.servicedDate ?? item.servicedPeriod?.start?.slice(0, 10);
  if (date) line.date = date;
  const ndc = (item.detail ?? [])
    .map((d) => codeOf(d.productOrService, [SYSTEMS.ndc]))
    .find((c) => c !== undefined);
  if (ndc) line.ndc = ndc;
  if (item.net?.value !== undefined) line.net = item.net.value;
  return line;
}

function isNubc(cc: CodeableConcept | undefined, code: string): boolean {
  return (cc?.coding ?? []).some((c) => c.code === code && (c.system ?? '').includes('nubc'));
}

export function claimInfoOf(claim: Claim & { id: string }, encounter: string | null): ClaimInfo {
  const info = claim.supportingInfo ?? [];
  const category = (s: (typeof info)[number]) => codeOf(s.category);
  const out: ClaimInfo = {
    ref: `Claim/${claim.id}`,
    use: claim.use,
    status: claim.status,
    patient: claim.patient.reference ?? '',
    lines: (claim.item ?? []).map(lineOf).filter((l): l is ClaimLineInfo => !!l),
    diagnoses: (claim.diagnosis ?? [])
      .map((d) => codeOf(d.diagnosisCodeableConcept, [SYSTEMS.icd10cm]))
      .filter((c): c is string => !!c),
    trialNumbers: info
      .filter((s) => category(s) === 'info' && !s.code && s.valueString)
      .map((s) => s.valueString ?? ''),
    valueCodeD4: info.filter((s) => isNubc(s.code, 'D4')).map((s) => s.valueString ?? ''),
    conditionCodes: info
      .flatMap((s) => s.code?.coding ?? [])
      .filter((c) => (c.system ?? '').includes('nubc') && c.code && c.code !== 'D4')
      .map((c) => c.code ?? ''),
    preAuthRefs: (claim.insurance ?? []).flatMap((i) => i.preAuthRef ?? []),
  };
  const type = codeOf(claim.type);
  if (type === 'professional' || type === 'institutional') out.type = type;
  if (encounter) out.encounter = encounter;
  const focal = (claim.insurance ?? []).find((i) => i.focal) ?? claim.insurance?.[0];
  if (focal?.coverage.reference) out.focalCoverage = focal.coverage.reference;
  if (claim.insurer?.reference) out.insurer = claim.insurer.reference;
  if (claim.meta?.versionId) out.versionId = claim.meta.versionId;
  return out;
}

/** The encounter's use=claim Claim; a draft is preferred, then the most recently created. */
export function findExistingClaim(
  resources: readonly FhirResource[],
  encounter: string | null,
): ExistingClaim | undefined {
  if (!encounter) return undefined;
  const claims = resources.filter(
    (r): r is Claim & { id: string } =>
      r.resourceType === 'Claim' &&
      !!r.id &&
      r.use === 'claim' &&
      r.status !== 'entered-in-error' &&
      namesEncounter(r, encounter),
  );
  claims.sort(
    (a, b) =>
      Number(b.status === 'draft') - Number(a.status === 'draft') ||
      (b.created ?? '').localeCompare(a.created ?? ''),
  );
  const resource = claims[0];
  if (!resource) return undefined;
  const versionId = resource.meta?.versionId;
  return {
    resource,
    info: claimInfoOf(resource, encounter),
    etag: versionId ? `W/"${versionId}"` : undefined,
  };
}
