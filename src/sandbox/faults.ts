// Fault injection for the local EHR's FHIR endpoint (docs/local-ehr.md): fixed latency,
// error statuses for the next N requests or for a path pattern, dropped connections and
// looping paging links. Set from EHR_FAULTS at start or POST /_admin/faults at run time.
import { z } from 'zod';

export const faultConfigSchema = z
  .object({
    /** Added before every FHIR request is answered. */
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    /** Answer with this status (an OperationOutcome body). */
    status: z
      .union([z.literal(401), z.literal(403), z.literal(429), z.literal(500), z.literal(503)])
      .optional(),
    /** Seconds for the Retry-After header (429/503); default 1. */
    retryAfterSeconds: z.number().int().min(0).max(3600).optional(),
    /** Close the connection without an answer. */
    dropConnection: z.boolean().optional(),
    /** How many matching requests the status or drop applies to; absent = all. */
    times: z.number().int().min(1).optional(),
    /** A regular expression tested on the path and query after /fhir, e.g. "^/Claim". */
    path: z.string().max(500).optional(),
    /** Searchset `next` links point back at the same page, forever. */
    loopPaging: z.boolean().optional(),
  })
  .strict();

export type FaultConfig = z.infer<typeof faultConfigSchema>;

export type FaultAction =
  | { kind: 'none' }
  | { kind: 'drop' }
  | { kind: 'status'; status: number; retryAfterSeconds: number | undefined };

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction;
}

export function parseFaultConfig(input: unknown): FaultConfig {
  return faultConfigSchema.parse(input);
}

export class Faults {
  private config: FaultConfig = {};
  private remaining: number | undefined;
  private pattern: RegExp | undefined;

  set(config: FaultConfig): void {
    this.config = config;
    this.remaining = config.times;
    this.pattern = config.path !== undefined ? new RegExp(config.path) : undefined;
  }

  clear(): void {
    this.set({});
  }

  current(): FaultConfig & { remaining?: number } {
    return this.remaining === undefined
      ? this.config
      : { ...this.config, remaining: this.remaining };
  }

  get loopPaging(): boolean {
    return this.config.loopPaging === true;
  }

  /** Decide what happens to one FHIR request (`path` is after /fhir, with its query). */
  decide(path: string): FaultDecision {
    const latencyMs = this.config.latencyMs ?? 0;
    const wantsFailure = this.config.dropConnection === true || this.config.status !== undefined;
    if (!wantsFailure) return { latencyMs, action: { kind: 'none' } };
    if (this.pattern && !this.pattern.test(path)) return { latencyMs, action: { kind: 'none' } };
    if (this.remaining !== undefined) {
      if (this.remaining <= 0) return { latencyMs, action: { kind: 'none' } };
      this.remaining -= 1;
    }
    if (this.config.dropConnection === true) return { latencyMs, action: { kind: 'drop' } };
    const status = this.config.status ?? 500;
    const retry =
      status === 429 || status === 503 ? (this.config.retryAfterSeconds ?? 1) : undefined;
    return { latencyMs, action: { kind: 'status', status, retryAfterSeconds: retry } };
  }
}

/** Request counts for the performance benchmark (GET /_admin/stats). */
export class Stats {
  total = 0;
  byMethod: Record<string, number> = {};
  byType: Record<string, number> = {};
  byStatus: Record<string, number> = {};

  count(method: string, path: string): void {
    this.total += 1;
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
    const type = /^\/([A-Za-z]+|\.well-known|metadata)/.exec(path)?.[1] ?? '(root)';
    this.byType[type] = (this.byType[type] ?? 0) + 1;
  }

  status(code: number): void {
    const key = String(code);
    this.byStatus[key] = (this.byStatus[key] ?? 0) + 1;
  }

  reset(): void {
    this.total = 0;
    this.byMethod = {};
    this.byType = {};
    this.byStatus = {};
  }

  snapshot(): {
    total: number;
    byMethod: Record<string, number>;
    byType: Record<string, number>;
    byStatus: Record<string, number>;
  } {
    return {
      total: this.total,
      byMethod: { ...this.byMethod },
      byType: { ...this.byType },
      byStatus: { ...this.byStatus },
    };
  }
}
