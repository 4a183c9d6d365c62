// The containers a record documents for an administration, for the nurse's waste form (issue 14
// §2): the administration's own `container` extensions (contract §2.3), else a dispense for its
// order (MedicationDispense.quantity of an NDC product), else the order's dispense request
// (MedicationRequest.dispenseRequest.quantity), else the ingredients of its Medication that name
// an NDC product and a count (fhir-modeling §1.3). Only an explicit count of containers is read;
// a quantity in mL or mg, or one with no unit, says nothing about how many were opened.
import type {
  CodeableConcept,
  FhirResource,
  Medication,
  MedicationAdministration,
  MedicationDispense,
  MedicationRequest,
  Quantity,
  Reference,
  Resource,
} from 'fhir/r4';
import { normalizeNdc } from '../../reference/ndc.ts';
import { CONTAINER_COUNT, CONTAINER_PRODUCT, EXT, SYSTEMS } from '../extensions.ts';

export interface DocumentedContainer {
  /** 11 digits when the NDC reads (drug-wastage R-29); else the text as written. */
  ndc11: string;
  /** The NDC as written, when it does not read as one (shown to the nurse, never dropped). */
  unreadable?: string;
  count: number;
}

export type ContainerSource = 'administration' | 'dispense' | 'order' | 'medication';

export interface DocumentedContainers {
  source: ContainerSource;
  containers: DocumentedContainer[];
}

/** Units that count containers (UCUM annotations and plain words). */
const COUNT_UNITS: ReadonlySet<string> = new Set(
  ['vial', 'container', 'each', 'ea', 'package', 'syringe', 'bag', 'ampule', 'ampoule', 'cartridge']
    .flatMap((u) => [u, `${u}s`, `{${u}}`, `{${u}s}`])
    .concat(['1']),
);

function countOf(q: Quantity | undefined): number | undefined {
  const unit = (q?.code ?? q?.unit)?.trim().toLowerCase();
  const v = q?.value;
  if (!unit || !COUNT_UNITS.has(unit) || v === undefined) return undefined;
  return Number.isSafeInteger(v) && v > 0 ? v : undefined;
}

function ndcText(cc: CodeableConcept | undefined): string | undefined {
  return cc?.coding?.find((c) => c.system === SYSTEMS.ndc && c.code)?.code;
}

function container(raw: string, count: number): DocumentedContainer {
  const ndc11 = normalizeNdc(raw);
  return ndc11 ? { ndc11, count } : { ndc11: raw.trim(), unreadable: raw, count };
}

function idOf(reference: string | undefined, type: string): string | undefined {
  const m = reference ? new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(reference) : null;
  return m?.[1];
}

function medicationOf(
  ref: Reference | undefined,
  holder: { contained?: Resource[] },
  resources: readonly FhirResource[],
): Medication | undefined {
  const r = ref?.reference;
  if (!r) return undefined;
  if (r.startsWith('#')) {
    const found = holder.contained?.find(
      (c) => c.resourceType === 'Medication' && c.id === r.slice(1),
    );
    return found as Medication | undefined;
  }
  const id = idOf(r, 'Medication');
  return resources.find((x): x is Medication => x.resourceType === 'Medication' && x.id === id);
}

function productNdc(
  holder: MedicationDispense | MedicationRequest,
  resources: readonly FhirResource[],
): string | undefined {
  return (
    ndcText(holder.medicationCodeableConcept) ??
    ndcText(medicationOf(holder.medicationReference, holder, resources)?.code)
  );
}

/** The `container` extensions on the administration, NDCs read as 11 digits where they read. */
export function administrationContainers(ma: MedicationAdministration): DocumentedContainer[] {
  const out: DocumentedContainer[] = [];
  for (const e of ma.extension ?? []) {
    if (e.url !== EXT.container) continue;
    const sub = e.extension ?? [];
    const raw = ndcText(sub.find((s) => s.url === CONTAINER_PRODUCT)?.valueCodeableConcept);
    const count = sub.find((s) => s.url === CONTAINER_COUNT)?.valuePositiveInt;
    if (raw && count) out.push(container(raw, count));
  }
  return out;
}

const DISPENSE_DONE: ReadonlySet<string> = new Set(['completed', 'in-progress']);

function fromDispenses(
  requestId: string,
  resources: readonly FhirResource[],
): DocumentedContainer[] {
  const out: DocumentedContainer[] = [];
  for (const r of resources) {
    if (r.resourceType !== 'MedicationDispense' || !DISPENSE_DONE.has(r.status)) continue;
    if (
      !(r.authorizingPrescription ?? []).some(
        (p) => idOf(p.reference, 'MedicationRequest') === requestId,
      )
    )
      continue;
    const raw = productNdc(r, resources);
    const count = countOf(r.quantity);
    if (raw && count) out.push(container(raw, count));
  }
  return out;
}

function fromOrder(
  request: MedicationRequest,
  resources: readonly FhirResource[],
): DocumentedContainer[] {
  const raw = productNdc(request, resources);
  const count = countOf(request.dispenseRequest?.quantity);
  return raw && count ? [container(raw, count)] : [];
}

function fromIngredients(
  ma: MedicationAdministration,
  resources: readonly FhirResource[],
): DocumentedContainer[] {
  const medication = medicationOf(ma.medicationReference, ma, resources);
  const out: DocumentedContainer[] = [];
  for (const i of medication?.ingredient ?? []) {
    const raw =
      ndcText(i.itemCodeableConcept) ??
      ndcText(medicationOf(i.itemReference, medication ?? {}, resources)?.code);
    const count = countOf(i.strength?.numerator);
    if (raw && count) out.push(container(raw, count));
  }
  return out;
}

/** The first source that documents containers, in the order above; undefined when none does. */
export function documentedContainers(
  ma: MedicationAdministration,
  resources: readonly FhirResource[],
): DocumentedContainers | undefined {
  const own = administrationContainers(ma);
  if (own.length > 0) return { source: 'administration', containers: own };
  const requestId = idOf(ma.request?.reference, 'MedicationRequest');
  if (requestId) {
    const dispensed = fromDispenses(requestId, resources);
    if (dispensed.length > 0) return { source: 'dispense', containers: dispensed };
    const request = resources.find(
      (r): r is MedicationRequest => r.resourceType === 'MedicationRequest' && r.id === requestId,
    );
    const ordered = request ? fromOrder(request, resources) : [];
    if (ordered.length > 0) return { source: 'order', containers: ordered };
  }
  const ingredients = fromIngredients(ma, resources);
  return ingredients.length > 0 ? { source: 'medication', containers: ingredients } : undefined;
}
