// SMART scope enforcement in front of the FHIR store: which interaction a request is, whether
// the token's scopes allow it, and the patient compartment for patient/ scopes (reads,
// searches and writes of another patient's resources are refused with 403).
import type { Bundle, BundleEntry, ChargeItem, Resource } from '@medplum/fhirtypes';
import { inPatientCompartment, isCompartmentType, patientsNamedInSearch } from './compartment.ts';
import type { EhrProfile } from './ehr-profiles.ts';
import type { FhirStore, HttpMethod, StoreRequest, StoreResponse } from './fhir-store.ts';
import { outcome } from './operation-outcome.ts';
import {
  modifyTarget,
  offersModify,
  profileRefusal,
  readModify,
  runModify,
} from './profile-gate.ts';
import { accessFor, type Access, type Permission } from './smart-scopes.ts';
import type { TokenClaims } from './token-verifier.ts';

export type InteractionKind =
  'read' | 'search' | 'create' | 'update' | 'delete' | 'batch' | 'other';

export interface Interaction {
  kind: InteractionKind;
  type: string | undefined;
  id: string | undefined;
}

const TYPE_RE = /^[A-Z][A-Za-z]+$/;

export function classify(method: HttpMethod, pathname: string): Interaction {
  const parts = pathname.split('/').filter(Boolean);
  const [type, second, third] = parts;
  const none = { type: undefined, id: undefined };
  if (parts.length === 0) return { kind: method === 'POST' ? 'batch' : 'other', ...none };
  if (!type || !TYPE_RE.test(type)) return { kind: 'other', ...none };
  if (parts.length === 1) {
    if (method === 'GET') return { kind: 'search', type, id: undefined };
    if (method === 'POST') return { kind: 'create', type, id: undefined };
    return { kind: 'other', type, id: undefined };
  }
  if (second === '_search' && parts.length === 2 && method === 'POST') {
    return { kind: 'search', type, id: undefined };
  }
  if (!second || second.startsWith('$') || second.startsWith('_'))
    return { kind: 'other', type, id: undefined };
  if (parts.length === 2) {
    if (method === 'GET') return { kind: 'read', type, id: second };
    if (method === 'PUT' || method === 'PATCH') return { kind: 'update', type, id: second };
    if (method === 'DELETE') return { kind: 'delete', type, id: second };
  }
  if (third === '_history' && method === 'GET' && parts.length <= 4) {
    return { kind: 'read', type, id: second };
  }
  return { kind: 'other', type, id: second };
}

const PERMISSION: Record<Exclude<InteractionKind, 'batch' | 'other'>, Permission> = {
  read: 'r',
  search: 's',
  create: 'c',
  update: 'u',
  delete: 'd',
};

export interface AccessDeps {
  store: FhirStore;
  /** Adds paging links to a searchset before it is filtered (totals are the store's). */
  decorateSearch: (bundle: Bundle, req: StoreRequest) => void;
  /** The kind of EHR imitated (default full): which types and interactions it offers. */
  profile?: EhrProfile;
}

function forbidden(text: string): StoreResponse {
  return { status: 403, body: outcome('forbidden', text) };
}

function resolver(store: FhirStore) {
  return async (reference: string): Promise<Resource | undefined> => {
    const [type, id] = reference.split('/').slice(-2);
    return type && id ? store.read(type, id) : undefined;
  };
}

async function allowedResource(
  deps: AccessDeps,
  claims: TokenClaims,
  resource: Resource,
  access: Access,
): Promise<boolean> {
  if (!access.allowed) return false;
  if (!access.compartment || !isCompartmentType(resource.resourceType)) return true;
  if (!claims.patientId) return false;
  return inPatientCompartment(resource, claims.patientId, resolver(deps.store));
}

async function filterSearch(
  deps: AccessDeps,
  claims: TokenClaims,
  bundle: Bundle,
): Promise<Bundle> {
  const kept: BundleEntry[] = [];
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (!resource) continue;
    if (resource.resourceType === 'OperationOutcome') {
      kept.push(entry);
      continue;
    }
    const perm: Permission = entry.search?.mode === 'include' ? 'r' : 's';
    const access = accessFor(claims.scopes, resource.resourceType, perm);
    if (await allowedResource(deps, claims, resource, access)) kept.push(entry);
  }
  return { ...bundle, entry: kept };
}

