// The work queue a launch carries: SMART App Launch 2.x lets the token's `fhirContext` name a
// List (here: of Encounters) instead of one encounter.

/** 'List/<id>' from a SMART `fhirContext` array (objects with `reference`, or `type` + `id`). */
export function workQueueOf(fhirContext: unknown): string | undefined {
  if (!Array.isArray(fhirContext)) return undefined;
  for (const item of fhirContext as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { reference, type, id } = item as { reference?: unknown; type?: unknown; id?: unknown };
    const m = typeof reference === 'string' ? /(?:^|\/)List\/([^/]+)$/.exec(reference) : null;
    if (m?.[1]) return `List/${m[1]}`;
    if (type === 'List' && typeof id === 'string' && id !== '') return `List/${id}`;
  }
  return undefined;
}

/**
 * Whether this launch opens the coder's worklist: a work queue in context, or no patient and
 * user-level (not patient-level) search of Encounters granted, as a standalone coder launch has.
 * With no scope list at all (the EHR did not say), only a work queue opens it.
 */
export function opensWorklist(launch: {
  workQueue?: string;
  patientId: string | undefined;
  grantedScopes: readonly string[];
}): boolean {
  if (launch.workQueue) return true;
  if (launch.patientId) return false;
  return launch.grantedScopes.some((s) => {
    const m = /^(user|system)\/(Encounter|\*)\.(.+)$/.exec(s);
    const perms = m?.[3]?.split('?')[0] ?? '';
    return m !== null && (perms === 'read' || perms === '*' || /^c?r?u?d?s$/.test(perms));
  });
}
