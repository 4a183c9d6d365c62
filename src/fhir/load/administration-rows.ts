// The administrations of one visit, in time order, as plain rows for the shared list.
// Read-only summary for people; the billing engine reads the same data through the mapper.
import type { CodeableConcept, FhirResource, Medication, MedicationAdministration } from 'fhir/r4';
import { localReference } from './references.ts';

export interface AdministrationSummary {
  id: string;
  drug: string;
  /** e.g. "200 mg"; undefined when not documented. */
  dose: string | undefined;
  /** The instant as written (ISO with its offset). */
  start: string | undefined;
  end: string | undefined;
  status: string;
}

function conceptName(concept: CodeableConcept | undefined): string | undefined {
  return concept?.text ?? concept?.coding?.find((c) => c.display)?.display;
}

function drugName(
  ma: MedicationAdministration,
  byRef: ReadonlyMap<string, FhirResource>,
  serverUrl: string,
) {
  const fromConcept = conceptName(ma.medicationCodeableConcept);
  if (fromConcept) return fromConcept;
  const ref = ma.medicationReference?.reference;
  if (ref?.startsWith('#')) {
    const contained = ma.contained?.find((c) => c.id === ref.slice(1)) as Medication | undefined;
    return conceptName(contained?.code) ?? ma.medicationReference?.display;
  }
  const local = ref ? localReference(ref, serverUrl) : undefined;
  const med = local ? (byRef.get(local) as Medication | undefined) : undefined;
  return conceptName(med?.code) ?? ma.medicationReference?.display;
}

function dose(ma: MedicationAdministration): string | undefined {
  const d = ma.dosage?.dose;
  if (d?.value === undefined) return undefined;
  return `${d.value} ${d.unit ?? d.code ?? ''}`.trim();
}

function startOf(ma: MedicationAdministration): string | undefined {
  return ma.effectivePeriod?.start ?? ma.effectiveDateTime;
}

/** One administration as a plain row; `byRef` maps `Type/id` to loaded resources. */
export function summarizeAdministration(
  ma: MedicationAdministration,
  byRef: ReadonlyMap<string, FhirResource>,
  serverUrl: string,
): AdministrationSummary {
  return {
    id: ma.id ?? '',
    drug: drugName(ma, byRef, serverUrl) ?? 'Unnamed medication',
    dose: dose(ma),
    start: startOf(ma),
    end: ma.effectivePeriod?.end,
    status: ma.status,
  };
}

/** Local calendar date of an ISO instant as written (its own offset). */
export function isoDate(iso: string | undefined): string | undefined {
  return iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : undefined;
}

/**
 * Administrations of the launch encounter; with no encounter, those of the patient on
 * `today` (YYYY-MM-DD). Sorted by start instant.
 */
export function administrationRows(
  resources: readonly FhirResource[],
  options: { serverUrl: string; encounterId: string | undefined; today: string },
): AdministrationSummary[] {
  const byRef = new Map(resources.map((r) => [`${r.resourceType}/${r.id ?? ''}`, r]));
  const wanted = options.encounterId ? `Encounter/${options.encounterId}` : undefined;
  return resources
    .filter((r): r is MedicationAdministration => r.resourceType === 'MedicationAdministration')
    .filter((ma) => {
      if (!wanted) return isoDate(startOf(ma)) === options.today;
      const ctx = ma.context?.reference;
      return ctx !== undefined && localReference(ctx, options.serverUrl) === wanted;
    })
    .map((ma) => summarizeAdministration(ma, byRef, options.serverUrl))
    .sort((a, b) => {
      const ta = a.start ? Date.parse(a.start) : Infinity;
      const tb = b.start ? Date.parse(b.start) : Infinity;
      return ta - tb || a.id.localeCompare(b.id);
    });
}
