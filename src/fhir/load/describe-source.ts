// One plain line per resource a warning cites: which record, which dates, which units.
import type {
  Claim,
  ClaimResponse,
  Coverage,
  Encounter,
  FhirResource,
  MedicationAdministration,
  MedicationRequest,
  ResearchSubject,
} from 'fhir/r4';
import { summarizeAdministration } from './administration-rows.ts';
import { localReference } from './references.ts';

const span = (start?: string, end?: string) =>
  `${start ? start.replace('T', ' ').slice(0, 16) : 'start not recorded'} to ${
    end ? end.replace('T', ' ').slice(0, 16) : 'no end recorded'
  }`;

function quantity(q: { value?: number; unit?: string; code?: string } | undefined): string {
  return q?.value === undefined ? 'not recorded' : `${q.value} ${q.unit ?? q.code ?? ''}`.trim();
}

function administration(
  ma: MedicationAdministration,
  byRef: ReadonlyMap<string, FhirResource>,
  serverUrl: string,
): string {
  const r = summarizeAdministration(ma, byRef, serverUrl);
  return `Administration of ${r.drug}: dose ${r.dose ?? 'not recorded'}, ${span(r.start, r.end)} (status ${r.status}).`;
}

function claim(c: Claim): string {
  const items = (c.item ?? [])
    .map((i) => `${i.productOrService.coding?.[0]?.code ?? '?'} × ${i.quantity?.value ?? '?'}`)
    .join(', ');
  const kind = c.use === 'preauthorization' ? 'Authorization request' : 'Claim';
  return `${kind} (${c.status}): ${items || 'no lines'}.`;
}

function claimResponse(r: ClaimResponse): string {
  const period = r.preAuthPeriod
    ? `, valid ${span(r.preAuthPeriod.start, r.preAuthPeriod.end)}`
    : '';
  return `Authorization ${r.preAuthRef ?? '(no number)'}: outcome ${r.outcome}${period}.`;
}

function coverage(c: Coverage): string {
  const name = c.type?.text ?? c.payor?.[0]?.display ?? 'Insurance';
  return `${name} coverage (${c.status}), ${span(c.period?.start, c.period?.end)}.`;
}

function encounter(e: Encounter): string {
  return `Visit (${e.status}), ${span(e.period?.start, e.period?.end)}.`;
}

function order(r: MedicationRequest): string {
  const dose = r.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity;
  return `Medication order (${r.status}): ordered dose ${quantity(dose)}.`;
}

function enrollment(s: ResearchSubject): string {
  return `Clinical trial enrollment (${s.status}), ${span(s.period?.start, s.period?.end)}.`;
}

/** `Type/id` → resource, built once per picture. */
export function indexResources(resources: readonly FhirResource[]): Map<string, FhirResource> {
  return new Map(resources.map((x) => [`${x.resourceType}/${x.id ?? ''}`, x]));
}

/** A plain line for `Type/id` (as the engine cites sources); unknown records say so. */
export function describeSource(
  source: string,
  byRef: ReadonlyMap<string, FhirResource>,
  serverUrl: string,
): string {
  const local = localReference(source, serverUrl) ?? source;
  const r = byRef.get(local);
  if (!r) return `${local.split('/')[0] ?? 'Record'} record (not loaded).`;
  // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- open set: any other of R4's ~150 resource types is named by its type
  switch (r.resourceType) {
    case 'MedicationAdministration':
      return administration(r, byRef, serverUrl);
    case 'Claim':
      return claim(r);
    case 'ClaimResponse':
      return claimResponse(r);
    case 'Coverage':
      return coverage(r);
    case 'Encounter':
      return encounter(r);
    case 'MedicationRequest':
      return order(r);
    case 'ResearchSubject':
      return enrollment(r);
    default:
      return `${r.resourceType} record.`;
  }
}
