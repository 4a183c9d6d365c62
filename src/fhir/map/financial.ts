// Coverage, eligibility (authorization required), preauthorizations and existing claims
// (contract §2.4).
import type {
  AuthRequirement,
  ClaimInfo,
  ClaimLineInfo,
  CoverageInfo,
  PreAuthorization,
} from '../../engine/index.ts';
import { SYSTEMS } from '../extensions.ts';
import type { IndexedResource } from '../references.ts';
import type {
  ClaimR,
  ClaimResponseR,
  CoverageEligibilityResponseR,
  CoverageR,
} from '../schemas/financial.ts';
import { hcpcsCodesOf, ndcOf, normalizeIcd10, serviceCodeOf } from './codes.ts';
import { readAs, type MapContext } from './context.ts';
import { dateOf, endDateOf } from './time.ts';

export function mapCoverage(ctx: MapContext, c: CoverageR, key: string): CoverageInfo {
  const info: CoverageInfo = { ref: key, beneficiary: ctx.patient, status: c.status };
  const ps = dateOf(c.period?.start);
  const pe = endDateOf(c.period?.end);
  if (ps) info.periodStart = ps;
  if (pe) info.periodEnd = pe;
  if (c.order !== undefined) info.order = c.order;
  const sopt = c.type?.coding?.find((x) => x.system === SYSTEMS.sopt && x.code)?.code;
  if (sopt) info.sopt = sopt;
  const payor = c.payor?.[0];
  if (payor?.reference) info.payor = ctx.index.canonical(payor.reference);
  const display = payor?.display ?? c.type?.text;
  if (display) info.display = display;
  return info;
}

export function mapAuthRequirements(
  ctx: MapContext,
  r: CoverageEligibilityResponseR,
  key: string,
): AuthRequirement[] {
  const out: AuthRequirement[] = [];
  for (const ins of r.insurance ?? []) {
    const coverage = ins.coverage?.reference
      ? ctx.index.canonical(ins.coverage.reference)
      : undefined;
    for (const item of ins.item ?? []) {
      if (item.authorizationRequired === undefined) continue;
      for (const hcpcs of hcpcsCodesOf(item.productOrService)) {
        const req: AuthRequirement = { ref: key, hcpcs, required: item.authorizationRequired };
        if (coverage) req.coverage = coverage;
        out.push(req);
      }
    }
  }
  return out;
}

export function mapPreAuthorization(
  ctx: MapContext,
  cr: ClaimResponseR,
  self: IndexedResource,
): PreAuthorization {
  const info: PreAuthorization = {
    ref: self.key,
    outcome: cr.outcome ?? '',
    hcpcs: [],
    unitsByHcpcs: {},
  };
  if (cr.preAuthRef) info.preAuthRef = cr.preAuthRef;
  const ps = dateOf(cr.preAuthPeriod?.start);
  const pe = endDateOf(cr.preAuthPeriod?.end);
  if (ps) info.periodStart = ps;
  if (pe) info.periodEnd = pe;
  const add = (code: string): void => {
    if (!info.hcpcs.includes(code)) info.hcpcs.push(code);
  };
  if (cr.request?.reference) {
    const target = ctx.index.resolve(cr.request.reference, self);
    info.requestClaim = target?.key ?? ctx.index.canonical(cr.request.reference);
    const claim = readAs(ctx, 'Claim', target);
    for (const item of claim?.item ?? []) {
      for (const code of hcpcsCodesOf(item.productOrService)) {
        add(code);
        const units = item.quantity?.value;
        if (units !== undefined) info.unitsByHcpcs[code] = (info.unitsByHcpcs[code] ?? 0) + units;
      }
    }
  }
  for (const item of cr.addItem ?? [])
    for (const code of hcpcsCodesOf(item.productOrService)) add(code);
  return info;
}

const isNubc = (system: string | undefined): boolean => /nubc/i.test(system ?? '');

