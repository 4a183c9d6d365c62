// NDC search tokens for MedicationKnowledge: every NDC seen on the administrations and their
// Medications (contained ones too), in the spellings a server may have stored.
import type { CodeableConcept, FhirResource, Medication } from 'fhir/r4';
import { normalizeNdc } from '../../reference/ndc.ts';
import { SYSTEMS } from '../extensions.ts';

/** 11-digit 5-4-2 → the hyphenated 5-4-2 and whichever 10-digit form it came from. */
export function ndcSpellings(ndc11: string): string[] {
  const l = ndc11.slice(0, 5);
  const p = ndc11.slice(5, 9);
  const k = ndc11.slice(9);
  const out = [ndc11, `${l}-${p}-${k}`];
  if (l.startsWith('0')) out.push(`${l.slice(1)}-${p}-${k}`);
  if (p.startsWith('0')) out.push(`${l}-${p.slice(1)}-${k}`);
  if (k.startsWith('0')) out.push(`${l}-${p}-${k.slice(1)}`);
  return out;
}

function ndcsOf(concept: CodeableConcept | undefined): string[] {
  return (concept?.coding ?? [])
    .filter((c) => c.system === SYSTEMS.ndc && c.code)
    .map((c) => c.code ?? '');
}

/** `system|code` tokens, sorted and unique. */
export function medicationKnowledgeCodes(resources: readonly FhirResource[]): string[] {
  const raw: string[] = [];
  for (const r of resources) {
    if (r.resourceType === 'Medication') raw.push(...ndcsOf(r.code));
    if (r.resourceType === 'MedicationAdministration') {
      raw.push(...ndcsOf(r.medicationCodeableConcept));
      for (const c of r.contained ?? [])
        if (c.resourceType === 'Medication') raw.push(...ndcsOf((c as Medication).code));
    }
  }
  const tokens = new Set<string>();
  for (const code of raw) {
    const n = normalizeNdc(code);
    for (const spelling of n ? ndcSpellings(n) : [code]) tokens.add(`${SYSTEMS.ndc}|${spelling}`);
  }
  return [...tokens].sort();
}
