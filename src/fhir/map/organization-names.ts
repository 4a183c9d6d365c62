// Organization names by reference ('Organization/<id>' → name), from the Organizations loaded.
// An Organization without a name is left out (a payer is never given a guessed name).
import type { FhirResource } from 'fhir/r4';

export function organizationNames(resources: readonly FhirResource[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of resources)
    if (r.resourceType === 'Organization' && r.id && r.name)
      out.set(`Organization/${r.id}`, r.name);
  return out;
}
