// Active orders not yet given → planned doses (billing-rules P-1), checked by the engine before
// anything is charted. Each MedicationRequest is read through the same mapper as a
// MedicationAdministration (drug, Medication, ingredients, study links), as the dose it plans.
import {
  checkPlannedDoses,
  type Administration,
  type PlannedDose,
  type PlannedResult,
} from '../../engine/index.ts';
import { ndcKnownIn } from './codes.ts';
import { flattenResources, typeIdOf, type RawResource } from '../references.ts';
import type { AnalyzeOptions } from './analyze-resources.ts';
import { mapPatientInputs, withMedicationKnowledge } from './patient-input.ts';

export interface PlanOptions extends AnalyzeOptions {
  /** Local date (YYYY-MM-DD) of today: a planned dose with no visit or appointment date. */
  today: string;
  /** Only these orders ('MedicationRequest/<id>'), e.g. a CDS Hooks call's draft orders. */
  only?: readonly string[];
  /** The date of the visit being booked (CDS Hooks appointment-book). */
  appointmentDate?: string;
}

const PLANNED_PREFIX = 'everydose-planned-';
const DONE = new Set(['entered-in-error', 'not-done']);
const OPEN_APPOINTMENT = new Set(['proposed', 'pending', 'booked', 'arrived', 'checked-in']);

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function refOf(v: unknown): string | undefined {
  return str(obj(v)?.reference);
}

function dateOf(v: unknown): string | undefined {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;
}

function firstDosage(rx: RawResource): Record<string, unknown> | undefined {
  return Array.isArray(rx.dosageInstruction) ? obj(rx.dosageInstruction[0]) : undefined;
}

/** P-1: the order's timing event, its visit's start, the patient's next appointment, or today. */
function plannedDate(
  rx: RawResource,
  byKey: Map<string, RawResource>,
  appointments: { date: string; key: string; patient: string }[],
  options: PlanOptions,
): { date: string; source?: string } {
  const timing = obj(firstDosage(rx)?.timing);
  const event = Array.isArray(timing?.event) ? dateOf(timing.event[0]) : undefined;
  if (event) return { date: event, source: `MedicationRequest/${String(rx.id)}` };
  const encRef = refOf(rx.encounter);
  const encKey = encRef ? typeIdOf(encRef) : undefined;
  const enc = encKey ? byKey.get(encKey) : undefined;
  const encDate = dateOf(obj(enc?.period)?.start);
  if (encDate && encKey) return { date: encDate, source: encKey };
  if (options.appointmentDate) return { date: options.appointmentDate };
  const patient = refOf(rx.subject);
  const next = appointments
    .filter(
      (a) => a.patient === (patient ? typeIdOf(patient) : undefined) && a.date >= options.today,
    )
    .sort((a, b) => a.date.localeCompare(b.date))[0];
  if (next) return { date: next.date, source: next.key };
  return { date: options.today };
}

function appointmentsOf(
  resources: RawResource[],
): { date: string; key: string; patient: string }[] {
  const out: { date: string; key: string; patient: string }[] = [];
  for (const r of resources) {
    if (r.resourceType !== 'Appointment' || !OPEN_APPOINTMENT.has(str(r.status) ?? '')) continue;
    const date = dateOf(r.start);
    const participants = Array.isArray(r.participant) ? r.participant : [];
    for (const p of participants) {
      const key = typeIdOf(refOf(obj(p)?.actor) ?? '');
      if (date && key?.startsWith('Patient/')) {
        out.push({ date, key: `Appointment/${String(r.id)}`, patient: key });
      }
    }
  }
  return out;
}

