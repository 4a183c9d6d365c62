// Figures for the foreign-data corpus: `npx tsx test/foreign/figures.ts` (prints JSON).
// Records, drugs identified by method (a record with a drug line counts under the first code
// kind its drug carries, in the contract §2.2 order, unless the line itself names a method), ROUTE_UNKNOWN and UNKNOWN_DRUG_CATEGORY counts (records named), lines by code, and the
// records that no line or warning names.
import {
  auditCorpus,
  corpusRecords,
  engineDrugView,
  isAdministrationCode,
  type ReportEncounter,
  type ReportLine,
} from './corpus.ts';

/** How a drug line says its drug was identified: any field named like `identifiedBy`. */
function methodOf(line: ReportLine): string {
  const look = (o: unknown): string | undefined => {
    if (typeof o !== 'object' || o === null) return undefined;
    for (const [k, v] of Object.entries(o)) {
      if (/identif/i.test(k)) {
        if (typeof v === 'string') return v;
        const by = (v as { by?: unknown } | null)?.by;
        if (typeof by === 'string') return by;
      }
      if (k === 'evidence') {
        const inner = look(v);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return look(line) ?? '';
}

export interface CorpusFigures {
  records: number;
  byStatus: Record<string, number>;
  drugIdentifiedBy: Record<string, number>;
  /** Each record's drug through the engine's own identification (contract §2.2), report or not. */
  identification: { by: Record<string, number>; category: Record<string, number> };
  routeUnknown: number;
  unknownDrugCategory: number;
  linesByCode: Record<string, { lines: number; units: number }>;
  unnamed: string[];
}

export function figures(report: ReportEncounter[] = auditCorpus()): CorpusFigures {
  const records = corpusRecords();
  const byStatus: Record<string, number> = {};
  for (const r of records) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const named = new Set<string>();
  const warned = (code: string): Set<string> => {
    const out = new Set<string>();
    for (const e of report)
      for (const w of e.warnings) if (w.code === code) for (const s of w.sources) out.add(s);
    return out;
  };
  const drugMethod = new Map<string, string>();
  const linesByCode: CorpusFigures['linesByCode'] = {};
  for (const e of report) {
    for (const l of e.lines) {
      const f = (linesByCode[l.code] ??= { lines: 0, units: 0 });
      f.lines += 1;
      f.units += l.units;
      for (const s of l.sources) {
        named.add(s);
        if (!isAdministrationCode(l.code) && !drugMethod.has(s)) drugMethod.set(s, methodOf(l));
      }
    }
    for (const w of e.warnings) for (const s of w.sources) named.add(s);
  }
  const drugIdentifiedBy: Record<string, number> = {};
  for (const r of records) {
    if (r.status === 'entered-in-error') continue;
    const line = drugMethod.get(r.ref);
    const m = line === undefined ? 'no drug line' : line || r.drugCodeKind;
    drugIdentifiedBy[m] = (drugIdentifiedBy[m] ?? 0) + 1;
  }
  const refs = new Set(records.map((r) => r.ref));
  const count = (s: Set<string>) => [...s].filter((x) => refs.has(x)).length;
  return {
    records: records.length,
    byStatus,
    drugIdentifiedBy,
    identification: identification(),
    routeUnknown: count(warned('ROUTE_UNKNOWN')),
    unknownDrugCategory: count(warned('UNKNOWN_DRUG_CATEGORY')),
    linesByCode: Object.fromEntries(
      Object.entries(linesByCode).sort(([a], [b]) => a.localeCompare(b)),
    ),
    unnamed: records
      .filter((r) => r.status !== 'entered-in-error' && !named.has(r.ref))
      .map((r) => r.ref),
  };
}

/** Aggregates engineDrugView (corpus.ts) over the records that are not entered-in-error. */
export function identification(): CorpusFigures['identification'] {
  const by: Record<string, number> = {};
  const category: Record<string, number> = {};
  for (const v of engineDrugView().values()) {
    if (v.status === 'entered-in-error') continue;
    by[v.by] = (by[v.by] ?? 0) + 1;
    category[v.category] = (category[v.category] ?? 0) + 1;
  }
  return { by, category };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  process.stdout.write(`${JSON.stringify(figures(), null, 2)}\n`);
}
