// The charge nurse's board (issue 17 §2), read from FHIR: every chair in progress at the infusion
// location, from the day's Encounters, their chair Locations (partOf the infusion location) and
// the day's MedicationAdministrations with their orders. Pure: resources and the clock in, view
// model rows out (the board feature never reads the resources itself).
// A fact that is not recorded is said to be not known and named in a warning; it is never
// filled in with a default (no rate is not "the usual rate", no chair is not "chair 1").
import Decimal from 'decimal.js';
import type {
  Encounter,
  FhirResource,
  Location,
  Medication,
  MedicationAdministration,
  MedicationRequest,
  Patient,
  Quantity,
} from 'fhir/r4';
import { CONTAINER_COUNT, CONTAINER_PRODUCT, EXT, SYSTEMS } from '../extensions.ts';
import { infusionPlan, mlPerHour } from './infusion-plan.ts';

/** Encounter states in which the patient is still in the chair. */
const ONGOING = new Set<Encounter['status']>(['arrived', 'triaged', 'in-progress', 'onleave']);

export type DrugState = 'running' | 'no-stop-time';

export interface PlannedEnd {
  /** Instant of the planned end (ms since epoch), or null when it cannot be computed. */
  ms: number | null;
  /** The planned duration in minutes (exact, may have a fraction), when known. */
  minutes: number | null;
  /** Where it comes from, or why it is not known, in plain words. */
  basis: string;
}

export interface BoardDrug {
  administration: string;
  /** Plain words: the drug's name and the dose. */
  drug: string;
  state: DrugState;
  /** Start as recorded (ISO with offset) and as an instant. */
  startIso: string;
  startMs: number;
  /** Whole minutes since the start (null when the start is after now). */
  elapsedMin: number | null;
  plannedEnd: PlannedEnd;
}

export interface BoardChair {
  encounter: string;
  encounterId: string;
  patientId: string | undefined;
  /** The chair's name, or null when the Encounter names no chair. */
  chair: string | null;
  /** The infusion location the chair is part of (name), or null when not recorded. */
  location: string | null;
  patient: string;
  drugs: BoardDrug[];
  /** What billing still needs from the nurse, in plain words. */
  needs: string[];
  /** Facts missing from the record, named (never filled in). */
  warnings: string[];
}

type ById<T> = Map<string, T>;

function index<T extends FhirResource>(
  resources: readonly FhirResource[],
  type: T['resourceType'],
) {
  const out: ById<T> = new Map();
  for (const r of resources) if (r.resourceType === type && r.id) out.set(r.id, r as T);
  return out;
}

function idOf(reference: string | undefined, type: string): string | undefined {
  if (!reference) return undefined;
  return new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(reference)?.[1];
}

function nameOf(p: Patient | undefined): string | undefined {
  const n = p?.name?.[0];
  if (!n) return undefined;
  const text = [n.given?.join(' '), n.family].filter(Boolean).join(' ') || n.text;
  return text || undefined;
}

function drugName(med: Medication | undefined, ma: MedicationAdministration): string | undefined {
  const concept = med?.code ?? ma.medicationCodeableConcept;
  const ingredient = med?.ingredient?.[0]?.itemCodeableConcept?.text;
  return (
    ingredient ??
    concept?.text ??
    concept?.coding?.find((c) => c.display)?.display ??
    med?.code?.coding?.[0]?.code
  );
}

const amount = (q: Quantity | undefined): string =>
  q?.value !== undefined ? ` ${q.value} ${q.unit ?? q.code ?? ''}`.trimEnd() : '';

export { mlPerHour };

/**
 * Planned end of an infusion from its order: the bag's volume (dispenseRequest.quantity, or a
 * dose in mL) over the ordered rate (doseAndRate.rateQuantity), as the chair computes it
 * (infusionPlan). Exact decimal arithmetic; the instant is rounded to the nearest second.
 */
export function plannedEnd(startMs: number, order: MedicationRequest | undefined): PlannedEnd {
  const plan = infusionPlan(order);
  if (!plan.known) return { ms: null, minutes: null, basis: plan.reason };
  const { minutes, volumeMl, rateMlPerHour } = plan;
  const ms =
    startMs + minutes.times(60).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(1000).toNumber();
  return {
    ms,
    minutes: minutes.toNumber(),
    basis: `from the order: ${volumeMl.toString()} mL at ${rateMlPerHour.toString()} mL/h`,
  };
}

/** Whole minutes from start to now; null when the start is later than now. */
export function elapsedMinutes(startMs: number, nowMs: number): number | null {
  if (nowMs < startMs) return null;
  return Math.floor((nowMs - startMs) / 60_000);
}

function containersOf(ma: MedicationAdministration): { ndc: string; count: number }[] {
  const out: { ndc: string; count: number }[] = [];
  for (const e of ma.extension ?? []) {
    if (e.url !== EXT.container) continue;
    const ndc = e.extension
      ?.find((x) => x.url === CONTAINER_PRODUCT)
      ?.valueCodeableConcept?.coding?.find((c) => c.system === SYSTEMS.ndc)?.code;
    const count = e.extension?.find((x) => x.url === CONTAINER_COUNT)?.valuePositiveInt;
    if (ndc && count) out.push({ ndc, count });
  }
  return out;
}

const ndcOf = (m: Medication | undefined): string | undefined =>
  m?.code?.coding?.find((c) => c.system === SYSTEMS.ndc)?.code;

/**
 * Whether opened containers hold more drug than the dose and no discarded amount is recorded
 * (drug-wastage: the JW line needs the discarded amount). Unknown contents or units: false.
 */
