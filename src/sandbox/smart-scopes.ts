// SMART App Launch scopes as the local EHR understands them: v2 (`patient/Claim.cu`,
// `user/Medication.rs`) and v1 (`patient/*.read`). A granular query (`?category=…`) is
// accepted and ignored: it grants the whole type.

export type ScopeLevel = 'patient' | 'user' | 'system';
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  level: ScopeLevel;
  /** A resource type or `*`. */
  type: string;
  permissions: ReadonlySet<Permission>;
}

const SCOPE_RE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([A-Za-z*]+)(\?.*)?$/;

function permissionsOf(suffix: string): Set<Permission> | undefined {
  if (suffix === '*') return new Set(['c', 'r', 'u', 'd', 's']);
  if (suffix === 'read') return new Set(['r', 's']);
  if (suffix === 'write') return new Set(['c', 'u', 'd']);
  if (suffix.length > 0 && /^c?r?u?d?s?$/.test(suffix)) {
    return new Set(suffix.split('') as Permission[]);
  }
  return undefined;
}

export function parseResourceScope(scope: string): ResourceScope | undefined {
  const m = SCOPE_RE.exec(scope);
  if (!m) return undefined;
  const [, level, type, suffix] = m;
  const permissions = permissionsOf(suffix ?? '');
  if (!level || !type || !permissions) return undefined;
  return { level: level as ScopeLevel, type, permissions };
}

export function isResourceScope(scope: string): boolean {
  return parseResourceScope(scope) !== undefined;
}

export type Access =
  | { allowed: false }
  /** `compartment`: allowed only inside the launch patient's compartment (patient/ scopes). */
  | { allowed: true; compartment: boolean };

/** What the granted scopes allow for one interaction on one type. user/ and system/ win. */
export function accessFor(scopes: readonly string[], type: string, permission: Permission): Access {
  let patientLevel = false;
  for (const raw of scopes) {
    const scope = parseResourceScope(raw);
    if (!scope || (scope.type !== type && scope.type !== '*')) continue;
    if (!scope.permissions.has(permission)) continue;
    if (scope.level !== 'patient') return { allowed: true, compartment: false };
    patientLevel = true;
  }
  return patientLevel ? { allowed: true, compartment: true } : { allowed: false };
}

/** The resource type a scope names, for withholding types at grant time. */
export function scopeType(scope: string): string | undefined {
  return parseResourceScope(scope)?.type;
}