/** The order as the dose it plans: a MedicationAdministration the mapper reads like any other. */
function asAdministrationResource(rx: RawResource, date: string): RawResource {
  const dosage = firstDosage(rx);
  const doseAndRate = Array.isArray(dosage?.doseAndRate) ? obj(dosage.doseAndRate[0]) : undefined;
  const ma: RawResource = {
    resourceType: 'MedicationAdministration',
    id: `${PLANNED_PREFIX}${String(rx.id)}`.slice(0, 64),
    status: 'completed',
    subject: rx.subject,
    effectiveDateTime: `${date}T12:00:00Z`,
    request: { reference: `MedicationRequest/${String(rx.id)}` },
  };
  if (rx.encounter) ma.context = rx.encounter;
  if (rx.contained) ma.contained = rx.contained;
  if (rx.medicationCodeableConcept) ma.medicationCodeableConcept = rx.medicationCodeableConcept;
  if (rx.medicationReference) ma.medicationReference = rx.medicationReference;
  if (rx.extension) ma.extension = rx.extension;
  const d: Record<string, unknown> = {};
  if (doseAndRate?.doseQuantity) d.dose = doseAndRate.doseQuantity;
  if (dosage?.route) d.route = dosage.route;
  if (Object.keys(d).length > 0) ma.dosage = d;
  return ma;
}

function toPlanned(a: Administration, rxKey: string, date: string, source?: string): PlannedDose {
  const p: PlannedDose = {
    ref: rxKey,
    encounter: a.encounter,
    date,
    drug: a.drug,
    ingredients: a.ingredients,
    sponsorSupplied: a.sponsorSupplied,
    sponsorPaid: a.sponsorPaid,
  };
  if (source) p.dateSource = source;
  if (a.dose) p.dose = a.dose;
  if (a.concentrationPerMl) p.concentrationPerMl = a.concentrationPerMl;
  if (a.medicationAmount) p.medicationAmount = a.medicationAmount;
  if (a.researchStudy) p.researchStudy = a.researchStudy;
  if (a.trialItemRole) p.trialItemRole = a.trialItemRole;
  return p;
}

/**
 * Planned doses of the resources' patients, checked (P-1–P-8): active orders (and drafts named in
 * `only`) that no administration points to yet.
 */
export function planResources(
  resources: readonly unknown[],
  options: PlanOptions,
): PlannedResult[] {
  const flat = flattenResources(resources).map((f) => f.resource);
  const byKey = new Map<string, RawResource>();
  for (const r of flat) if (typeof r.id === 'string') byKey.set(`${r.resourceType}/${r.id}`, r);
  const only = options.only ? new Set(options.only) : undefined;
  const appointments = appointmentsOf(flat);
  const orders = flat.filter((r) => {
    if (r.resourceType !== 'MedicationRequest' || typeof r.id !== 'string') return false;
    const key = `MedicationRequest/${r.id}`;
    return only ? only.has(key) : r.status === 'active';
  });
  const planned = new Map<string, { rxKey: string; date: string; source?: string }>();
  const synthetic: RawResource[] = [];
  for (const rx of orders) {
    const when = plannedDate(rx, byKey, appointments, options);
    const ma = asAdministrationResource(rx, when.date);
    synthetic.push(ma);
    planned.set(`MedicationAdministration/${String(ma.id)}`, {
      rxKey: `MedicationRequest/${String(rx.id)}`,
      ...when,
    });
  }
  const reference = withMedicationKnowledge(options.reference, resources);
  const ctx = { config: options.config, reference };
  const inputs = mapPatientInputs([...flat, ...synthetic], {
    ...(options.readable ? { readable: options.readable } : {}),
    ndcKnown: ndcKnownIn(reference),
  });
  const out: PlannedResult[] = [];
  for (const input of inputs) {
    const given = input.administrations.filter((a) => !planned.has(a.ref));
    const started = new Set(
      given.filter((a) => !DONE.has(a.status) && a.request).map((a) => a.request as string),
    );
    const doses: PlannedDose[] = [];
    for (const a of input.administrations) {
      const p = planned.get(a.ref);
      if (!p || (!only && started.has(p.rxKey))) continue;
      doses.push(toPlanned(a, p.rxKey, p.date, p.source));
    }
    if (doses.length === 0) continue;
    const issues = input.issues.filter((i) => !i.sources.some((s) => planned.has(s)));
    out.push(...checkPlannedDoses({ ...input, administrations: given, issues }, doses, ctx));
  }
  return out;
}
