// The screen shows what the nurse entered, not only what the server has confirmed: the
// server's newest known version of each record, with her pending entries applied on top,
// and her pending new administrations as rows of their own.
import type { FhirResource, MedicationAdministration } from 'fhir/r4';
import { applyNurseChange } from '../write/medication-administration.ts';
import { buildChairModel, type ChairModel, type ChairScope } from './chair-model.ts';
import type { PendingEntry } from '../write/pending/pending-types.ts';

function version(r: FhirResource | undefined): number {
  const v = Number(r?.meta?.versionId);
  return Number.isFinite(v) ? v : 0;
}

/** Fetched resources, with newer server-confirmed versions (from our own writes) swapped in. */
export function withConfirmed(
  resources: readonly FhirResource[],
  confirmed: ReadonlyMap<string, MedicationAdministration>,
): FhirResource[] {
  const seen = new Set<string>();
  const out = resources.map((r) => {
    const ref = `${r.resourceType}/${r.id ?? ''}`;
    seen.add(ref);
    const mine = confirmed.get(ref);
    return mine && version(mine) > version(r) ? mine : r;
  });
  for (const [ref, r] of confirmed) if (!seen.has(ref)) out.push(r);
  return out;
}

export interface ChairView extends ChairModel {
  pendingByRef: ReadonlyMap<string, PendingEntry[]>;
}

export function buildChairView(
  resources: readonly FhirResource[],
  scope: ChairScope,
  entries: readonly PendingEntry[],
  confirmed: ReadonlyMap<string, MedicationAdministration>,
): ChairView {
  const pendingByRef = new Map<string, PendingEntry[]>();
  for (const e of entries) pendingByRef.set(e.target, [...(pendingByRef.get(e.target) ?? []), e]);
  const applyPending = (ref: string, ma: MedicationAdministration) =>
    (pendingByRef.get(ref) ?? []).reduce(
      (m, e) => (e.change ? applyNurseChange(m, e.change) : m),
      ma,
    );
  const extra = entries
    .filter((e): e is PendingEntry & { create: MedicationAdministration } => !!e.create)
    .map((e) => ({ ref: e.target, resource: applyPending(e.target, e.create) }));
  const model = buildChairModel(withConfirmed(resources, confirmed), scope, applyPending, extra);
  return { ...model, pendingByRef };
}
