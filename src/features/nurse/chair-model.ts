// What the chair view shows, from the FHIR resources of the billing picture: today's
// administrations for the launch encounter (or all the patient's today when there is none)
// with a plain status, and the ordered drugs not yet started (issue 5 §1; contract §2.1).
import type {
  CodeableConcept,
  FhirResource,
  Medication,
  MedicationAdministration,
  MedicationRequest,
  Quantity,
  Resource,
} from 'fhir/r4';
import { SYSTEMS } from '../../fhir/extensions.ts';
import { readWaste } from '../../fhir/write/medication-administration.ts';
import { isSameLocalDay } from './local-time.ts';

export type ChairStatus =
  'running' | 'paused' | 'needs-stop' | 'needs-start' | 'done' | 'stopped-early' | 'not-given';

export const STATUS_TEXT: Record<ChairStatus, string> = {
  running: 'Running',
  paused: 'Paused',
  'needs-stop': 'Needs a stop time',
  'needs-start': 'Needs a start time',
  done: 'Done',
  'stopped-early': 'Stopped early',
  'not-given': 'Not given',
};

export interface DrugFacts {
  name: string;
  ndcs: string[];
  hcpcs: string[];
  dose: Quantity | undefined;
  /** The drug's codes as charted, and its ingredients' (issue 14 §2: no waste on fluids). */
  concepts?: CodeableConcept[];
}

export interface AdministrationRow {
  /** 'MedicationAdministration/<id>', or 'local:<uuid>' for one not yet on the server. */
  ref: string;
  resource: MedicationAdministration;
  etag: string | undefined;
  drug: DrugFacts;
  start: string | undefined;
  end: string | undefined;
  status: ChairStatus;
  isInfusion: boolean;
  wasteDocumented: boolean;
}

export interface OrderRow {
  request: MedicationRequest & { id: string };
  drug: DrugFacts;
}

export interface ChairModel {
  running: AdministrationRow[];
  timeline: AdministrationRow[];
  orders: OrderRow[];
}

export interface ChairScope {
  patientId: string | undefined;
  encounterId: string | undefined;
  now: Date;
}

/** Shown first, under "Running now". */
const ACTIVE: ReadonlySet<ChairStatus> = new Set(['running', 'paused']);
const PUSH_CODES = new Set(['IVPUSH', 'IVRPUSH', 'IVSPUSH', 'IVINJBOL', 'IVINJ']);
const IV_CODES = new Set([...PUSH_CODES, 'IV', 'IVC', 'IVCI', '47625008']);
const HCPCS_SYSTEMS: ReadonlySet<string> = new Set([SYSTEMS.hcpcs, SYSTEMS.hcpcsHttps]);

export function refMatches(reference: string | undefined, type: string, id: string): boolean {
  return reference === `${type}/${id}` || (reference?.endsWith(`/${type}/${id}`) ?? false);
}

export function etagOf(resource: FhirResource): string | undefined {
  const v = resource.meta?.versionId;
  return v ? `W/"${v}"` : undefined;
}

function codes(cc: CodeableConcept | undefined): string[] {
  return (cc?.coding ?? []).map((c) => c.code ?? '').filter(Boolean);
}

function isPush(ma: MedicationAdministration): boolean {
  const d = ma.dosage;
  const coded = [...codes(d?.method), ...codes(d?.route)];
  if (coded.some((c) => PUSH_CODES.has(c))) return true;
  return !!ma.effectiveDateTime && !ma.effectivePeriod && !d?.rateRatio && !d?.rateQuantity;
}

function isIntravenousOrUnknown(ma: MedicationAdministration): boolean {
  const route = codes(ma.dosage?.route);
  return route.length === 0 || route.some((c) => IV_CODES.has(c));
}

function findMedication(
  reference: string | undefined,
  holder: { contained?: Resource[] },
  resources: readonly FhirResource[],
): Medication | undefined {
  if (!reference) return undefined;
  if (reference.startsWith('#')) {
    const id = reference.slice(1);
    const c = holder.contained?.find((r) => r.resourceType === 'Medication' && r.id === id);
    return c as Medication | undefined;
  }
  const id = reference.split('/').pop() ?? '';
  const m = resources.find((r): r is Medication => r.resourceType === 'Medication' && r.id === id);
  return m;
}

export function drugFacts(
  holder: MedicationAdministration | MedicationRequest,
  resources: readonly FhirResource[],
  dose: Quantity | undefined,
): DrugFacts {
  const medication = holder.medicationCodeableConcept
    ? undefined
    : findMedication(holder.medicationReference?.reference, holder, resources);
  const cc = holder.medicationCodeableConcept ?? medication?.code;
  const ingredients = (medication?.ingredient ?? [])
    .map((i) => i.itemCodeableConcept)
    .filter((c): c is CodeableConcept => !!c);
  const coding = cc?.coding ?? [];
  const name =
    cc?.text ??
    coding.find((c) => c.display)?.display ??
    holder.medicationReference?.display ??
    (holder.resourceType === 'MedicationRequest'
      ? holder.dosageInstruction?.[0]?.text
      : undefined) ??
    'Unnamed drug';
  return {
    name,
    ndcs: coding.filter((c) => c.system === SYSTEMS.ndc && c.code).map((c) => c.code ?? ''),
    hcpcs: coding
      .filter((c) => HCPCS_SYSTEMS.has(c.system ?? '') && c.code)
      .map((c) => c.code ?? ''),
    dose,
    concepts: [...(cc ? [cc] : []), ...ingredients],
  };
}

