// The chair row of the record a nurse's entry is on (issue 17 §5: the live region names what
// was saved): the server's answer once it was sent, else what the entry creates, else the record
// it changes as read. Undefined when that record was not read.
import type { FhirResource, MedicationAdministration } from 'fhir/r4';
import type { PendingEntry } from '../write/pending/pending-types.ts';
import { administrationRow, type AdministrationRow } from './chair-model.ts';

export function entryRow(
  entry: PendingEntry,
  resources: readonly FhirResource[],
  sent?: MedicationAdministration,
): AdministrationRow | undefined {
  const id = entry.target.split('/').pop();
  const record =
    sent ??
    entry.create ??
    resources.find(
      (r): r is MedicationAdministration =>
        r.resourceType === 'MedicationAdministration' && r.id === id,
    );
  return record ? administrationRow(entry.target, record, resources) : undefined;
}
