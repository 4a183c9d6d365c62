// Sign-off writes through the gateway: the draft Claim (create, or update of the existing draft
// with If-Match) and then the Provenance naming the coder. Also decides up front whether the
// server and the granted scopes allow these writes at all.
import type { CapabilityStatement, Claim, Provenance } from 'fhir/r4';
import type { FhirGateway } from '../gateway.ts';
import { scopeAllows } from '../scopes.ts';
import type { ExistingClaim } from './claim-existing.ts';
import { buildSignOffProvenance } from './provenance-builder.ts';
import {
  readSignOffs,
  signOffMarkOf,
  withSignOffMark,
  type SignOffMark,
  type SignOffRecord,
} from './sign-off-record.ts';

type Op = 'c' | 'u';

/**
 * What the server says it does with a type: undefined when the type is not listed at all, the
 * declared interaction codes otherwise (an empty list = listed without interactions declared).
 */
function interactions(cs: CapabilityStatement, type: string): string[] | undefined {
  const entries = (cs.rest ?? [])
    .filter((r) => r.mode === 'server')
    .flatMap((r) => r.resource ?? [])
    .filter((r) => r.type === type);
  if (entries.length === 0) return undefined;
  return entries.flatMap((r) => (r.interaction ?? []).map((i) => i.code));
}

/** Listed with the interaction, or listed without any declared (the server's answer decides). */
function offers(cs: CapabilityStatement, type: string, code: string): boolean {
  const declared = interactions(cs, type);
  return declared !== undefined && (declared.length === 0 || declared.includes(code));
}

/** Reasons, in plain words, that stop the sign-off writes; empty when they are allowed. */
export function writeBlockers(
  cs: CapabilityStatement | undefined,
  scopes: readonly string[],
  updatingDraft: boolean,
): string[] {
  const reasons: string[] = [];
  const claimOp: Op = updatingDraft ? 'u' : 'c';
  const verb = updatingDraft ? 'update' : 'create';
  // No granted scope list at all: the EHR did not say, and the server's answer decides.
  if (scopeAllows(scopes, 'Claim', claimOp) === false) {
    reasons.push(`This launch was not given permission to ${verb} claims.`);
  }
  if (scopeAllows(scopes, 'Provenance', 'c') === false) {
    reasons.push('This launch was not given permission to record who signed off (Provenance).');
  }
  if (!cs) {
    reasons.push('The server did not say what it supports, so saving is not attempted.');
    return reasons;
  }
  if (!offers(cs, 'Claim', verb)) {
    reasons.push(`This server does not accept claim ${verb}s.`);
  }
  if (!offers(cs, 'Provenance', 'create')) {
    reasons.push('This server does not accept sign-off records (Provenance).');
  }
  return reasons;
}

export interface SignOffWrite {
  claim: Claim;
  existing?: ExistingClaim;
  author: string;
  recorded: string;
  sources: string[];
  /** Amending an already signed claim: the coder's reason (required then). */
  amendmentReason?: string;
}

/** A Claim as the server saved it (it has its id). */
export type SavedClaim = Claim & { id: string };

/** The saved claim's version (meta.versionId), when the server gave one. */
export function savedVersion(claim: SavedClaim): string | undefined {
  return claim.meta?.versionId;
}

/** Who a drafted claim is billed to, in words: the insurer's display or reference, if any. */
export function billedToWords(claim: Claim): string | undefined {
  return claim.insurer?.display ?? claim.insurer?.reference;
}

export interface SignOffResult {
  claim: Claim & { id: string };
  provenance: Provenance;
}

/** The existing claim is updated in place only when it is still a draft. */
export function updatesDraft(existing: ExistingClaim | undefined): existing is ExistingClaim {
  return existing?.resource.status === 'draft';
}

/** The Claim was saved but the Provenance was not: the sign-off is not recorded. */
export class SignOffNotRecorded extends Error {
  readonly claim: Claim & { id: string };
  constructor(claim: Claim & { id: string }, cause: unknown) {
    super('The claim was saved, but the record of your sign-off was not.', { cause });
    this.name = 'SignOffNotRecorded';
    this.claim = claim;
  }
}

function versionFromEtag(etag: string | undefined): string | undefined {
  return etag ? /^(?:W\/)?"?([^"]+)"?$/.exec(etag)?.[1] : undefined;
}

