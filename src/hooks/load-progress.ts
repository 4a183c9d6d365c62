// Progress of the billing-picture load (requests done / planned), for progress bars.
import { useSyncExternalStore } from 'react';
import type { LoadProgress } from '../fhir/load/load-billing-picture.ts';

const progressByKey = new Map<string, LoadProgress>();
const listeners = new Set<() => void>();

export function setLoadProgress(key: string, progress: LoadProgress): void {
  progressByKey.set(key, progress);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLoadProgressFor(key: string): LoadProgress | undefined {
  return useSyncExternalStore(
    subscribe,
    () => progressByKey.get(key),
    () => undefined,
  );
}
