// A line's source records in words for the coder (issue 17 §5): which drug, from when to when,
// how many minutes were counted. Read here so the coder view never reads FHIR fields; record ids
// stay behind the view's "Show record ids".
import type { CodeableConcept, FhirResource, Medication, MedicationAdministration } from 'fhir/r4';
import type { DerivedLine } from '../../engine/index.ts';

/** The clock time as written ('2026-08-03T09:15:00-04:00' → '09:15'). */
function clock(iso: string): string {
  return /T(\d{2}:\d{2})/.exec(iso)?.[1] ?? iso;
}

function conceptName(c: CodeableConcept | undefined): string | undefined {
  return c?.text ?? c?.coding?.find((x) => x.display)?.display;
}

function drugOf(ma: MedicationAdministration, resources: readonly FhirResource[]): string {
  const direct = conceptName(ma.medicationCodeableConcept);
  if (direct) return direct;
  const ref = ma.medicationReference?.reference;
  const id = ref?.startsWith('#') ? ref.slice(1) : ref?.split('/').pop();
  const isMed = (r: { resourceType: string; id?: string | undefined }): r is Medication =>
    r.resourceType === 'Medication' && r.id === id;
  const med = ma.contained?.find(isMed) ?? resources.find(isMed);
  const name = med ? conceptName(med.code) : undefined;
  return name ?? ma.medicationReference?.display ?? 'drug not named';
}

/** "oxaliplatin 09:40–11:45, 125 minutes counted" for each source administration of a line. */
export function sourceWords(line: DerivedLine, resources: readonly FhirResource[]): string[] {
  const out: string[] = [];
  for (const ref of line.sources) {
    const [type, id] = ref.split('/');
    const minutes = line.evidence.minutes?.[ref];
    const counted = minutes === undefined ? '' : `, ${minutes} minutes counted`;
    if (type !== 'MedicationAdministration') {
      out.push(`a ${type === 'Claim' ? 'claim' : 'record'} on file${counted}`);
      continue;
    }
    const ma = resources.find(
      (r): r is MedicationAdministration =>
        r.resourceType === 'MedicationAdministration' && r.id === id,
    );
    if (!ma) {
      out.push(`an administration not loaded${counted}`);
      continue;
    }
    const start = ma.effectivePeriod?.start ?? ma.effectiveDateTime;
    const end = ma.effectivePeriod?.end;
    const times = ma.effectiveDateTime
      ? `given at ${clock(ma.effectiveDateTime)}`
      : `${start ? clock(start) : 'start not recorded'}–${end ? clock(end) : 'stop not recorded'}`;
    out.push(`${drugOf(ma, resources)} ${times}${counted}`);
  }
  return out;
}
