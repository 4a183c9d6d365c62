// Writes check the role again just before they leave (issue "never write wrong data", part 5):
// a gateway wrapper that, on every create, update or operation, asks the EHR afresh which roles
// the user holds and refuses a write the current role may not make. A Patient or RelatedPerson
// (or unknown) user never writes; claims (and charges, and the Provenance of a claim) need the
// coder role.
import type { FhirResource } from 'fhir/r4';
import type { AppRole } from '../extensions.ts';
import type { FhirGateway } from '../gateway.ts';
import { allowedRoles, userType } from '../load/app-role.ts';

/** Resource types only a coder writes. */
const CODER_TYPES = new Set(['Claim', 'ChargeItem']);

/** The write was stopped in the app: the user's role does not allow it. */
export class RoleRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoleRefused';
  }
}

function needsCoder(resource: { resourceType?: string } & Record<string, unknown>): boolean {
  if (CODER_TYPES.has(resource.resourceType ?? '')) return true;
  if (resource.resourceType !== 'Provenance') return false;
  const targets = (resource['target'] ?? []) as { reference?: string }[];
  return targets.some((t) => CODER_TYPES.has((t.reference ?? '').split('/')[0] ?? ''));
}

/**
 * Whether the current role may write the resource, checked against the roles the EHR gives the
 * user now. `role` undefined means a screen used outside the shell's role choice (a test): only
 * coder-only writes are then refused.
 */
export async function checkWriteRole(
  gateway: FhirGateway,
  resource: { resourceType?: string } & Record<string, unknown>,
  role: AppRole | undefined,
  freshRoles: () => Promise<AppRole[]>,
): Promise<void> {
  const { fhirUser, intent } = gateway.launch;
  if (userType(fhirUser) !== 'Practitioner') {
    throw new RoleRefused(
      'You are signed in as a patient or their representative: EveryDose shows this visit but changes nothing.',
    );
  }
  const coderOnly = needsCoder(resource);
  if (role === undefined && !coderOnly) return;
  if (coderOnly && role !== 'coder') {
    throw new RoleRefused('Only a coder may save or sign a claim. Switch "Working as" to Coder.');
  }
  if (role === undefined) return;
  // The launch's intent already allows it; else ask the EHR again (PractitionerRole).
  if (allowedRoles(fhirUser, intent, []).includes(role)) return;
  const now = allowedRoles(fhirUser, intent, await freshRoles());
  if (!now.includes(role)) {
    throw new RoleRefused(
      `Your roles in the EHR no longer include ${role}, so this change was not sent.`,
    );
  }
}

type Writer = (...args: unknown[]) => Promise<unknown>;

/** The gateway with every write checked first; reads pass through untouched. */
export function roleGuardedGateway(
  inner: FhirGateway,
  currentRole: () => AppRole | undefined,
  freshRoles: () => Promise<AppRole[]>,
): FhirGateway {
  const guard =
    (name: 'create' | 'update' | 'operation', fn: Writer): Writer =>
    async (...args: unknown[]) => {
      const first = args[0];
      const resource =
        name === 'operation'
          ? { resourceType: typeof first === 'string' ? first : undefined }
          : ((first ?? {}) as FhirResource & Record<string, unknown>);
      await checkWriteRole(inner, resource, currentRole(), freshRoles);
      return fn.apply(inner, args);
    };
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'create' || prop === 'update' || prop === 'operation')
        return guard(prop, value as Writer);
      return (value as Writer).bind(target);
    },
  });
}
