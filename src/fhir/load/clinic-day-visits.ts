// The visits of a clinic day as worklist rows: the same engine run as the single-visit review
// (analyzeResources over everything loaded), one VisitSummary per visit of the day, worst first.
import type { Claim, FhirResource, Provenance } from 'fhir/r4';
import {
  summarizeVisit,
  toEncounterReport,
  worklistOrder,
  type EngineConfig,
  type VisitSummary,
} from '../../engine/index.ts';
import type { ReferenceData } from '../../reference/types.ts';
import { analyzeResources } from '../map/analyze-resources.ts';
import { SIGN_OFF_REASON_SYSTEM } from '../write/provenance-builder.ts';
import { readabilityOf } from './billing-picture.ts';
import type { ClinicDayPicture } from './load-clinic-day.ts';

/** Encounters whose claim carries a coder sign-off Provenance (fhir-modeling §1.8). */
export function signedEncounters(resources: readonly FhirResource[]): Set<string> {
  const signedClaims = new Set<string>();
  for (const r of resources) {
    if (r.resourceType !== 'Provenance') continue;
    const p = r as Provenance;
    const signOff = p.reason?.some((c) =>
      c.coding?.some((x) => x.system === SIGN_OFF_REASON_SYSTEM && x.code === 'HPAYMT'),
    );
    if (!signOff) continue;
    for (const t of p.target) {
      const m = /(?:^|\/)Claim\/([^/]+)/.exec(t.reference ?? '');
      if (m?.[1]) signedClaims.add(m[1]);
    }
  }
  const out = new Set<string>();
  for (const r of resources) {
    if (r.resourceType !== 'Claim' || !r.id || !signedClaims.has(r.id)) continue;
    for (const item of (r as Claim).item ?? [])
      for (const e of item.encounter ?? []) {
        const m = /(?:^|\/)Encounter\/([^/]+)$/.exec(e.reference ?? '');
        if (m?.[1]) out.add(`Encounter/${m[1]}`);
      }
  }
  return out;
}

export function clinicDayVisits(
  picture: ClinicDayPicture,
  options: { config: EngineConfig; reference: ReferenceData },
): VisitSummary[] {
  const results = analyzeResources(picture.resources, {
    ...options,
    readable: readabilityOf(picture),
  });
  const wanted = new Set(picture.encounters);
  const signed = signedEncounters(picture.resources);
  return results
    .filter((r) => r.encounter !== null && wanted.has(r.encounter))
    .map((r) => {
      const summary = summarizeVisit(
        { ...toEncounterReport(r), warnings: r.warnings },
        r.encounter !== null && signed.has(r.encounter),
      );
      return summary;
    })
    .sort(worklistOrder);
}
