// The facts of each MedicationAdministration a coder's service words need (issue 15 §5): the
// engine's mapped record (for serviceKindOf), the start and end as written, and the site in
// words. Read here so the coder view never reads FHIR fields; what is not recorded stays absent.
import type { FhirResource, MedicationAdministration } from 'fhir/r4';
import type { Administration } from '../../engine/index.ts';
import { administrationMapper } from './one-administration.ts';

export interface ServiceRecord {
  /** The record as the engine reads it; undefined when it does not parse. */
  administration: Administration | undefined;
  /** Start and end instants as written (effectivePeriod, or effectiveDateTime for the start). */
  start: string | undefined;
  end: string | undefined;
  /** The site's text or first display, lower case; undefined when not recorded. */
  site: string | undefined;
}

function siteWords(ma: MedicationAdministration): string | undefined {
  const s = ma.dosage?.site;
  const text = s?.text ?? s?.coding?.find((c) => c.display)?.display;
  return text?.toLowerCase();
}

/** One entry per MedicationAdministration with an id, by 'MedicationAdministration/<id>'. */
export function serviceRecords(resources: readonly FhirResource[]): Map<string, ServiceRecord> {
  const map = administrationMapper(resources);
  const out = new Map<string, ServiceRecord>();
  for (const r of resources) {
    if (r.resourceType !== 'MedicationAdministration' || !r.id) continue;
    const ref = `MedicationAdministration/${r.id}`;
    out.set(ref, {
      administration: map(ref, r),
      start: r.effectivePeriod?.start ?? r.effectiveDateTime,
      end: r.effectivePeriod?.end,
      site: siteWords(r),
    });
  }
  return out;
}