function wasteOpen(ma: MedicationAdministration, meds: readonly Medication[]): boolean {
  if (ma.extension?.some((e) => e.url === EXT.discardedAmount)) return false;
  const dose = ma.dosage?.dose;
  if (dose?.value === undefined) return false;
  let opened = new Decimal(0);
  for (const c of containersOf(ma)) {
    const med = meds.find((m) => ndcOf(m) === c.ndc);
    const content = med?.amount?.numerator;
    if (content?.value === undefined || (content.code ?? content.unit) !== (dose.code ?? dose.unit))
      return false;
    opened = opened.plus(new Decimal(content.value).times(c.count));
  }
  return opened.gt(dose.value);
}

function isPush(ma: MedicationAdministration): boolean {
  return !!ma.dosage?.method?.coding?.some((c) => c.code === 'IVPUSH' || c.code === 'IVFLUSH');
}

export interface BoardInput {
  resources: readonly FhirResource[];
  /** Encounter references of the day ('Encounter/<id>'), as loaded. */
  encounters: readonly string[];
  nowMs: number;
}

/** The chairs in progress, by chair name (chairs not named last), then by start. */
export function boardChairs({ resources, encounters, nowMs }: BoardInput): BoardChair[] {
  const encs = index<Encounter>(resources, 'Encounter');
  const patients = index<Patient>(resources, 'Patient');
  const locations = index<Location>(resources, 'Location');
  const medications = index<Medication>(resources, 'Medication');
  const orders = index<MedicationRequest>(resources, 'MedicationRequest');
  const mas = [...index<MedicationAdministration>(resources, 'MedicationAdministration').values()];
  const meds = [...medications.values()];
  const out: BoardChair[] = [];
  for (const ref of encounters) {
    const encounterId = idOf(ref, 'Encounter');
    const enc = encounterId ? encs.get(encounterId) : undefined;
    if (!enc || !encounterId) continue;
    const own = mas.filter((m) => idOf(m.context?.reference, 'Encounter') === encounterId);
    const running = own.some((m) => m.status === 'in-progress');
    if (!ONGOING.has(enc.status) && !running) continue;
    const warnings: string[] = [];
    const patientId = idOf(enc.subject?.reference, 'Patient');
    const patientName = nameOf(patientId ? patients.get(patientId) : undefined);
    if (!patientName) warnings.push(`${ref}: the patient’s name could not be read.`);
    let chair: string | null = null;
    let location: string | null = null;
    for (const l of enc.location ?? []) {
      const loc = locations.get(idOf(l.location.reference, 'Location') ?? '');
      const parent = loc?.partOf?.reference
        ? locations.get(idOf(loc.partOf.reference, 'Location') ?? '')
        : undefined;
      if (loc?.partOf) {
        chair = loc.name ?? l.location.display ?? null;
        location = parent?.name ?? loc.partOf.display ?? null;
      }
    }
    if (chair === null) {
      warnings.push(`${ref}: no chair is recorded for this visit.`);
      // The visit's own place, when it names one (e.g. the infusion suite without a chair).
      for (const l of enc.location ?? []) {
        const loc = locations.get(idOf(l.location.reference, 'Location') ?? '');
        location ??= loc?.name ?? l.location.display ?? null;
      }
    }
    const drugs: BoardDrug[] = [];
    const needs: string[] = [];
    for (const ma of own) {
      if (ma.status === 'entered-in-error' || ma.status === 'not-done') continue;
      const start = ma.effectivePeriod?.start ?? ma.effectiveDateTime;
      const medId = idOf(ma.medicationReference?.reference, 'Medication');
      const med = medId ? medications.get(medId) : undefined;
      const name = drugName(med, ma);
      const key = `MedicationAdministration/${ma.id ?? ''}`;
      if (!name) warnings.push(`${key}: the drug is not named.`);
      const words = `${name ?? 'Drug not named'}${amount(ma.dosage?.dose)}`;
      const noStop =
        ma.status === 'completed' && !!ma.effectivePeriod && !ma.effectivePeriod.end && !isPush(ma);
      const state: DrugState | null =
        ma.status === 'in-progress' ? 'running' : noStop ? 'no-stop-time' : null;
      if (state) needs.push(`Stop time for ${words}`);
      if (wasteOpen(ma, meds)) needs.push(`Waste amount for ${words}`);
      if (ndcOf(med) && containersOf(ma).length === 0) needs.push(`Vials used for ${words}`);
      if (!state) continue;
      const startMs = start ? Date.parse(start) : Number.NaN;
      if (!start || Number.isNaN(startMs)) {
        warnings.push(`${key}: no start time is recorded.`);
        continue;
      }
      const orderId = idOf(ma.request?.reference, 'MedicationRequest');
      drugs.push({
        administration: key,
        drug: words,
        state,
        startIso: start,
        startMs,
        elapsedMin: elapsedMinutes(startMs, nowMs),
        plannedEnd: plannedEnd(startMs, orderId ? orders.get(orderId) : undefined),
      });
    }
    out.push({
      encounter: ref,
      encounterId,
      patientId,
      chair,
      location,
      patient: patientName ?? 'Name not recorded',
      drugs: drugs.sort((a, b) => a.startMs - b.startMs),
      needs,
      warnings,
    });
  }
  const num = (c: BoardChair) => Number(/\d+/.exec(c.chair ?? '')?.[0] ?? Number.NaN);
  return out.sort((a, b) => {
    if (a.chair === null || b.chair === null)
      return a.chair === null ? (b.chair === null ? 0 : 1) : -1;
    const na = num(a),
      nb = num(b);
    if (!Number.isNaN(na) && !Number.isNaN(nb) && na !== nb) return na - nb;
    return a.chair.localeCompare(b.chair);
  });
}