async function runBatch(
  deps: AccessDeps,
  claims: TokenClaims,
  req: StoreRequest,
): Promise<StoreResponse> {
  const bundle = req.body as Bundle | undefined;
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'batch') {
    return forbidden(
      'Only batch Bundles are accepted with a SMART token; transactions need the admin token.',
    );
  }
  const entries: BundleEntry[] = [];
  for (const entry of bundle.entry ?? []) {
    const method = (entry.request?.method ?? 'GET') as HttpMethod;
    const url = `/${(entry.request?.url ?? '').replace(/^\//, '')}`;
    const res = await authorizeAndRun(deps, claims, { method, url, body: entry.resource });
    entries.push({
      resource: res.body,
      response: { status: String(res.status) },
    });
  }
  return { status: 200, body: { resourceType: 'Bundle', type: 'batch-response', entry: entries } };
}

/** Runs one request for a SMART token holder, enforcing scopes and the patient compartment. */
export async function authorizeAndRun(
  deps: AccessDeps,
  claims: TokenClaims,
  req: StoreRequest,
): Promise<StoreResponse> {
  const url = new URL(req.url, 'http://local');
  const it = classify(req.method, url.pathname);
  if (it.kind === 'batch') return runBatch(deps, claims, req);
  const profile = deps.profile ?? 'full';
  const modify = req.method === 'POST' ? modifyTarget(url.pathname) : undefined;
  if (modify) return modifyCharge(deps, claims, profile, modify.id, req.body);
  const refusal = profileRefusal(profile, it);
  if (refusal) return refusal;
  if (it.kind === 'other' || !it.type) {
    return forbidden('This interaction is not available to SMART apps on the local EHR.');
  }
  const type = it.type;
  const access = accessFor(claims.scopes, type, PERMISSION[it.kind]);
  if (!access.allowed) return forbidden(`The granted scopes do not allow this on ${type}.`);
  const restricted = access.compartment && isCompartmentType(type);
  const patientId = claims.patientId;
  if (restricted && !patientId) return forbidden('A patient/ scope needs a patient in context.');
  const inCompartment = (r: Resource) =>
    inPatientCompartment(r, patientId ?? '', resolver(deps.store));

  if (it.kind === 'search') {
    if (restricted) {
      const params =
        req.method === 'POST' && req.body && typeof req.body === 'object'
          ? new URLSearchParams(req.body as Record<string, string>)
          : url.searchParams;
      if (patientsNamedInSearch(params, type).some((id) => id !== patientId)) {
        return forbidden("Searching another patient's records is outside the granted scopes.");
      }
    }
    const res = await deps.store.handle(req);
    if (res.status !== 200 || res.body.resourceType !== 'Bundle') return res;
    deps.decorateSearch(res.body, req);
    return { status: 200, body: await filterSearch(deps, claims, res.body) };
  }
  if (it.kind === 'read') {
    const res = await deps.store.handle(req);
    if (res.status === 200 && restricted) {
      const current =
        res.body.resourceType === 'Bundle' && it.id ? await deps.store.read(type, it.id) : res.body;
      if (current && !(await inCompartment(current))) {
        return forbidden("This record belongs to another patient's chart.");
      }
    }
    return res;
  }
  if (restricted) {
    if (it.id) {
      const existing = await deps.store.read(type, it.id);
      if (existing && !(await inCompartment(existing))) {
        return forbidden("This record belongs to another patient's chart.");
      }
    }
    const body = req.body as Resource | undefined;
    if (it.kind !== 'delete' && body?.resourceType && !(await inCompartment(body))) {
      return forbidden("Writing to another patient's chart is outside the granted scopes.");
    }
  }
  return deps.store.handle(req);
}

/** `ChargeItem/$modify` for a SMART token holder: it creates, so it needs `c` on ChargeItem. */
export async function modifyCharge(
  deps: AccessDeps,
  claims: TokenClaims | undefined,
  profile: EhrProfile,
  pathId: string | undefined,
  body: unknown,
): Promise<StoreResponse> {
  if (!offersModify(profile)) {
    return { status: 404, body: outcome('not-supported', 'This EHR does not offer $modify.') };
  }
  // Open mode and the admin token: no scopes to check.
  const access: Access = claims
    ? accessFor(claims.scopes, 'ChargeItem', 'c')
    : { allowed: true, compartment: false };
  if (!access.allowed) return forbidden('The granted scopes do not allow this on ChargeItem.');
  const asked = readModify(pathId, body);
  if ('status' in asked) return asked;
  const existing = (await deps.store.read('ChargeItem', asked.id)) as ChargeItem | undefined;
  if (!existing?.id) {
    return { status: 404, body: outcome('not-found', 'No such charge item.') };
  }
  if (claims && !(await allowedResource(deps, claims, existing, access))) {
    return forbidden("This record belongs to another patient's chart.");
  }
  return runModify(deps.store, { ...existing, id: existing.id }, asked.changes);
}
