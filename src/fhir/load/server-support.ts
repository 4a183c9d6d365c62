// What the server says it supports (CapabilityStatement), asked once per launch.
import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';

export interface ServerSupport {
  /** false when the statement lists resources and this type is not among them. */
  offers(type: string): boolean;
  include(type: string, value: string): boolean;
  revinclude(type: string, value: string): boolean;
}

/** With no statement (it could not be read) assume every type and no _include. */
export function serverSupport(statement: CapabilityStatement | undefined): ServerSupport {
  const rest = statement?.rest?.find((r) => r.mode === 'server') ?? statement?.rest?.[0];
  const byType = new Map<string, CapabilityStatementRestResource>(
    (rest?.resource ?? []).map((r) => [r.type, r]),
  );
  const known = byType.size > 0;
  return {
    offers: (type) => !known || byType.has(type),
    include: (type, value) => {
      const list = byType.get(type)?.searchInclude ?? [];
      return list.includes(value) || list.includes('*');
    },
    revinclude: (type, value) => {
      const list = byType.get(type)?.searchRevInclude ?? [];
      return list.includes(value) || list.includes('*');
    },
  };
}
