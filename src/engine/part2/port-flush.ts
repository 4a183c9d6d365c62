// R24 port flush, per date of service across encounters, after every other line of the date is
// known (injection-pump-rules §9 step 10a): 96523 ×1 only when nothing else is billed for the
// patient that date (R24.1, R24.2, R27.12); never in the encounter of a pump disconnect unless
// `billPortFlushAtPumpDisconnect` (R23.7); a flush-only visit goes to E/M with
// `portFlushAloneCode: 'E/M'` (R24.4).
import type { DerivedLine, EngineContext } from '../types.ts';
import { lineDate, type DateEntry } from './date-entry.ts';
import { PORT_FLUSH_RULE } from './pumps.ts';
import { warn2 } from './warnings.ts';
import { CPT } from '../admin-codes.ts';

interface Candidate {
  entry: DateEntry;
  line: DerivedLine;
}

const isCandidate = (l: DerivedLine) =>
  l.kind === 'administration' &&
  l.code === CPT.PORT_FLUSH &&
  l.evidence.rules.includes(PORT_FLUSH_RULE);

export function applyPortFlush(entries: DateEntry[], ctx: EngineContext): void {
  const { rules } = ctx.config;
  const byDate = new Map<string, Candidate[]>();
  for (const entry of entries)
    for (const line of entry.lines) {
      if (!isCandidate(line)) continue;
      const date = lineDate(line, entry);
      const list = byDate.get(date);
      if (list) list.push({ entry, line });
      else byDate.set(date, [{ entry, line }]);
    }
  if (byDate.size === 0) return;
  const flushRefs = new Set(
    entries.flatMap((e) =>
      e.administrations.filter((a) => a.serviceMethod === 'port-flush').map((a) => a.ref),
    ),
  );
  const drop = new Set<DerivedLine>();
  for (const [date, candidates] of byDate) {
    // R27.12: any line of that date not standing only on port-flush records, or a held record.
    const other = entries.some(
      (e) =>
        e.lines.some(
          (l) =>
            !isCandidate(l) && lineDate(l, e) === date && l.sources.some((s) => !flushRefs.has(s)),
        ) ||
        (e.dateOfService === date && e.warnings.some((w) => w.code === 'ROUTE_UNKNOWN')),
    );
    const atDisconnect = (c: Candidate) =>
      !rules.billPortFlushAtPumpDisconnect &&
      c.entry.administrations.some((a) => a.serviceMethod === 'pump-disconnect');
    const reason = other
      ? 'Port irrigation is not separately reportable when other services are given that day.'
      : rules.portFlushAloneCode === 'E/M'
        ? 'Port flush was the only service that day; this payer wants an office visit (E/M) instead of 96523.'
        : undefined;
    const kept = reason ? undefined : candidates.find((c) => !atDisconnect(c));
    for (const c of candidates) {
      if (c === kept) continue;
      drop.add(c.line);
      c.entry.warnings.push(
        warn2(
          'PORT_FLUSH_NOT_SEPARATE',
          c.line.sources,
          reason ??
            (atDisconnect(c)
              ? 'Port flush at the pump disconnect is the end-of-infusion flush, included in the pump initiation; not separately reportable.'
              : 'Port irrigation is reported once per date (96523 ×1).'),
        ),
      );
    }
  }
  for (const e of entries) {
    if (e.lines.some((l) => drop.has(l))) e.lines = e.lines.filter((l) => !drop.has(l));
  }
}
