// Sign-off as a state (issue "never write wrong data", part 3): who signed the encounter's Claim
// and when, read back from the sign-off Provenances the server holds, so every later launch shows
// the visit as signed. Also the check made just before a write, so a double click, a reload or
// two coders at once never sign the same claim version twice.
import type { Claim, Practitioner, Provenance } from 'fhir/r4';
import { EXT_BASE } from '../extensions.ts';
import type { FhirGateway } from '../gateway.ts';
import { findExistingClaim, type ExistingClaim } from './claim-existing.ts';
import { PROVENANCE_PARTICIPANT_SYSTEM, SIGN_OFF_REASON_SYSTEM } from './provenance-builder.ts';

/** The Claim version a sign-off Provenance signed (its target is unversioned on purpose). */
const SIGNED_VERSION_EXT = `${EXT_BASE}signed-claim-version`;
/** Marks an amendment of an already signed claim (valueBoolean true). */
const AMENDMENT_EXT = `${EXT_BASE}claim-amendment`;

export interface SignOffRecord {
  /** 'Practitioner/<id>' (or whoever the author agent names). */
  author: string;
  /** ISO instant the sign-off was recorded. */
  recorded: string;
  /** Claim version signed, when the Provenance says. */
  version?: string;
  /** true for an amendment of an already signed claim. */
  amended: boolean;
  /** The coder's reason for an amendment. */
  reason?: string;
}

function isSignOff(p: Provenance): boolean {
  return (p.reason ?? []).some((r) =>
    (r.coding ?? []).some((c) => c.system === SIGN_OFF_REASON_SYSTEM && c.code === 'HPAYMT'),
  );
}

function authorOf(p: Provenance): string | undefined {
  const author = p.agent.find((a) =>
    (a.type?.coding ?? []).some(
      (c) => c.system === PROVENANCE_PARTICIPANT_SYSTEM && c.code === 'author',
    ),
  );
  return (author ?? p.agent[0])?.who?.reference;
}

function targets(p: Provenance, claimId: string): boolean {
  const ref = `Claim/${claimId}`;
  return p.target.some((t) => t.reference === ref || t.reference?.startsWith(`${ref}/_history/`));
}

/** Sign-off records for the Claim, newest first. Pure. */
export function signOffRecordsOf(
  provenances: readonly Provenance[],
  claimId: string,
): SignOffRecord[] {
  const out: SignOffRecord[] = [];
  for (const p of provenances) {
    if (!targets(p, claimId) || !isSignOff(p)) continue;
    const author = authorOf(p);
    if (!author) continue;
    const rec: SignOffRecord = {
      author,
      recorded: p.recorded,
      amended: (p.extension ?? []).some((e) => e.url === AMENDMENT_EXT),
    };
    const version = p.extension?.find((e) => e.url === SIGNED_VERSION_EXT)?.valueString;
    if (version) rec.version = version;
    const reason = (p.reason ?? []).find((r) => !r.coding?.length && r.text)?.text;
    if (reason) rec.reason = reason;
    out.push(rec);
  }
  return out.sort((a, b) => Date.parse(b.recorded) - Date.parse(a.recorded));
}

/** The sign-off records the server holds for the Claim (Provenance?target=Claim/<id>). */
export async function readSignOffs(gateway: FhirGateway, claimId: string) {
  const found = await gateway.search('Provenance', { target: `Claim/${claimId}` });
  return signOffRecordsOf(
    found.filter((r): r is Provenance => r.resourceType === 'Provenance'),
    claimId,
  );
}

/** "Jordan Patel" from the Practitioner, else the reference itself. */
export async function authorName(gateway: FhirGateway, ref: string): Promise<string> {
  const [type, id] = ref.split('/');
  if (type !== 'Practitioner' || !id) return ref;
  try {
    const { resource } = await gateway.read<Practitioner>('Practitioner', id);
    const n = resource.name?.[0];
    const text = n?.text ?? [n?.given?.join(' '), n?.family].filter(Boolean).join(' ');
    return text || ref;
  } catch {
    return ref;
  }
}

/** Why a write must not go ahead after all (read fresh from the server just before it). */
export type Preflight =
  | { kind: 'go'; existing: ExistingClaim | undefined }
  | { kind: 'already-signed'; record: SignOffRecord }
  | { kind: 'changed' }
  | { kind: 'drafted-meanwhile' };

/**
 * Just before signing: read the claim again and its sign-off records. A version already signed
 * is not signed again (idempotency); a claim changed since review, or one drafted meanwhile for
 * a visit that had none, sends the coder back to review it.
 */
export async function preflightSignOff(
  gateway: FhirGateway,
  args: {
    reviewed: ExistingClaim | undefined;
    patient: string;
    encounter: string | null;
    amending: boolean;
    /** false when the launch may not read Provenance: only the claim's version is checked. */
    signOffsReadable?: boolean;
  },
): Promise<Preflight> {
  const { reviewed } = args;
  if (!reviewed) {
    const claims = await gateway.search('Claim', { patient: args.patient.split('/').pop() ?? '' });
    const now = findExistingClaim(claims, args.encounter);
    return now ? { kind: 'drafted-meanwhile' } : { kind: 'go', existing: undefined };
  }
  const fresh = await gateway.read<Claim>('Claim', reviewed.resource.id);
  const version = fresh.resource.meta?.versionId;
  const records =
    args.signOffsReadable === false ? [] : await readSignOffs(gateway, reviewed.resource.id);
  const latest = records[0];
  if (latest && !args.amending && (!latest.version || latest.version === version)) {
    return { kind: 'already-signed', record: latest };
  }
  // A reviewed claim without a version cannot be compared: the update's If-Match then carries
  // the version just read.
  const seen = reviewed.resource.meta?.versionId;
  if (seen !== undefined && version !== seen) return { kind: 'changed' };
  return { kind: 'go', existing: reviewed };
}
