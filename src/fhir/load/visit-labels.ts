// Words for a visit on a list (worklist rows, the visit picker): the patient's name, the place,
// the day and the drugs given, read from the loaded resources. A fact that is not recorded is
// said so, never guessed.
import type {
  Encounter,
  FhirResource,
  Location,
  Medication,
  MedicationAdministration,
  Patient,
} from 'fhir/r4';
import { patientSummary } from './patient-summary.ts';

export interface VisitLabel {
  /** 'Encounter/<id>' */
  encounter: string;
  encounterId: string;
  patientId: string | undefined;
  patientName: string;
  mrn: string | undefined;
  /** Local calendar date of the visit start, YYYY-MM-DD, or undefined when not recorded. */
  date: string | undefined;
  place: string;
  /** Drug names given at the visit, in order of first administration, each once. */
  drugs: string[];
}

const idAfter = (reference: string | undefined, type: string): string | undefined =>
  new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(reference ?? '')?.[1];

function conceptText(c: { text?: string; coding?: { display?: string; code?: string }[] }) {
  return c.text ?? c.coding?.find((x) => x.display)?.display ?? c.coding?.[0]?.code;
}

function drugName(
  ma: MedicationAdministration,
  medications: ReadonlyMap<string, Medication>,
): string | undefined {
  if (ma.medicationCodeableConcept) return conceptText(ma.medicationCodeableConcept);
  const ref = ma.medicationReference?.reference ?? '';
  const med = ref.startsWith('#')
    ? (ma.contained?.find((r) => r.id === ref.slice(1)) as Medication | undefined)
    : medications.get(idAfter(ref, 'Medication') ?? '');
  return (med?.code ? conceptText(med.code) : undefined) ?? ma.medicationReference?.display;
}

/** One label per Encounter among the resources, by 'Encounter/<id>'. */
export function visitLabels(resources: readonly FhirResource[]): Map<string, VisitLabel> {
  const patients = new Map<string, Patient>();
  const locations = new Map<string, Location>();
  const medications = new Map<string, Medication>();
  const encounters: Encounter[] = [];
  const given = new Map<string, MedicationAdministration[]>();
  for (const r of resources) {
    if (r.resourceType === 'Patient' && r.id) patients.set(r.id, r);
    else if (r.resourceType === 'Location' && r.id) locations.set(r.id, r);
    else if (r.resourceType === 'Medication' && r.id) medications.set(r.id, r);
    else if (r.resourceType === 'Encounter' && r.id) encounters.push(r);
    else if (r.resourceType === 'MedicationAdministration') {
      const enc = idAfter(r.context?.reference, 'Encounter');
      if (enc) given.set(enc, [...(given.get(enc) ?? []), r]);
    }
  }
  const out = new Map<string, VisitLabel>();
  for (const e of encounters) {
    const id = e.id ?? '';
    const patientId = idAfter(e.subject?.reference, 'Patient');
    const patient = patientId ? patients.get(patientId) : undefined;
    const summary = patient ? patientSummary(patient) : undefined;
    const placeRef = e.location?.[0]?.location;
    const place =
      locations.get(idAfter(placeRef?.reference, 'Location') ?? '')?.name ??
      placeRef?.display ??
      e.serviceProvider?.display ??
      'Place not recorded';
    const startOf = (ma: MedicationAdministration) =>
      ma.effectivePeriod?.start ?? ma.effectiveDateTime ?? '';
    const drugs: string[] = [];
    for (const ma of [...(given.get(id) ?? [])].sort((a, b) =>
      startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : 0,
    )) {
      if (ma.status === 'entered-in-error') continue;
      const name = drugName(ma, medications) ?? 'Drug not named';
      if (!drugs.includes(name)) drugs.push(name);
    }
    out.set(`Encounter/${id}`, {
      encounter: `Encounter/${id}`,
      encounterId: id,
      patientId,
      patientName:
        summary?.name ?? (patientId ? 'Patient details not loaded' : 'No patient recorded'),
      mrn: summary?.mrn,
      date: e.period?.start?.slice(0, 10),
      place,
      drugs,
    });
  }
  return out;
}
