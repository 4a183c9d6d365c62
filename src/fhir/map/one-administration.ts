// One MedicationAdministration as the engine reads it (contract §2.1), for views that show a
// record before or without a full analysis: the nurse's chair asks the engine what kind of
// service each record is (serviceKindOf) from the same mapped facts the billing uses.
import type { FhirResource, MedicationAdministration } from 'fhir/r4';
import type { Administration } from '../../engine/index.ts';
import { ResourceIndex, type RawResource } from '../references.ts';
import { mapAdministration } from './administration.ts';
import { readAs, type MapContext } from './context.ts';

export type AdministrationMapper = (
  ref: string,
  ma: MedicationAdministration,
) => Administration | undefined;

/**
 * A mapper over the given resources (Medications resolve through them). A record that does not
 * parse maps to undefined: the caller says "not known", never guesses.
 */
export function administrationMapper(resources: readonly FhirResource[]): AdministrationMapper {
  const index = new ResourceIndex();
  for (const r of resources) index.add(r as unknown as RawResource);
  return (ref, ma) => {
    const ctx: MapContext = {
      index,
      patient: ma.subject.reference ?? '',
      issues: [],
      cache: new WeakMap(),
      reported: new Set(),
    };
    const rec = { key: ref, resource: ma as unknown as RawResource };
    const parsed = readAs(ctx, 'MedicationAdministration', rec);
    if (!parsed) return undefined;
    const encounter = ma.context?.reference ? index.canonical(ma.context.reference) : null;
    return mapAdministration(ctx, parsed, rec, encounter);
  };
}
