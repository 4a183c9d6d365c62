// A clock that re-renders the chair every 30 s (running times stay current), and the
// device's online state.
import { useEffect, useState, useSyncExternalStore } from 'react';

export function useTicking(now: () => Date, everyMs = 30_000): () => Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

function subscribeOnline(cb: () => void): () => void {
  globalThis.addEventListener?.('online', cb);
  globalThis.addEventListener?.('offline', cb);
  return () => {
    globalThis.removeEventListener?.('online', cb);
    globalThis.removeEventListener?.('offline', cb);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => globalThis.navigator?.onLine !== false,
    () => true,
  );
}
