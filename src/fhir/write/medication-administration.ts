// Write-back builders for the nurse at the chair (contract §2.1, §2.3, §2.7): start and stop
// times, containers opened and the amount discarded, and a new administration for an ordered
// drug not yet started. Pure functions: they never mutate their input and never do I/O.
import type {
  CodeableConcept,
  Extension,
  MedicationAdministration,
  MedicationAdministrationDosage,
  MedicationRequest,
} from 'fhir/r4';
import {
  ADMINISTRATION_METHOD_SYSTEM,
  ON_BODY_INJECTOR,
  CONTAINER_COUNT,
  CONTAINER_PRODUCT,
  EXT,
  SYSTEMS,
} from '../extensions.ts';

/** Identifier system for the client-made id that makes a retried create safe to check. */
export const CLIENT_ID_SYSTEM = 'urn:ietf:rfc:3986';

/**
 * A MedicationAdministration as the nurse's screen holds it: passed back to the readers and
 * builders here, never read field by field in features/ (they use recordFacts and the rows).
 */
export type AdministrationRecord = MedicationAdministration;

export interface OpenedContainer {
  /** NDC as the nurse picked it (10 or 11 digits, hyphens allowed). */
  ndc: string;
  count: number;
}

export interface DiscardedAmount {
  value: number;
  /** UCUM code, e.g. mg or mL. */
  unit: string;
}

/**
 * A correction of a recorded start or stop (issue 14 §1): the new time, the one it replaces,
 * why, who and when. Written as the new time plus a `note` (fhir-modeling §1.2: `statusReason`
 * is for why an administration was not done or stopped, so a correction's reason is a note),
 * and a Provenance naming the nurse (nurse-provenance.ts).
 */
export interface TimeCorrection {
  kind: 'correct';
  field: 'start' | 'stop';
  /** The corrected time, ISO with offset. */
  at: string;
  /** The recorded time it replaces, ISO. */
  previous: string;
  reason: string;
  /** 'Practitioner/<id>' of the nurse. */
  author: string;
  /** When she made the correction, ISO: the note's and the Provenance's time. */
  recorded: string;
}

/** One thing a nurse records. `at` is an ISO instant with its UTC offset. */
export type NurseChange =
  | { kind: 'start'; at: string }
  | { kind: 'stop'; at: string; stoppedEarly?: boolean }
  | { kind: 'waste'; containers: OpenedContainer[]; discarded: DiscardedAmount }
  | TimeCorrection;

const NOT_STARTED_STATUSES: ReadonlySet<string> = new Set(['in-progress', 'on-hold', 'unknown']);

function clone<T>(value: T): T {
  return structuredClone(value);
}

function currentStart(ma: MedicationAdministration): string | undefined {
  return ma.effectivePeriod?.start ?? ma.effectiveDateTime;
}

/** Sets `effectivePeriod.start`; a record that was not finished becomes `in-progress`. */
export function withStartTime(ma: MedicationAdministration, at: string): MedicationAdministration {
  const next = clone(ma);
  const end = next.effectivePeriod?.end;
  delete next.effectiveDateTime;
  next.effectivePeriod = end ? { start: at, end } : { start: at };
  if (NOT_STARTED_STATUSES.has(next.status)) next.status = 'in-progress';
  return next;
}

/** Sets `effectivePeriod.end`; the record becomes `completed`, or `stopped` when stopped early. */
export function withStopTime(
  ma: MedicationAdministration,
  at: string,
  stoppedEarly = false,
): MedicationAdministration {
  const next = clone(ma);
  const start = currentStart(next);
  delete next.effectiveDateTime;
  next.effectivePeriod = start ? { start, end: at } : { end: at };
  next.status = stoppedEarly || next.status === 'stopped' ? 'stopped' : 'completed';
  return next;
}

/** The `container` extension (repeating): product (an NDC) and count, contract §2.3. */
export function containerExtension(c: OpenedContainer): Extension {
  return {
    url: EXT.container,
    extension: [
      {
        url: CONTAINER_PRODUCT,
        valueCodeableConcept: { coding: [{ system: SYSTEMS.ndc, code: c.ndc }] },
      },
      { url: CONTAINER_COUNT, valuePositiveInt: c.count },
    ],
  };
}

export function discardedAmountExtension(d: DiscardedAmount): Extension {
  return {
    url: EXT.discardedAmount,
    valueQuantity: { value: d.value, unit: d.unit, system: SYSTEMS.ucum, code: d.unit },
  };
}

