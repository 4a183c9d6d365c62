// What the chair view shows, read from the FHIR resources of the billing picture: today's
// administrations for the launch encounter (or all the patient's today when there is none)
// with a plain status, and the ordered drugs not yet started (issue 5 §1; contract §2.1). The
// nurse feature gets these rows (view models) and never reads the resources itself.
import type {
  CodeableConcept,
  FhirResource,
  Medication,
  MedicationAdministration,
  MedicationRequest,
  Quantity,
  Resource,
} from 'fhir/r4';
import { serviceKindOf, type ServiceKind } from '../../engine/index.ts';
import { SYSTEMS } from '../extensions.ts';
import { documentedContainers, type DocumentedContainers } from './documented-containers.ts';
import { administrationMapper, type AdministrationMapper } from './one-administration.ts';
import { newAdministrationFromRequest, readWaste } from '../write/medication-administration.ts';
import { isSameLocalDay } from './local-day.ts';
import { infusionPlan, type InfusionPlan } from './infusion-plan.ts';
import { orderOf, plannedPumpMinutes } from './pump-plan.ts';

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
  /** The engine's kind of service (serviceKindOf: route step R20.1, method R26.4). */
  kind: ServiceKind;
  /** Timed start to stop: an infusion, or a record whose route is not known (never a push). */
  isInfusion: boolean;
  wasteDocumented: boolean;
  /** Injection route in words ('subcutaneous', 'intramuscular'), from the engine's route class. */
  routeWords?: string | undefined;
  /** dosage.site in words, as charted. */
  site?: string | undefined;
  /** R20.7: an SC injection applied with an on-body injector (as the engine reads it). */
  onBodyInjector?: boolean | undefined;
  /** A pump start: the order's planned running time in minutes; undefined = not known. */
  plannedMinutes?: number | undefined;
  /** Containers the record documents: the administration, a dispense, the order (issue 14 §2). */
  containers?: DocumentedContainers | undefined;
  /** A timed infusion: its rate, volume and planned running time from its order (issue 17 §5). */
  plan?: InfusionPlan | undefined;
}

export interface OrderRow {
  request: MedicationRequest & { id: string };
  drug: DrugFacts;
  /** What recording it makes (an injection is given, a port flush recorded, others started). */
  kind: ServiceKind;
  routeWords?: string | undefined;
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
const HCPCS_SYSTEMS: ReadonlySet<string> = new Set([SYSTEMS.hcpcs, SYSTEMS.hcpcsHttps]);

export function refMatches(reference: string | undefined, type: string, id: string): boolean {
  return reference === `${type}/${id}` || (reference?.endsWith(`/${type}/${id}`) ?? false);
}

export function etagOf(resource: FhirResource): string | undefined {
  const v = resource.meta?.versionId;
  return v ? `W/"${v}"` : undefined;
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
    case 'not-done':
    case 'entered-in-error':
    default: // a status outside R4's set is read as not given, as before
      return 'not-given';
  }
}

const ROUTE_WORDS: Partial<Record<string, string>> = { sc: 'subcutaneous', im: 'intramuscular' };

/** The engine's kind for a record; one that does not parse has an unknown route (R20.3). */
function kindOf(
  map: AdministrationMapper,
  ref: string,
  ma: MedicationAdministration,
): { kind: ServiceKind; routeWords?: string | undefined; onBodyInjector?: boolean | undefined } {
  const a = map(ref, ma);
  if (!a) return { kind: 'unknown-route' };
  return {
    kind: serviceKindOf(a),
    routeWords: ROUTE_WORDS[a.route.class],
    onBodyInjector: a.onBodyInjector,
  };
}

function siteWords(ma: MedicationAdministration): string | undefined {
  const site = ma.dosage?.site;
  return site?.text ?? site?.coding?.find((c) => c.display)?.display;
}

export function administrationRow(
  ref: string,
  ma: MedicationAdministration,
  resources: readonly FhirResource[],
  map: AdministrationMapper = administrationMapper(resources),
): AdministrationRow {
  const { kind, routeWords, onBodyInjector } = kindOf(map, ref, ma);
  // R21.10: injections, flushes and pump events need no stop time; a record whose route is not
  // known keeps asking for both times (nothing is assumed about it).
  const isInfusion = kind === 'infusion' || kind === 'unknown-route';
  const waste = readWaste(ma);
  return {
    ref,
    resource: ma,
    etag: etagOf(ma),
    drug: drugFacts(ma, resources, ma.dosage?.dose),
    start: ma.effectivePeriod?.start ?? ma.effectiveDateTime,
    end: ma.effectivePeriod?.end,
    status: chairStatus(ma, isInfusion),
    kind,
    isInfusion,
    wasteDocumented: waste.discarded !== undefined,
    routeWords,
    site: siteWords(ma),
    ...(onBodyInjector ? { onBodyInjector } : {}),
    plannedMinutes: kind === 'pump-start' ? plannedPumpMinutes(ma, resources) : undefined,
    containers: documentedContainers(ma, resources),
    plan: isInfusion ? infusionPlan(orderOf(ma, resources)) : undefined,
  };
}

function belongsToday(
  ma: MedicationAdministration,
  scope: ChairScope,
  kind: () => ServiceKind,
): boolean {
  // A pump started at an earlier visit shows at the chair while it runs, and on the day it was
  // disconnected, so the nurse can record the disconnect (R23.7).
  const pumpHere = () =>
    kind() === 'pump-start' &&
    ((ma.status === 'in-progress' && !ma.effectivePeriod?.end) ||
      isSameLocalDay(ma.effectivePeriod?.end, scope.now));
  if (scope.encounterId) {
    return refMatches(ma.context?.reference, 'Encounter', scope.encounterId) || pumpHere();
  }
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

/** The kind the order's administration will be: the record it would write, read by the engine. */
function orderKind(
  request: MedicationRequest & { id: string },
  scope: ChairScope,
  map: AdministrationMapper,
): { kind: ServiceKind; routeWords?: string | undefined } {
  const probe = newAdministrationFromRequest({
    request,
    patient: request.subject.reference ?? '',
    encounter: undefined,
    performer: undefined,
    at: scope.now.toISOString(),
    clientId: 'order',
  });
  return kindOf(map, `MedicationRequest/${request.id}`, probe);
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
  const map = administrationMapper(resources);
  const rows = [
    ...all
      .filter(
        (ma) =>
          ofPatient(ma.subject.reference, scope) &&
          belongsToday(ma, scope, () => kindOf(map, `MedicationAdministration/${ma.id}`, ma).kind),
      )
      .map((ma) => {
        const ref = `MedicationAdministration/${ma.id}`;
        const row = administrationRow(ref, overlay(ref, ma), resources, map);
        return { ...row, etag: etagOf(ma) };
      }),
    ...extra.map((e) => administrationRow(e.ref, e.resource, resources, map)),
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
      ...orderKind(request, scope, map),
    }));

  return {
    running: rows.filter((r) => ACTIVE.has(r.status)),
    timeline: rows.filter((r) => !ACTIVE.has(r.status)),
    orders,
  };
}
