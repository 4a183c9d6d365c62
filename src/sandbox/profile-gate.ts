// The router's allowed interactions per EHR profile (ehr-profiles.ts), and `ChargeItem/$modify`
// as Oracle Health documents it: "creates a new charge item from modifying an existing charge
// item". The new charge carries `replacing` → the old one; the old one becomes `aborted` and
// carries `offset-by` → the new one (docs/write-back.md).
import type { ChargeItem, Extension, Parameters, Resource } from '@medplum/fhirtypes';
import { ORACLE_EXT } from '../fhir/write/oracle-charge-extensions.ts';
import { listsType, operationsOf, writesOf, type EhrProfile } from './ehr-profiles.ts';
import type { Interaction } from './fhir-access.ts';
import type { FhirStore, StoreResponse } from './fhir-store.ts';
import { outcome } from './operation-outcome.ts';

/** A refusal when the profile does not offer the interaction; undefined when it does. */
export function profileRefusal(profile: EhrProfile, it: Interaction): StoreResponse | undefined {
  const type = it.type;
  if (!type) return undefined;
  if (!listsType(profile, type)) {
    return { status: 404, body: outcome('not-supported', `This EHR does not offer ${type}.`) };
  }
  const writes = writesOf(profile, type);
  const refused =
    (it.kind === 'create' && !writes.includes('create')) ||
    (it.kind === 'update' && !writes.includes('update')) ||
    it.kind === 'delete';
  if (refused) {
    return {
      status: 405,
      body: outcome('not-supported', `This EHR does not let apps ${it.kind} ${type}.`),
    };
  }
  return undefined;
}

/** `/ChargeItem/$modify` or `/ChargeItem/<id>/$modify`: the id in the path, if any. */
export function modifyTarget(pathname: string): { id: string | undefined } | undefined {
  const m = /^\/ChargeItem(?:\/([A-Za-z0-9\-.]{1,64}))?\/\$modify$/.exec(pathname);
  return m ? { id: m[1] } : undefined;
}

export function offersModify(profile: EhrProfile): boolean {
  return operationsOf(profile, 'ChargeItem').includes('modify');
}

function submitted(body: unknown): ChargeItem | undefined {
  const p = body as Parameters | undefined;
  if (p?.resourceType !== 'Parameters') return undefined;
  const found = (p.parameter ?? []).filter((x) => x.name === 'chargeItem');
  if (found.length !== 1) return undefined;
  const r = found[0]?.resource;
  return r?.resourceType === 'ChargeItem' ? r : undefined;
}

function withExtension(resource: ChargeItem, ext: Extension): ChargeItem {
  return { ...resource, extension: [...(resource.extension ?? []), ext] };
}

function bad(text: string): StoreResponse {
  return { status: 400, body: outcome('invalid', text) };
}

/** The charge a modify request names and the changes it asks for (checked before scopes). */
export function readModify(
  pathId: string | undefined,
  body: unknown,
): { id: string; changes: ChargeItem } | StoreResponse {
  const changes = submitted(body);
  if (!changes) return bad('$modify needs exactly one chargeItem parameter holding a ChargeItem.');
  const id = pathId ?? changes.id;
  if (!id) return bad('$modify needs the id of the charge item to modify.');
  return { id, changes };
}

/**
 * Runs the modify: `existing` is the stored charge (already checked to be in the caller's
 * compartment). Code, quantity, occurrence, status, product and extensions come from the
 * request; subject, context, service and account stay the charge's own.
 */
export async function runModify(
  store: FhirStore,
  existing: ChargeItem & { id: string },
  changes: ChargeItem,
): Promise<StoreResponse> {
  if (existing.status === 'aborted' || existing.status === 'entered-in-error') {
    return {
      status: 409,
      body: outcome('conflict', 'This charge item was already replaced or withdrawn.'),
    };
  }
  const { id: _id, meta: _meta, ...base } = existing;
  const fresh: ChargeItem = withExtension(
    {
      ...base,
      status: changes.status ?? existing.status,
      code: changes.code ?? existing.code,
      ...(changes.quantity ? { quantity: changes.quantity } : {}),
      ...(changes.occurrencePeriod ? { occurrencePeriod: changes.occurrencePeriod } : {}),
      ...(changes.occurrenceDateTime ? { occurrenceDateTime: changes.occurrenceDateTime } : {}),
      ...(changes.note ? { note: changes.note } : {}),
      ...(changes.enterer ? { enterer: changes.enterer } : {}),
      ...(changes.enteredDate ? { enteredDate: changes.enteredDate } : {}),
      extension: (changes.extension ?? existing.extension ?? []).filter(
        (e) => e.url !== ORACLE_EXT.replacing && e.url !== ORACLE_EXT.offsetBy,
      ),
    },
    { url: ORACLE_EXT.replacing, valueReference: { reference: `ChargeItem/${existing.id}` } },
  );
  const created = await store.handle({ method: 'POST', url: '/ChargeItem', body: fresh });
  const made = created.body as Resource;
  if (created.status >= 300 || !made.id) return created;
  const offset = withExtension(
    { ...existing, status: 'aborted' },
    { url: ORACLE_EXT.offsetBy, valueReference: { reference: `ChargeItem/${made.id}` } },
  );
  await store.handle({ method: 'PUT', url: `/ChargeItem/${existing.id}`, body: offset });
  return { status: 201, body: made };
}