/** Replaces the containers opened and the amount discarded; other extensions are kept. */
export function withWaste(
  ma: MedicationAdministration,
  containers: readonly OpenedContainer[],
  discarded: DiscardedAmount,
): MedicationAdministration {
  const next = clone(ma);
  const others = (next.extension ?? []).filter(
    (e) => e.url !== EXT.container && e.url !== EXT.discardedAmount,
  );
  next.extension = [
    ...others,
    ...containers.filter((c) => c.count > 0).map(containerExtension),
    discardedAmountExtension(discarded),
  ];
  return next;
}

/** The note a correction leaves on the record; `readCorrections` reads it back. */
export function correctionNoteText(c: TimeCorrection): string {
  const what = c.field === 'start' ? 'Start time' : 'Stop time';
  return `${what} corrected from ${c.previous} to ${c.at}. Reason: ${c.reason}`;
}

const CORRECTION_NOTE = /^(Start|Stop) time corrected from (\S+) to (\S+)\. Reason: (.*)$/s;

export interface RecordedCorrection {
  field: 'start' | 'stop';
  previous: string;
  at: string;
  reason: string;
  /** When it was made, ISO (the note's time). */
  recorded: string | undefined;
}

/** Corrections written by `withCorrection`, oldest first, from the record's notes. */
export function readCorrections(ma: MedicationAdministration): RecordedCorrection[] {
  const out: RecordedCorrection[] = [];
  for (const n of ma.note ?? []) {
    const m = CORRECTION_NOTE.exec(n.text);
    if (!m) continue;
    out.push({
      field: m[1] === 'Start' ? 'start' : 'stop',
      previous: m[2] ?? '',
      at: m[3] ?? '',
      reason: m[4] ?? '',
      recorded: n.time,
    });
  }
  return out;
}

/** Sets the corrected time (status unchanged) and adds the correction's note. */
export function withCorrection(
  ma: MedicationAdministration,
  c: TimeCorrection,
): MedicationAdministration {
  const next = clone(ma);
  if (c.field === 'start' && next.effectiveDateTime !== undefined && !next.effectivePeriod) {
    // One instant (an injection, a flush, a disconnect: R21.10) stays one instant.
    next.effectiveDateTime = c.at;
  } else {
    const start = c.field === 'start' ? c.at : currentStart(next);
    const end = c.field === 'stop' ? c.at : next.effectivePeriod?.end;
    delete next.effectiveDateTime;
    next.effectivePeriod = { ...(start ? { start } : {}), ...(end ? { end } : {}) };
  }
  next.note = [
    ...(next.note ?? []),
    { authorReference: { reference: c.author }, time: c.recorded, text: correctionNoteText(c) },
  ];
  return next;
}

export function applyNurseChange(
  ma: MedicationAdministration,
  change: NurseChange,
): MedicationAdministration {
  switch (change.kind) {
    case 'correct':
      return withCorrection(ma, change);
    case 'start':
      return withStartTime(ma, change.at);
    case 'stop':
      return withStopTime(ma, change.at, change.stoppedEarly === true);
    case 'waste':
      return withWaste(ma, change.containers, change.discarded);
  }
}

function sameInstant(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isFinite(x) && x === y;
}

/** Read back what the record says about containers and waste (for display and comparison). */
export function readWaste(ma: MedicationAdministration): {
  containers: OpenedContainer[];
  discarded: DiscardedAmount | undefined;
} {
  const containers: OpenedContainer[] = [];
  let discarded: DiscardedAmount | undefined;
  for (const e of ma.extension ?? []) {
    if (e.url === EXT.container) {
      const sub = e.extension ?? [];
      const ndc = sub
        .find((s) => s.url === CONTAINER_PRODUCT)
        ?.valueCodeableConcept?.coding?.find((c) => c.system === SYSTEMS.ndc)?.code;
      const count = sub.find((s) => s.url === CONTAINER_COUNT)?.valuePositiveInt;
      if (ndc && count) containers.push({ ndc, count });
    } else if (e.url === EXT.discardedAmount && e.valueQuantity?.value !== undefined) {
      const q = e.valueQuantity;
      discarded = { value: q.value ?? 0, unit: q.code ?? q.unit ?? '' };
    }
  }
  return { containers, discarded };
}

