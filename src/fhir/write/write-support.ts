// Which writes the EHR offers this launch: its CapabilityStatement (interactions and operations
// per type) and the granted scopes, read together (docs/write-back.md). A type listed without
// any declared interaction, or no scope list at all, leaves the answer to the server.
import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';
import { scopeAllows } from '../scopes.ts';

export interface WriteSupport {
  /** Whether the statement was read at all. */
  readonly known: boolean;
  create(type: string): boolean;
  update(type: string): boolean;
  /** A type-level operation such as `ChargeItem/$modify` (name without `$`). */
  operation(type: string, name: string): boolean;
}

function entries(cs: CapabilityStatement, type: string): CapabilityStatementRestResource[] {
  return (cs.rest ?? [])
    .filter((r) => r.mode === 'server')
    .flatMap((r) => r.resource ?? [])
    .filter((r) => r.type === type);
}

/** Listed with the interaction, or listed without any declared. */
function declares(cs: CapabilityStatement, type: string, code: string): boolean {
  const found = entries(cs, type);
  if (found.length === 0) return false;
  const codes = found.flatMap((r) => (r.interaction ?? []).map((i) => i.code));
  return codes.length === 0 || codes.includes(code as never);
}

function declaresOperation(cs: CapabilityStatement, type: string, name: string): boolean {
  return entries(cs, type).some((r) =>
    (r.operation ?? []).some((o) => o.name === name || o.name === `$${name}`),
  );
}

/** Scopes: `false` only when a scope list was granted and it lacks the permission. */
function granted(scopes: readonly string[], type: string, p: 'c' | 'u'): boolean {
  return scopeAllows(scopes, type, p) !== false;
}

export function writeSupport(
  cs: CapabilityStatement | undefined,
  scopes: readonly string[],
): WriteSupport {
  return {
    known: cs !== undefined,
    create: (type) => !!cs && declares(cs, type, 'create') && granted(scopes, type, 'c'),
    update: (type) => !!cs && declares(cs, type, 'update') && granted(scopes, type, 'u'),
    operation: (type, name) =>
      !!cs && declaresOperation(cs, type, name) && granted(scopes, type, 'c'),
  };
}
