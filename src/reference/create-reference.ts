// ReferenceData over plain tables, with indexes built once. Pure and synchronous.
import { parseDosage } from './dosage.ts';
import { createNameMatcher } from './name-match.ts';
import type { FeeScheduleRow, PtpTableData, ReferenceTables } from './tables.ts';
import { inRange } from './tables.ts';
import type {
  HcpcsInfo,
  MueEntry,
  MueTable,
  Presentation,
  PtpEdit,
  ReferenceData,
} from './types.ts';

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

/** Tables newest first (by start date), sorted once. */
function newestFirst<T extends { from?: string }>(tables: T[]): T[] {
  return [...tables].sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
}

const MEMO_LIMIT = 65_536;
const NONE: readonly string[] = Object.freeze([]);

/**
 * Answers by (code, date of service): asked for every line of every visit, the same few codes
 * and dates recur. Two levels of maps (code, then date), so no key text is built. Bounded.
 */
function byCodeAndDate<T>(
  answer: (code: string, dos: string) => T,
): (code: string, dos: string) => T {
  const memo = new Map<string, Map<string, T>>();
  let size = 0;
  return (code, dos) => {
    let byDate = memo.get(code);
    if (byDate?.has(dos)) return byDate.get(dos) as T;
    const value = answer(code, dos);
    if (size >= MEMO_LIMIT) {
      memo.clear();
      size = 0;
      byDate = undefined;
    }
    if (!byDate) {
      byDate = new Map();
      memo.set(code, byDate);
    }
    byDate.set(dos, value);
    size++;
    return value;
  };
}

/**
 * R25.1: the setting's PTP table for the date; a pair is active from its effective date until
 * the day before its deletion date. Without a practitioner table the hospital pairs answer
 * (only the hospital subset ships; injection-pump-rules §0, S60).
 */
function ptpLookup(
  tables: PtpTableData[],
): (c1: string, c2: string, table: MueTable, dos: string) => PtpEdit | undefined {
  const byTable = (t: MueTable) => tables.filter((x) => x.table === t);
  const hospital = byTable('outpatient-hospital');
  const practitioner = byTable('practitioner');
  const source = {
    'outpatient-hospital': hospital,
    practitioner: practitioner.length > 0 ? practitioner : hospital,
  };
  return (column1, column2, table, dos) => {
    for (const t of source[table]) {
      for (const [indicator, from, deleted] of t.pairs[column1]?.[column2] ?? []) {
        if ((!from || from <= dos) && (!deleted || dos < deleted))
          return { column1, column2, indicator };
      }
    }
    return undefined;
  };
}

export function createReference(tables: ReferenceTables): ReferenceData {
  const hcpcsByCode = group(tables.hcpcs, (h) => h.code);
  const productByNdc = new Map(tables.products.map((p) => [p.ndc11, p]));
  const ndcMap = group(tables.ndcHcpcs, (m) => m.ndc11);
  // A product bills under its own HCPCS and under every code the crosswalk maps it to (codes
  // change by date of service: fluorouracil J9190 → J9192).
  const productsByHcpcs = new Map<string, Presentation[]>();
  for (const p of tables.products) {
    if (!p.marketed) continue;
    const codes = new Set([p.hcpcs, ...(ndcMap.get(p.ndc11) ?? []).map((m) => m.hcpcs)]);
    for (const c of codes) {
      const list = productsByHcpcs.get(c);
      if (list) list.push(p);
      else productsByHcpcs.set(c, [p]);
    }
  }
  const rxByCui = new Map(tables.rxnorm.map((r) => [r.rxcui, r]));
  const payments = newestFirst(tables.paymentLimits);
  const opps = newestFirst(tables.opps);
  const mues = {
    practitioner: newestFirst(tables.mue.filter((m) => m.table === 'practitioner')),
    'outpatient-hospital': newestFirst(tables.mue.filter((m) => m.table === 'outpatient-hospital')),
  };

  const mueIn = (table: keyof typeof mues) =>
    byCodeAndDate((code, dos): MueEntry | undefined => {
      for (const t of mues[table]) {
        const e = inRange(t, dos) ? t.entries[code] : undefined;
        if (e)
          return Object.freeze({
            code,
            value: e[0],
            mai: e[1],
            ...(e[2] ? { rationale: e[2] } : {}),
          });
      }
      return undefined;
    });
  const identity = tables.identity;
  const byName = identity ? createNameMatcher(identity) : undefined;
  const mueP = mueIn('practitioner');
  const mueO = mueIn('outpatient-hospital');

  return {
    productByNdc: (ndc11) => productByNdc.get(ndc11),
    ndcKnown: (ndc11) => productByNdc.has(ndc11) || ndcMap.has(ndc11),
    presentationsForHcpcs: (code): Presentation[] => [...(productsByHcpcs.get(code) ?? [])],
    hcpcs: byCodeAndDate((code, dos): HcpcsInfo | undefined =>
      (hcpcsByCode.get(code) ?? []).find((h) =>
        inRange({ from: h.effectiveFrom, to: h.effectiveTo }, dos),
      ),
    ),
    hcpcsKnown: (code) => hcpcsByCode.has(code),
    // Asked for every administration; the answer per (NDC, date) never changes.
    hcpcsForNdc: byCodeAndDate((ndc11, dos): readonly string[] =>
      Object.freeze([
        ...new Set((ndcMap.get(ndc11) ?? []).filter((m) => inRange(m, dos)).map((m) => m.hcpcs)),
      ]),
    ),
    hcpcsForRxnorm: (rxcui) => rxByCui.get(rxcui)?.hcpcs,
    categoryByRxnorm: (rxcui) => rxByCui.get(rxcui)?.category,
    hcpcsListForRxnorm: (rxcui) => identity?.rxcui[rxcui] ?? NONE,
    drugsByName: (text) => byName?.(text),
    codeCategory: (code) => {
      const category = identity?.categories[code];
      return category ? { category, displayName: identity?.labels[code] ?? code } : undefined;
    },
    paymentLimit: byCodeAndDate((code, dos) => {
      for (const t of payments) {
        const v = inRange(t, dos) ? t.limits[code] : undefined;
        if (v !== undefined) return v;
      }
      return undefined;
    }),
    oppsStatusIndicator: byCodeAndDate((code, dos) => {
      for (const t of opps) {
        const v = inRange(t, dos) ? t.si[code] : undefined;
        if (v !== undefined) return v;
      }
      return undefined;
    }),
    oppsPaymentRate: byCodeAndDate((code, dos) => {
      for (const t of opps) {
        const v = inRange(t, dos) ? t.rates?.[code] : undefined;
        if (v !== undefined) return v;
      }
      return undefined;
    }),
    practiceFee: feeLookup(tables.feeSchedule ?? []),
    billingUnitOf: (code) => {
      const text = tables.dosage?.[code];
      return text ? parseDosage(text) : undefined;
    },
    mue: (code, table, dos): MueEntry | undefined =>
      (table === 'practitioner' ? mueP : mueO)(code, dos),
    ptp: ptpLookup(tables.ptp ?? []),
  };
}