/** Whether the record already says what the change says (a write that landed, answer lost). */
export function isChangeApplied(ma: MedicationAdministration, change: NurseChange): boolean {
  switch (change.kind) {
    case 'correct': {
      const time =
        change.field === 'start'
          ? (ma.effectivePeriod?.start ?? ma.effectiveDateTime)
          : ma.effectivePeriod?.end;
      const text = correctionNoteText(change);
      return (
        sameInstant(time, change.at) &&
        (ma.note ?? []).some((n) => n.text === text && sameInstant(n.time, change.recorded))
      );
    }
    case 'start':
      return sameInstant(ma.effectivePeriod?.start, change.at);
    case 'stop':
      return sameInstant(ma.effectivePeriod?.end, change.at);
    case 'waste': {
      const w = readWaste(ma);
      const want = change.containers.filter((c) => c.count > 0);
      return (
        w.discarded?.value === change.discarded.value &&
        w.discarded.unit === change.discarded.unit &&
        w.containers.length === want.length &&
        want.every((c, i) => w.containers[i]?.ndc === c.ndc && w.containers[i]?.count === c.count)
      );
    }
  }
}

export interface NewAdministrationInput {
  request: MedicationRequest & { id: string };
  /** 'Patient/<id>' */
  patient: string;
  /** 'Encounter/<id>' of the launch, used when the order names none. */
  encounter: string | undefined;
  /** 'Practitioner/<id>' of the nurse. */
  performer: string | undefined;
  /** Start instant, ISO with offset. */
  at: string;
  /** Client-made UUID, kept as an identifier so a retried create can be found. */
  clientId: string;
}

function dosageFromRequest(request: MedicationRequest): MedicationAdministrationDosage | undefined {
  const di = request.dosageInstruction?.[0];
  if (!di) return undefined;
  const dr = di.doseAndRate?.[0];
  const dosage: MedicationAdministrationDosage = {};
  if (di.text) dosage.text = di.text;
  if (di.site) dosage.site = di.site;
  if (di.route) dosage.route = di.route;
  if (di.method) dosage.method = di.method;
  if (dr?.doseQuantity) dosage.dose = dr.doseQuantity;
  if (dr?.rateRatio) dosage.rateRatio = dr.rateRatio;
  if (dr?.rateQuantity) dosage.rateQuantity = dr.rateQuantity;
  return Object.keys(dosage).length > 0 ? dosage : undefined;
}

/** A new `in-progress` administration for an ordered drug, started at `at`. */
export function newAdministrationFromRequest(
  input: NewAdministrationInput,
): MedicationAdministration {
  const { request } = input;
  const encounter = request.encounter?.reference ?? input.encounter;
  const ma: MedicationAdministration = {
    resourceType: 'MedicationAdministration',
    identifier: [{ system: CLIENT_ID_SYSTEM, value: `urn:uuid:${input.clientId}` }],
    status: 'in-progress',
    subject: { reference: input.patient },
    effectivePeriod: { start: input.at },
    request: { reference: `MedicationRequest/${request.id}` },
  };
  if (request.medicationCodeableConcept) {
    ma.medicationCodeableConcept = clone(request.medicationCodeableConcept);
  } else if (request.medicationReference) {
    ma.medicationReference = clone(request.medicationReference);
  }
  if (request.contained && request.medicationReference?.reference?.startsWith('#')) {
    ma.contained = clone(request.contained);
  }
  if (encounter) ma.context = { reference: encounter };
  if (input.performer) ma.performer = [{ actor: { reference: input.performer } }];
  const dosage = dosageFromRequest(request);
  if (dosage) ma.dosage = dosage;
  return ma;
}

/** The identifier search value that finds a create made with this client id. */
export function clientIdSearchValue(clientId: string): string {
  return `${CLIENT_ID_SYSTEM}|urn:uuid:${clientId}`;
}

/** An injection site, coded (SNOMED CT body structure) and in plain words (R26.3). */
export interface InjectionSite {
  code: string;
  words: string;
}

function siteConcept(site: InjectionSite): CodeableConcept {
  return {
    coding: [{ system: SYSTEMS.snomed, code: site.code, display: site.words }],
    text: site.words,
  };
}

/**
 * An ordered SC/IM injection given at `at` (injection-pump-rules R21, R26.3): one instant
 * (`effectiveDateTime`, never a period: R21.10 needs no stop), `completed`, the route from the
 * order and the site the nurse picked.
 */
