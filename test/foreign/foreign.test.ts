// The audit command over FHIR R4 written outside this project (test/foreign/README.md):
// invariants over every record, and expectations worked out by hand (expectations.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditCorpusAsync,
  CODE_OTHERS_CONFIG,
  CORPUS_DIRS,
  CORPUS_SOURCES,
  corpusRecords,
  engineDrugView,
  isAdministrationCode,
  isIvCode,
  isTherapeuticOrHydrationCode,
  type ReportEncounter,
} from './corpus.ts';
import { readSeedData } from '../../src/sandbox/seed-data.ts';
import { EXPECTATIONS } from './expectations.ts';

let report: ReportEncounter[] = [];
/** The invariants hold whatever the setting and the R20.3 policy. */
const runs: Record<string, ReportEncounter[]> = {};
const RUNS: Record<string, string[]> = {
  'default settings': [],
  'facility setting': ['--setting', 'facility'],
  'routeMissingPolicy code_others': ['--config', CODE_OTHERS_CONFIG],
};
beforeAll(async () => {
  const names = Object.keys(RUNS);
  const reports = await Promise.all(names.map((n) => auditCorpusAsync(RUNS[n])));
  names.forEach((n, i) => (runs[n] = reports[i] ?? []));
  report = runs['default settings'] ?? [];
}, 120_000);

const linesFrom = (ref: string) =>
  report.flatMap((e) => e.lines.filter((l) => l.sources.includes(ref)));
const warningsNaming = (ref: string) =>
  report.flatMap((e) => e.warnings.filter((w) => w.sources.includes(ref))).map((w) => w.code);

describe('foreign corpus', () => {
  const records = corpusRecords();

  it('holds the records the README lists, from four sources', () => {
    const sources = new Set(records.map((r) => r.source.split('/')[0]));
    expect([...sources].sort()).toEqual([...CORPUS_SOURCES].sort());
    expect(records).toHaveLength(223);
    // One record per id: the audit names records by id.
    expect(new Set(records.map((r) => r.ref)).size).toBe(records.length);
  });

  it('the local EHR seed loader reads every file of it and skips nothing', () => {
    const data = readSeedData(CORPUS_DIRS, '.');
    expect(data.skipped).toEqual([]);
    const byType: Record<string, number> = {};
    for (const { resource } of data.resources)
      byType[resource.resourceType] = (byType[resource.resourceType] ?? 0) + 1;
    expect(byType).toEqual({ Encounter: 286, MedicationAdministration: 223, Patient: 190 });
  });

  it('every hand-worked row names a record of the corpus', () => {
    const refs = new Set(records.map((r) => r.ref));
    for (const row of EXPECTATIONS) expect(refs.has(row.ref), row.ref).toBe(true);
  });
});

describe('hand-worked expectations', () => {
  it.each(EXPECTATIONS.map((e) => [e.ref.split('/')[1], e.rule, e] as const))(
    '%s (%s)',
    (_id, _rule, row) => {
      const lines = linesFrom(row.ref);
      const warnings = warningsNaming(row.ref);
      if (row.noLine) expect(lines.map((l) => l.code)).toEqual([]);
      if (row.lines) {
        const admin: Record<string, number> = {};
        for (const l of lines)
          if (isAdministrationCode(l.code)) admin[l.code] = (admin[l.code] ?? 0) + l.units;
        expect(admin).toEqual(row.lines);
      }
      if (row.drugLines) {
        const drug: Record<string, number> = {};
        for (const l of lines)
          if (!isAdministrationCode(l.code)) drug[l.code] = (drug[l.code] ?? 0) + l.units;
        expect(drug).toEqual(row.drugLines);
      }
      for (const code of row.warnings ?? []) expect(warnings).toContain(code);
      if (row.oneOf)
        expect(
          warnings.some((c) => row.oneOf?.includes(c)),
          `${warnings}`,
        ).toBe(true);
      // R20: route decides the code family; never an IV code from a record that is not IV.
      if (row.route !== 'iv') expect(lines.filter((l) => isIvCode(l.code))).toEqual([]);
      // infusion-rules §2: a chemotherapy drug never gets a therapeutic or hydration code.
      if (row.chemo)
        expect(
          lines.filter((l) => isTherapeuticOrHydrationCode(l.code)).map((l) => l.code),
        ).toEqual([]);
    },
  );
});

describe.each(Object.keys(RUNS))('invariants over every record (%s)', (run) => {
  const records = corpusRecords();
  const out = (): ReportEncounter[] => runs[run] ?? [];

  it('every MedicationAdministration except entered-in-error is named by a line or a warning', () => {
    const named = new Set(
      out().flatMap((e) => [...e.lines, ...e.warnings].flatMap((x) => x.sources)),
    );
    const missing = records
      .filter((r) => r.status !== 'entered-in-error' && !named.has(r.ref))
      .map((r) => r.ref);
    expect(missing).toEqual([]);
  });

  it('no IV administration code from a record that does not say intravenous (R20.1-R20.3)', () => {
    const nonIv = new Set(records.filter((r) => !r.saysIv).map((r) => r.ref));
    const bad = out().flatMap((e) =>
      e.lines.filter((l) => isIvCode(l.code) && l.sources.some((s) => nonIv.has(s))),
    );
    expect(bad).toEqual([]);
  });

  it('no chemotherapy drug gets a therapeutic or hydration code (R2.1)', () => {
    const chemo = new Set(records.filter((r) => r.chemo).map((r) => r.ref));
    const bad = out().flatMap((e) =>
      e.lines.filter(
        (l) => isTherapeuticOrHydrationCode(l.code) && l.sources.some((s) => chemo.has(s)),
      ),
    );
    expect(bad).toEqual([]);
  });
});

describe('the independent reading', () => {
  const records = corpusRecords();
  it('agrees with the hand-worked rows', () => {
    const byRef = new Map(records.map((r) => [r.ref, r]));
    for (const row of EXPECTATIONS) {
      const r = byRef.get(row.ref);
      expect(r?.saysIv, row.ref).toBe(row.route === 'iv');
      if (row.chemo) expect(r?.chemo, row.ref).toBe(true);
    }
  });

  it('no chemotherapy drug is put in the therapeutic or hydration category (R2.1)', () => {
    const view = engineDrugView();
    const wrong = records
      .filter((r) => r.chemo)
      .map((r) => [r.ref, view.get(r.ref)?.category] as const)
      .filter(([, c]) => c === 'therapeutic' || c === 'hydration');
    expect(wrong).toEqual([]);
  });

  it('says IV for 17 records and chemotherapy for 27 (README)', () => {
    expect(records.filter((r) => r.saysIv)).toHaveLength(17);
    expect(records.filter((r) => r.chemo)).toHaveLength(27);
  });
});
