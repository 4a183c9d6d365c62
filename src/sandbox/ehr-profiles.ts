// What kind of EHR the local EHR imitates (`--ehr-profile`, docs/write-back.md): the types and
// interactions its CapabilityStatement lists, the scopes it grants and the requests its
// router accepts all follow one table, so the app's write channels can be exercised per kind.
//   full           every write the app knows: MedicationAdministration update, draft Claim,
//                  Provenance, ChargeItem create and $modify, DocumentReference create.
//   claim-less     imitates Oracle Health's Millennium R4 API: no Claim or ClaimResponse,
//                  ChargeItem read/search and $modify (create offered locally too, see
//                  docs/write-back.md), Provenance read only, DocumentReference create.
//   mar-read-only  imitates Epic's public R4 catalog: MedicationAdministration read/search
//                  only, no ChargeItem, Claim read/search only, DocumentReference create.
import type { Permission } from './smart-scopes.ts';

export const EHR_PROFILES = ['full', 'claim-less', 'mar-read-only'] as const;
export type EhrProfile = (typeof EHR_PROFILES)[number];

export function isEhrProfile(value: unknown): value is EhrProfile {
  return typeof value === 'string' && (EHR_PROFILES as readonly string[]).includes(value);
}

export type Write = 'create' | 'update';

/** Writes offered per type; every listed type is readable and searchable. */
type WriteTable = Partial<Record<string, readonly Write[]>>;

const FULL: WriteTable = {
  MedicationAdministration: ['create', 'update'],
  Claim: ['create', 'update'],
  Provenance: ['create'],
  ChargeItem: ['create'],
  DocumentReference: ['create'],
};

const CLAIM_LESS: WriteTable = {
  MedicationAdministration: ['create', 'update'],
  ChargeItem: ['create'],
  DocumentReference: ['create'],
};

const MAR_READ_ONLY: WriteTable = {
  DocumentReference: ['create'],
};

const WRITES: Record<EhrProfile, WriteTable> = {
  full: FULL,
  'claim-less': CLAIM_LESS,
  'mar-read-only': MAR_READ_ONLY,
};

/** Types a profile does not list at all (absent from the CapabilityStatement, 404 on use). */
const ABSENT: Record<EhrProfile, ReadonlySet<string>> = {
  full: new Set(),
  'claim-less': new Set(['Claim', 'ClaimResponse']),
  'mar-read-only': new Set(['ChargeItem']),
};

/** Type-level operations offered (`ChargeItem/$modify`). */
const OPERATIONS: Record<EhrProfile, Partial<Record<string, readonly string[]>>> = {
  full: { ChargeItem: ['modify'] },
  'claim-less': { ChargeItem: ['modify'] },
  'mar-read-only': {},
};

export function listsType(profile: EhrProfile, type: string): boolean {
  return !ABSENT[profile].has(type);
}

export function writesOf(profile: EhrProfile, type: string): readonly Write[] {
  return listsType(profile, type) ? (WRITES[profile][type] ?? []) : [];
}

export function operationsOf(profile: EhrProfile, type: string): readonly string[] {
  return listsType(profile, type) ? (OPERATIONS[profile][type] ?? []) : [];
}

/** Whether the profile lets a SMART app do `permission` on `type` (r/s on every listed type). */
export function profileAllows(profile: EhrProfile, type: string, permission: Permission): boolean {
  if (type === '*') return permission === 'r' || permission === 's';
  if (!listsType(profile, type)) return false;
  const writes = writesOf(profile, type);
  switch (permission) {
    case 'r':
    case 's':
      return true;
    case 'c':
      return writes.includes('create') || operationsOf(profile, type).length > 0;
    case 'u':
      return writes.includes('update');
    case 'd':
      return false;
  }
}

/** `--ehr-profile X`, `--ehr-profile=X` or EHR_PROFILE; full when none is given. */
export function profileFrom(argv: readonly string[], env: string | undefined): EhrProfile {
  let value: string | undefined = env === '' ? undefined : env;
  argv.forEach((a, i) => {
    if (a === '--ehr-profile') value = argv[i + 1];
    else if (a.startsWith('--ehr-profile=')) value = a.slice('--ehr-profile='.length);
  });
  if (value === undefined) return 'full';
  if (!isEhrProfile(value)) {
    throw new Error(`Unknown EHR profile: ${value} (full, claim-less or mar-read-only)`);
  }
  return value;
}

/** A mutable holder: the admin endpoint switches the profile of a running EHR. */
export interface ProfileHolder {
  current: EhrProfile;
  readonly initial: EhrProfile;
}

export function profileHolder(initial: EhrProfile = 'full'): ProfileHolder {
  return { current: initial, initial };
}