export function newInjectionFromRequest(
  input: NewAdministrationInput & { site: InjectionSite; onBodyInjector?: boolean },
): MedicationAdministration {
  const ma = newAdministrationFromRequest(input);
  delete ma.effectivePeriod;
  ma.effectiveDateTime = input.at;
  ma.status = 'completed';
  ma.dosage = { ...ma.dosage, site: siteConcept(input.site) };
  // R20.7, contract §2.1: applied with an on-body injector → dosage.method
  // administration-method#on-body-injector, the code the engine reads (96377).
  if (input.onBodyInjector) {
    ma.dosage.method = {
      coding: [
        {
          system: ADMINISTRATION_METHOD_SYSTEM,
          code: ON_BODY_INJECTOR,
          display: 'On-body injector',
        },
      ],
      text: 'On-body injector',
    };
  }
  return ma;
}

function methodConcept(code: 'pump-disconnect' | 'port-flush' | 'pump-refill'): CodeableConcept {
  return { coding: [{ system: ADMINISTRATION_METHOD_SYSTEM, code }] };
}

/**
 * An ordered port flush or pump refill done at `at` (R23.6, R24, R26.4): one instant,
 * `completed`, the order's route and `dosage.method` = administration-method#<service> (the
 * order's own method kept when it already says so).
 */
export function newServiceFromRequest(
  input: NewAdministrationInput,
  service: 'port-flush' | 'pump-refill',
): MedicationAdministration {
  const ma = newAdministrationFromRequest(input);
  delete ma.effectivePeriod;
  ma.effectiveDateTime = input.at;
  ma.status = 'completed';
  const method = ma.dosage?.method;
  const coded = method?.coding?.some(
    (c) => c.system === ADMINISTRATION_METHOD_SYSTEM && c.code === service,
  );
  ma.dosage = { ...ma.dosage, method: coded && method ? method : methodConcept(service) };
  return ma;
}

export interface PumpDisconnectInput {
  /** The running pump's record and its 'MedicationAdministration/<id>'. */
  pump: MedicationAdministration;
  pumpRef: string;
  /** 'Patient/<id>' */
  patient: string;
  /** 'Encounter/<id>' of the visit where the pump is taken off; else the pump's own. */
  encounter: string | undefined;
  performer: string | undefined;
  /** Disconnect instant, ISO with offset. */
  at: string;
  clientId: string;
}

/**
 * The disconnect of a pump started earlier (R23.7, R26.1, R26.4): its own record on its own
 * date, `completed` at one instant, the pump's drug, route and site, `dosage.method` =
 * administration-method#pump-disconnect, and `partOf` the pump's record. It bills nothing
 * (PUMP_DISCONNECT_NOT_BILLABLE); the pump's own record gets its end (withStopTime) so the
 * more-than-8-hours test (R23.1) can be made.
 */
export function newPumpDisconnect(input: PumpDisconnectInput): MedicationAdministration {
  const { pump } = input;
  const encounter = input.encounter ?? pump.context?.reference;
  const ma: MedicationAdministration = {
    resourceType: 'MedicationAdministration',
    identifier: [{ system: CLIENT_ID_SYSTEM, value: `urn:uuid:${input.clientId}` }],
    status: 'completed',
    subject: { reference: input.patient },
    effectiveDateTime: input.at,
    partOf: [{ reference: input.pumpRef }],
  };
  if (pump.medicationCodeableConcept) {
    ma.medicationCodeableConcept = clone(pump.medicationCodeableConcept);
  } else if (pump.medicationReference) {
    ma.medicationReference = clone(pump.medicationReference);
    if (pump.contained && pump.medicationReference.reference?.startsWith('#')) {
      ma.contained = clone(pump.contained);
    }
  }
  if (encounter) ma.context = { reference: encounter };
  if (input.performer) ma.performer = [{ actor: { reference: input.performer } }];
  const dosage: MedicationAdministrationDosage = { method: methodConcept('pump-disconnect') };
  if (pump.dosage?.route) dosage.route = clone(pump.dosage.route);
  if (pump.dosage?.site) dosage.site = clone(pump.dosage.site);
  ma.dosage = dosage;
  return ma;
}

/** What a record says, for comparing two versions of it (status, times, waste, notes). */
export interface RecordFacts {
  status: MedicationAdministration['status'];
  start: string | undefined;
  end: string | undefined;
  waste: ReturnType<typeof readWaste>;
  /** The notes' texts, in order (notes without text left out). */
  notes: string[];
}

export function recordFacts(ma: MedicationAdministration): RecordFacts {
  return {
    status: ma.status,
    start: ma.effectivePeriod?.start ?? ma.effectiveDateTime,
    end: ma.effectivePeriod?.end,
    waste: readWaste(ma),
    notes: (ma.note ?? []).flatMap((n) => (n.text ? [n.text] : [])),
  };
}
