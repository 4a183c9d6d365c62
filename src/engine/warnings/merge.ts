// One warning per code per encounter (research-billing §11, contract §3). The one merge used
// by the checks stage, by analyzePatient and by the placing of input issues.
import type { Severity, Warning } from '../types.ts';
import { unique } from '../unique.ts';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

// A warning names a few sources: a scan beats building a Set for each one.
function withUniqueSources<W extends Warning>(w: W): W {
  const repeats = w.sources.some((s, i) => w.sources.indexOf(s) !== i);
  return repeats ? { ...w, sources: unique(w.sources) } : w;
}

/**
 * Warnings with the same code become one (research-billing §11: "one warning per code per
 * encounter; its sources name the offending lines or resources"):
 * - sources: every source once, in the order first met;
 * - severity: the most serious met (contract §3: `error` when the claim would be wrong as it
 *   stands, so an error merged with a warning stays an error);
 * - message: every distinct message kept (five days missing 96376 × 2 are five sentences; a
 *   message naming its record — INVALID_RESOURCE, ROUTE_UNKNOWN — is kept for each record);
 * - amountAtStake: summed, rounded to the cent (USD).
 * The order of codes is the order first met. The input warnings are never changed: a warning
 * met once is passed on as it is (a copy only when its own sources repeat).
 */
export function mergeWarnings<W extends Warning>(warnings: readonly W[]): W[] {
  // One list in order of codes first met, found by a scan (an encounter's warnings have a few
  // codes): no Map or Set per call (issue 18 part 2). copied[i]: result[i] is this merge's copy.
  const result: W[] = [];
  const copied: boolean[] = [];
  for (const w of warnings) {
    let i = 0;
    while (i < result.length && result[i]?.code !== w.code) i += 1;
    const seen = result[i];
    if (!seen) {
      result.push(w);
      copied.push(false);
      continue;
    }
    let prev = seen;
    if (!copied[i]) {
      prev = { ...seen, sources: unique(seen.sources) };
      copied[i] = true;
      result[i] = prev;
    }
    for (const s of w.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
    if (RANK[w.severity] > RANK[prev.severity]) prev.severity = w.severity;
    if (!prev.message.includes(w.message)) prev.message = `${prev.message} ${w.message}`;
    if (w.amountAtStake !== undefined) {
      prev.amountAtStake = Math.round(((prev.amountAtStake ?? 0) + w.amountAtStake) * 100) / 100;
    }
  }
  for (let i = 0; i < result.length; i += 1) {
    const w = result[i];
    if (w && !copied[i]) result[i] = withUniqueSources(w);
  }
  return result;
}
