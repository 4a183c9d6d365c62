// React state for the coder's decisions on one encounter, mirrored to sessionStorage.
import { useCallback, useEffect, useState } from 'react';
import type { AddedLine, DecisionState, LineDecision } from './decisions.ts';
import { browserSessionStorage, loadDecisions, saveDecisions } from './decision-store.ts';

export interface DecisionActions {
  state: DecisionState;
  decide: (key: string, decision: LineDecision) => void;
  undo: (key: string) => void;
  addLine: (line: Omit<AddedLine, 'id'>) => void;
  removeAdded: (id: string) => void;
  acknowledge: (warningKey: string, note: string) => void;
  /** Take an automatic claim change off (removed = true) or put it back. */
  setChangeRemoved: (id: string, removed: boolean) => void;
}

export function useDecisions(key: string): DecisionActions {
  const [entry, setEntry] = useState(() => ({
    key,
    state: loadDecisions(browserSessionStorage(), key),
  }));
  // A different encounter picked: load its decisions (state derived during render).
  let current = entry;
  if (entry.key !== key) {
    current = { key, state: loadDecisions(browserSessionStorage(), key) };
    setEntry(current);
  }
  const { state } = current;

  useEffect(() => {
    saveDecisions(browserSessionStorage(), entry.key, entry.state);
  }, [entry]);

  const update = useCallback(
    (fn: (s: DecisionState) => DecisionState) =>
      setEntry((e) => ({ key: e.key, state: fn(e.state) })),
    [],
  );

  return {
    state,
    decide: useCallback(
      (k, decision) => update((s) => ({ ...s, lines: { ...s.lines, [k]: decision } })),
      [update],
    ),
    undo: useCallback(
      (k) =>
        update((s) => {
          const { [k]: _gone, ...lines } = s.lines;
          return { ...s, lines };
        }),
      [update],
    ),
    addLine: useCallback(
      (line) =>
        update((s) => ({
          ...s,
          added: [...s.added, { ...line, id: crypto.randomUUID() }],
        })),
      [update],
    ),
    removeAdded: useCallback(
      (id) => update((s) => ({ ...s, added: s.added.filter((a) => a.id !== id) })),
      [update],
    ),
    acknowledge: useCallback(
      (wk, note) => update((s) => ({ ...s, acknowledged: { ...s.acknowledged, [wk]: note } })),
      [update],
    ),
    setChangeRemoved: useCallback(
      (id, removed) =>
        update((s) => {
          const rest = (s.removedChanges ?? []).filter((x) => x !== id);
          return { ...s, removedChanges: removed ? [...rest, id] : rest };
        }),
      [update],
    ),
  };
}
