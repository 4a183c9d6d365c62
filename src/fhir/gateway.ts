// One gateway interface for FHIR (house habit 3). Two implementations: the fhirclient
// adapter (fhirclient-gateway.ts) and an in-memory one for tests (memory-gateway.ts).
// Views and hooks depend on this interface only.
import type { CapabilityStatement, FhirResource, Parameters } from 'fhir/r4';

export type FhirErrorKind =
  | 'unauthorized' // 401: token missing or expired and could not be refreshed
  | 'forbidden' // 403: outside the granted scopes or compartment
  | 'not-found' // 404
  | 'conflict' // 409/412: someone else changed the resource (If-Match)
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'network' // no answer (offline, dropped connection)
  | 'invalid'; // the answer was not the FHIR we expected

/** Typed I/O error of the FHIR layer (house habit 4). Messages are plain words, no PHI. */
export class FhirError extends Error {
  readonly kind: FhirErrorKind;
  readonly status: number | undefined;
  /** Seconds to wait before retrying (429 Retry-After). */
  readonly retryAfterSeconds: number | undefined;
  constructor(kind: FhirErrorKind, message: string, status?: number, retryAfterSeconds?: number) {
    super(message);
    this.name = 'FhirError';
    this.kind = kind;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isFhirError(e: unknown): e is FhirError {
  return e instanceof FhirError;
}

/** Retrying is safe for reads on these kinds; never retry 4xx other than 429. */
export function isRetryable(e: unknown): boolean {
  return (
    isFhirError(e) && (e.kind === 'network' || e.kind === 'server' || e.kind === 'rate-limited')
  );
}

export interface ReadResult<T extends FhirResource> {
  resource: T;
  /** Weak ETag as the server sent it, e.g. W/"3". */
  etag: string | undefined;
}

export interface LaunchContext {
  serverUrl: string;
  patientId: string | undefined;
  encounterId: string | undefined;
  /** 'Practitioner/<id>' from the id_token's fhirUser claim. */
  fhirUser: string | undefined;
  needPatientBanner: boolean;
  /** SMART `intent` from the token response (role hint). */
  intent: string | undefined;
  /** Scopes actually granted (token response `scope`). */
  grantedScopes: string[];
  /** 'List/<id>': a work queue of Encounters in the token's `fhirContext` (SMART App Launch 2.x). */
  workQueue?: string;
}

/** Search parameters; an array repeats the parameter (e.g. several `_include`). */
export type SearchParams = Record<string, string | readonly string[]>;

export interface FhirGateway {
  readonly launch: LaunchContext;
  capabilities(): Promise<CapabilityStatement>;
  read<T extends FhirResource>(type: T['resourceType'], id: string): Promise<ReadResult<T>>;
  /** Search, following every `next` link (bounded; loops are detected). Returns every entry, included ones too. */
  search(type: string, params: SearchParams): Promise<FhirResource[]>;
  create<T extends FhirResource>(resource: T): Promise<ReadResult<T>>;
  /** PUT with If-Match: a stale etag fails with FhirError kind 'conflict'. */
  update<T extends FhirResource>(
    resource: T & { id: string },
    ifMatch: string,
  ): Promise<ReadResult<T>>;
  /**
   * POST `Type/$name` (e.g. `ChargeItem/$modify`) with a Parameters body; the answer is the
   * resource the operation returns. Optional: a gateway without it offers no operations.
   */
  operation?<T extends FhirResource>(
    type: T['resourceType'],
    name: string,
    parameters: Parameters,
  ): Promise<ReadResult<T>>;
}

/** The EHR refused the interaction itself (403, 404 for a type it lacks, 405, 501): trying
 * again cannot help, the next write channel might (docs/write-back.md). */
export function isChannelRefused(e: unknown): boolean {
  return isFhirError(e) && [403, 404, 405, 501].includes(e.status ?? 0);
}
