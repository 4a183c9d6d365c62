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
/**
 * On the Claim itself: the sign-off that wrote this version (who, when, an amendment's reason).
 * Written with the Claim, before its Provenance, so a reload between the two writes finds a
 * "half-signed" claim and records only the missing Provenance (issue 14 §3).
 */
export const SIGN_OFF_MARK_EXT = `${EXT_BASE}sign-off`;

/** The sign-off a Claim version says wrote it. */
export interface SignOffMark {
  author: string;
  recorded: string;
  amendmentReason?: string;
}

/** The Claim with its sign-off mark (any earlier mark replaced). Pure. */
export function withSignOffMark<T extends Claim>(claim: T, mark: SignOffMark): T {
  const others = (claim.extension ?? []).filter((e) => e.url !== SIGN_OFF_MARK_EXT);
  return {
    ...claim,
    extension: [
      ...others,
      {
        url: SIGN_OFF_MARK_EXT,
        extension: [
          { url: 'author', valueReference: { reference: mark.author } },
          { url: 'recorded', valueDateTime: mark.recorded },
          ...(mark.amendmentReason
            ? [{ url: 'amendment-reason', valueString: mark.amendmentReason }]
            : []),
        ],
      },
    ],
  };
}

/** The sign-off mark a Claim carries, if whole (author and instant). Pure. */
export function signOffMarkOf(claim: Claim): SignOffMark | undefined {
  const sub = claim.extension?.find((e) => e.url === SIGN_OFF_MARK_EXT)?.extension ?? [];
  const author = sub.find((e) => e.url === 'author')?.valueReference?.reference;
  const recorded = sub.find((e) => e.url === 'recorded')?.valueDateTime;
  if (!author || !recorded) return undefined;
  const reason = sub.find((e) => e.url === 'amendment-reason')?.valueString;
  return { author, recorded, ...(reason ? { amendmentReason: reason } : {}) };
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const x = Date.parse(a);
  return Number.isFinite(x) && x === Date.parse(b);
}

/**
 * A Claim version written by a sign-off whose Provenance never reached the server: its mark is
 * matched by no sign-off record (same instant, or the same version signed). Undefined when the
 * claim carries no mark or its sign-off is recorded. Pure.
 */
export function halfSignedOf(
  claim: Claim,
  records: readonly SignOffRecord[],
): SignOffMark | undefined {
  const mark = signOffMarkOf(claim);
  if (!mark) return undefined;
  const version = claim.meta?.versionId;
  const recorded = records.some(
    (r) =>
      sameInstant(r.recorded, mark.recorded) ||
      (version !== undefined && r.version !== undefined && r.version === version),
  );
  return recorded ? undefined : mark;
}

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
  /** The reviewed version was saved by a sign-off whose Provenance is missing: record only that. */
  | { kind: 'half-signed'; claim: Claim & { id: string }; mark: SignOffMark }
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
  // Half-signed (the Claim written, its Provenance lost): finish it, never write another version.
  // Only the version the coder reviewed; another one is a change to review first.
  const half = args.signOffsReadable === false ? undefined : halfSignedOf(fresh.resource, records);
  const seenVersion = reviewed.resource.meta?.versionId;
  if (half && (seenVersion === undefined || seenVersion === version)) {
    return {
      kind: 'half-signed',
      claim: { ...fresh.resource, id: reviewed.resource.id },
      mark: half,
    };
  }
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