/** Fee schedule rows → lookup: a row for one of the line's modifiers first, else the code's row. */
function feeLookup(
  rows: readonly FeeScheduleRow[],
): (code: string, modifiers: readonly string[]) => string | undefined {
  const byCode = group([...rows], (r) => r.code);
  return (code, modifiers) => {
    const list = byCode.get(code) ?? [];
    for (const m of modifiers) {
      const hit = list.find((r) => r.modifier === m);
      if (hit) return hit.amount;
    }
    return list.find((r) => r.modifier === '')?.amount;
  };
}

/**
 * Overlay: answers from `over` take precedence; `base` answers where `over` has nothing
 * (contract §1: files given in the config take precedence over the built-in data).
 */
export function overlayReference(over: ReferenceData, base: ReferenceData): ReferenceData {
  const unitFactor = over.unitFactor ?? base.unitFactor;
  return {
    productByNdc: (n) => over.productByNdc(n) ?? base.productByNdc(n),
    ndcKnown: (n) =>
      over.productByNdc(n) !== undefined ||
      over.ndcKnown?.(n) === true ||
      base.productByNdc(n) !== undefined ||
      base.ndcKnown?.(n) === true,
    presentationsForHcpcs: (c) => {
      const o = over.presentationsForHcpcs(c);
      return o.length > 0 ? o : base.presentationsForHcpcs(c);
    },
    hcpcs: (c, d) => over.hcpcs(c, d) ?? base.hcpcs(c, d),
    hcpcsKnown: (c) => over.hcpcsKnown(c) || base.hcpcsKnown(c),
    hcpcsForNdc: (n, d) => {
      const o = over.hcpcsForNdc(n, d);
      return o.length > 0 ? o : base.hcpcsForNdc(n, d);
    },
    hcpcsForRxnorm: (r) => over.hcpcsForRxnorm(r) ?? base.hcpcsForRxnorm(r),
    categoryByRxnorm: (r) => over.categoryByRxnorm(r) ?? base.categoryByRxnorm(r),
    hcpcsListForRxnorm: (r) => {
      const o = over.hcpcsListForRxnorm?.(r) ?? [];
      return o.length > 0 ? o : (base.hcpcsListForRxnorm?.(r) ?? []);
    },
    drugsByName: (t) => {
      const o = over.drugsByName?.(t);
      return o && o.codes.length > 0 ? o : (base.drugsByName?.(t) ?? o);
    },
    codeCategory: (c) => over.codeCategory?.(c) ?? base.codeCategory?.(c),
    paymentLimit: (c, d) => over.paymentLimit(c, d) ?? base.paymentLimit(c, d),
    oppsStatusIndicator: (c, d) => over.oppsStatusIndicator(c, d) ?? base.oppsStatusIndicator(c, d),
    // A loaded Addendum B answers for its own codes: its SI and its rate travel together.
    oppsPaymentRate: (c, d) =>
      over.oppsStatusIndicator(c, d) !== undefined
        ? over.oppsPaymentRate?.(c, d)
        : base.oppsPaymentRate?.(c, d),
    practiceFee: (c, m) => over.practiceFee?.(c, m) ?? base.practiceFee?.(c, m),
    mue: (c, t, d) => over.mue(c, t, d) ?? base.mue(c, t, d),
    ptp: (c1, c2, t, d) => over.ptp?.(c1, c2, t, d) ?? base.ptp?.(c1, c2, t, d),
    billingUnitOf: (c) => over.billingUnitOf?.(c) ?? base.billingUnitOf?.(c),
    ...(unitFactor ? { unitFactor } : {}),
  };
}
