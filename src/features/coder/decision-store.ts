// Decisions survive a reload: kept in sessionStorage (this tab only, gone when it closes),
// parsed with zod on the way back so a stale or tampered entry is dropped, never trusted.
import { z } from 'zod';
import { EMPTY_DECISIONS, type DecisionState } from './decisions.ts';

const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accepted') }),
  z.object({
    kind: z.literal('edited'),
    units: z.number().positive(),
    modifiers: z.array(z.string()),
    reason: z.string().min(1),
  }),
  z.object({ kind: z.literal('rejected'), reason: z.string().min(1) }),
]);

const stateSchema = z.object({
  lines: z.record(z.string(), decisionSchema),
  added: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      units: z.number().positive(),
      modifiers: z.array(z.string()),
      reason: z.string().min(1),
    }),
  ),
  acknowledged: z.record(z.string(), z.string()),
  removedChanges: z.array(z.string()).optional(),
});

/** One entry per server, patient and encounter (or date when there is no encounter). */
export function storageKey(
  serverUrl: string,
  patient: string,
  encounter: string | null,
  date: string,
): string {
  return `everydose:coder:v1:${serverUrl}|${patient}|${encounter ?? `date:${date}`}`;
}

export function loadDecisions(storage: Storage | undefined, key: string): DecisionState {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return EMPTY_DECISIONS;
    const parsed = stateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : EMPTY_DECISIONS;
  } catch {
    return EMPTY_DECISIONS;
  }
}

export function saveDecisions(storage: Storage | undefined, key: string, state: DecisionState) {
  try {
    storage?.setItem(key, JSON.stringify(state));
  } catch {
    // Storage full or blocked (private mode, sandboxed frame): decisions stay in memory.
  }
}

export function browserSessionStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}