export async function writeSignOff(gateway: FhirGateway, w: SignOffWrite): Promise<SignOffResult> {
  // The Claim says which sign-off wrote it: a reload before its Provenance is written finds a
  // half-signed claim and records only the Provenance (finishSignOff), never a second version.
  const marked = withSignOffMark(w.claim, {
    author: w.author,
    recorded: w.recorded,
    ...(w.amendmentReason ? { amendmentReason: w.amendmentReason } : {}),
  });
  let saved: Claim;
  let previousVersion: string | undefined;
  const revise = updatesDraft(w.existing);
  if (revise && w.existing) {
    const id = w.existing.resource.id;
    const etag = w.existing.etag ?? (await gateway.read<Claim>('Claim', id)).etag;
    if (!etag) throw new Error('The server gave no version for the existing claim.');
    const v = versionFromEtag(etag);
    if (v) previousVersion = `Claim/${id}/_history/${v}`;
    saved = (await gateway.update<Claim>({ ...marked, id }, etag)).resource;
  } else {
    const { id: _drop, ...fresh } = marked;
    saved = (await gateway.create<Claim>(fresh)).resource;
  }
  if (!saved.id) throw new Error('The server did not return an id for the saved claim.');
  const claim = { ...saved, id: saved.id };
  return recordSignOff(gateway, w, claim, revise, previousVersion);
}

/**
 * The sign-off Provenance for a saved Claim. Also used alone when the Claim was saved but its
 * Provenance was not: signing again then writes only the record, never another claim version.
 */
export async function recordSignOff(
  gateway: FhirGateway,
  w: Pick<SignOffWrite, 'author' | 'recorded' | 'sources' | 'amendmentReason'>,
  claim: Claim & { id: string },
  revise: boolean,
  previousVersion?: string,
): Promise<SignOffResult> {
  const saved = claim;
  const provenance = buildSignOffProvenance({
    claim: `Claim/${saved.id}`,
    ...(previousVersion ? { previousVersion } : {}),
    author: w.author,
    recorded: w.recorded,
    revised: revise,
    sources: w.sources,
    ...(saved.meta?.versionId ? { signedVersion: saved.meta.versionId } : {}),
    ...(w.amendmentReason ? { amendmentReason: w.amendmentReason } : {}),
  });
  try {
    const written = await gateway.create<Provenance>(provenance);
    return { claim, provenance: written.resource };
  } catch (e) {
    throw new SignOffNotRecorded(claim, e);
  }
}

export type FinishResult =
  { kind: 'recorded'; result: SignOffResult } | { kind: 'already'; record: SignOffRecord };

/** 'Claim/<id>/_history/<n-1>' when versions are counted 1, 2, 3 …; otherwise none. */
function previousOf(claim: Claim & { id: string }): string | undefined {
  const v = claim.meta?.versionId;
  const n = v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
  return n !== undefined && n > 1 ? `Claim/${claim.id}/_history/${n - 1}` : undefined;
}

/**
 * Finishes a half-signed claim (issue 14 §3): the Claim version was saved by a sign-off whose
 * Provenance never reached the server (a reload, a dropped connection). Reads the claim's
 * sign-off records first, so a Provenance that did land (its answer lost) is never written twice;
 * otherwise writes only the Provenance, naming that exact Claim version (`signedVersion`). The
 * author is the coder finishing it; the instant is the mark's when she is the one who signed.
 */
export async function finishSignOff(
  gateway: FhirGateway,
  claim: Claim & { id: string },
  who: { author: string; now: string; sources: string[] },
  mark: SignOffMark | undefined = signOffMarkOf(claim),
): Promise<FinishResult> {
  const records = await readSignOffs(gateway, claim.id);
  const version = claim.meta?.versionId;
  const landed = records.find(
    (r) =>
      (mark !== undefined && Date.parse(r.recorded) === Date.parse(mark.recorded)) ||
      (version !== undefined && r.version === version),
  );
  if (landed) return { kind: 'already', record: landed };
  const recorded = mark && mark.author === who.author ? mark.recorded : who.now;
  const previous = previousOf(claim);
  const result = await recordSignOff(
    gateway,
    {
      author: who.author,
      recorded,
      sources: who.sources,
      ...(mark?.amendmentReason ? { amendmentReason: mark.amendmentReason } : {}),
    },
    claim,
    previous !== undefined,
    previous,
  );
  return { kind: 'recorded', result };
}