function claimEncounter(ctx: MapContext, c: ClaimR): string | undefined {
  for (const item of c.item ?? []) {
    for (const e of item.encounter ?? []) if (e.reference) return ctx.index.canonical(e.reference);
  }
  for (const s of c.supportingInfo ?? []) {
    const ref = s.valueReference?.reference;
    const key = ref ? ctx.index.canonical(ref) : undefined;
    if (key?.startsWith('Encounter/')) return key;
  }
  return undefined;
}

function claimLine(
  ctx: MapContext,
  item: NonNullable<ClaimR['item']>[number],
  i: number,
): ClaimLineInfo {
  const line: ClaimLineInfo = {
    sequence: item.sequence ?? i + 1,
    code: serviceCodeOf(item.productOrService) ?? '',
    modifiers: (item.modifier ?? []).flatMap((m) =>
      (m.coding ?? []).flatMap((c) => (c.code ? [c.code.trim().toUpperCase()] : [])),
    ),
    units: item.quantity?.value ?? 1,
  };
  const date = dateOf(item.servicedDate ?? item.servicedPeriod?.start);
  if (date) line.date = date;
  for (const d of item.detail ?? []) {
    const ndc = ndcOf(d.productOrService, ctx.ndcKnown);
    if (ndc) {
      line.ndc = ndc;
      break;
    }
  }
  if (item.net?.value !== undefined) line.net = item.net.value;
  return line;
}

export function mapClaim(ctx: MapContext, c: ClaimR, key: string): ClaimInfo {
  const typeCode = c.type?.coding?.find((x) => x.code)?.code;
  const info: ClaimInfo = {
    ref: key,
    use: c.use,
    status: c.status ?? '',
    patient: ctx.patient,
    lines: (c.item ?? []).map((item, i) => claimLine(ctx, item, i)),
    diagnoses: [],
    trialNumbers: [],
    valueCodeD4: [],
    conditionCodes: [],
    preAuthRefs: [],
  };
  if (typeCode === 'professional' || typeCode === 'institutional') info.type = typeCode;
  else if (typeCode) info.otherType = typeCode; // pharmacy, oral, vision: never compared (#13)
  const encounter = claimEncounter(ctx, c);
  if (encounter) info.encounter = encounter;
  for (const d of c.diagnosis ?? []) {
    for (const cd of d.diagnosisCodeableConcept?.coding ?? []) {
      if (cd.system === SYSTEMS.icd10cm && cd.code) info.diagnoses.push(normalizeIcd10(cd.code));
    }
  }
  for (const s of c.supportingInfo ?? []) {
    const category = s.category?.coding?.map((x) => x.code ?? '') ?? [];
    const nubc = (s.code?.coding ?? []).filter((x) => isNubc(x.system) && x.code);
    const value =
      s.valueString ??
      (s.valueQuantity?.value !== undefined ? String(s.valueQuantity.value) : undefined);
    if (nubc.length > 0) {
      const isValueCategory = category.some((x) => /value/i.test(x));
      for (const n of nubc) {
        const code = (n.code ?? '').trim().toUpperCase();
        if (code === 'D4' || isValueCategory) {
          if (code === 'D4' && value !== undefined) info.valueCodeD4.push(value);
        } else info.conditionCodes.push(code);
      }
    } else if (category.includes('info') && s.valueString !== undefined) {
      info.trialNumbers.push(s.valueString);
    }
  }
  for (const ins of c.insurance ?? []) {
    info.preAuthRefs.push(...(ins.preAuthRef ?? []));
    if (ins.focal && ins.coverage?.reference && !info.focalCoverage) {
      info.focalCoverage = ctx.index.canonical(ins.coverage.reference);
    }
  }
  if (c.insurer?.reference) info.insurer = ctx.index.canonical(c.insurer.reference);
  const version = c.meta?.versionId;
  if (version) info.versionId = version;
  return info;
}