export function chairStatus(ma: MedicationAdministration, isInfusion: boolean): ChairStatus {
  const start = ma.effectivePeriod?.start ?? ma.effectiveDateTime;
  const end = ma.effectivePeriod?.end;
  switch (ma.status) {
    case 'in-progress':
    case 'unknown':
      return !start ? 'needs-start' : 'running';
    case 'on-hold':
      return !start ? 'needs-start' : 'paused';
    case 'completed':
      if (!start) return 'needs-start';
      return isInfusion && !end ? 'needs-stop' : 'done';
    case 'stopped':
      return isInfusion && !end ? 'needs-stop' : 'stopped-early';
    default:
      return 'not-given';
  }
}

export function administrationRow(
  ref: string,
  ma: MedicationAdministration,
  resources: readonly FhirResource[],
): AdministrationRow {
  const isInfusion = !isPush(ma) && isIntravenousOrUnknown(ma);
  const waste = readWaste(ma);
  return {
    ref,
    resource: ma,
    etag: etagOf(ma),
    drug: drugFacts(ma, resources, ma.dosage?.dose),
    start: ma.effectivePeriod?.start ?? ma.effectiveDateTime,
    end: ma.effectivePeriod?.end,
    status: chairStatus(ma, isInfusion),
    isInfusion,
    wasteDocumented: waste.discarded !== undefined,
  };
}

function belongsToday(ma: MedicationAdministration, scope: ChairScope): boolean {
  if (scope.encounterId) return refMatches(ma.context?.reference, 'Encounter', scope.encounterId);
  const start = ma.effectivePeriod?.start ?? ma.effectiveDateTime;
  if (!start) return ma.status === 'in-progress' || ma.status === 'on-hold';
  return isSameLocalDay(start, scope.now) || isSameLocalDay(ma.effectivePeriod?.end, scope.now);
}

function ofPatient(subject: string | undefined, scope: ChairScope): boolean {
  return !scope.patientId || refMatches(subject, 'Patient', scope.patientId);
}

function orderedToday(mr: MedicationRequest, scope: ChairScope): boolean {
  if (mr.status !== 'active' && mr.status !== 'on-hold') return false;
  if (scope.encounterId) return refMatches(mr.encounter?.reference, 'Encounter', scope.encounterId);
  return isSameLocalDay(mr.authoredOn, scope.now);
}

function startMs(row: AdministrationRow): number {
  const ms = row.start ? Date.parse(row.start) : NaN;
  return Number.isFinite(ms) ? ms : Number.MAX_SAFE_INTEGER;
}

/**
 * Rows for the chair. `extra` are administrations not yet on the server (pending creates),
 * already merged with the nurse's pending changes by the caller.
 */
export function buildChairModel(
  resources: readonly FhirResource[],
  scope: ChairScope,
  overlay: (ref: string, ma: MedicationAdministration) => MedicationAdministration = (_r, m) => m,
  extra: readonly { ref: string; resource: MedicationAdministration }[] = [],
): ChairModel {
  const all = resources.filter(
    (r): r is MedicationAdministration & { id: string } =>
      r.resourceType === 'MedicationAdministration' && !!r.id && r.status !== 'entered-in-error',
  );
  const rows = [
    ...all
      .filter((ma) => ofPatient(ma.subject.reference, scope) && belongsToday(ma, scope))
      .map((ma) => {
        const ref = `MedicationAdministration/${ma.id}`;
        const row = administrationRow(ref, overlay(ref, ma), resources);
        return { ...row, etag: etagOf(ma) };
      }),
    ...extra.map((e) => administrationRow(e.ref, e.resource, resources)),
  ].sort((a, b) => startMs(a) - startMs(b) || a.ref.localeCompare(b.ref));

  const requested = new Set(
    [...all.map((ma) => ma.request?.reference), ...extra.map((e) => e.resource.request?.reference)]
      .filter((r): r is string => !!r)
      .map((r) => r.split('/').slice(-2).join('/')),
  );
  const orders = resources
    .filter(
      (r): r is MedicationRequest & { id: string } =>
        r.resourceType === 'MedicationRequest' && !!r.id,
    )
    .filter((mr) => ofPatient(mr.subject.reference, scope) && orderedToday(mr, scope))
    .filter((mr) => !requested.has(`MedicationRequest/${mr.id}`))
    .map((request) => ({
      request,
      drug: drugFacts(
        request,
        resources,
        request.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity,
      ),
    }));

  return {
    running: rows.filter((r) => ACTIVE.has(r.status)),
    timeline: rows.filter((r) => !ACTIVE.has(r.status)),
    orders,
  };
}
