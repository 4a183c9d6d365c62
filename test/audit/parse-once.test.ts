// Issue 18 part 2: the audit reads its input once and parses each line once. Over the bench
// generator's clinic (Patients, one Encounter per chair-day, administrations) in a spilling run,
// every NDJSON line reaches JSON.parse exactly once (pass 1 routes the lines from their bytes;
// pass 2 parses them), nothing is re-serialised into the buckets, and the report is the same as
// the in-memory run’s (each encounter the same text).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateClinic } from '../../bench/generate.ts';
import { defaultConfig } from '../../src/engine/index.ts';
import { ingest } from '../../src/cli/ingest.ts';
import type { InputFile } from '../../src/cli/input-files.ts';
import { SpillStore, type PatientRecord } from '../../src/cli/patient-store.ts';
import { InputError } from '../../src/cli/errors.ts';
import { runAudit } from '../../src/cli/run-audit.ts';

let dir = '';
let file: InputFile;
let lines: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'everydose-parse-once-'));
  lines = [...generateClinic({ chairs: 6, administrationsPerChair: 6, days: 40 })].map((r) =>
    JSON.stringify(r),
  );
  const path = join(dir, 'clinic.ndjson');
  writeFileSync(path, `${lines.join('\n')}\n`);
  file = { path, kind: 'ndjson', size: statSync(path).size };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Counts JSON.parse calls by their text while `fn` runs. */
function countParses<T>(fn: () => T): { result: T; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const parse = JSON.parse.bind(JSON);
  vi.spyOn(JSON, 'parse').mockImplementation(
    (text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
      counts.set(text, (counts.get(text) ?? 0) + 1);
      return parse(text, reviver) as unknown;
    },
  );
  const result = fn();
  vi.restoreAllMocks();
  return { result, counts };
}

describe('each line of the bench clinic is parsed once (spilling store)', () => {
  it('pass 1 + pass 2: every line parsed exactly once; no record re-serialised', () => {
    const types = new Set(
      lines.map((l) => (JSON.parse(l) as { resourceType: string }).resourceType),
    );
    expect([...types].sort()).toEqual(['Encounter', 'MedicationAdministration', 'Patient']);
    const store = new SpillStore(4, [file.path]);
    const addParsed = vi.spyOn(store, 'addParsed');
    const addRaw = vi.spyOn(store, 'addRaw');
    try {
      const { result, counts } = countParses(() => {
        const ingested = ingest([file], store);
        const records: PatientRecord[] = [];
        for (const [, recs] of store.patients()) records.push(...recs);
        return { ingested, records };
      });
      const patientLines = lines.filter((l) => !l.startsWith('{"resourceType":"Patient"'));
      expect(addParsed).not.toHaveBeenCalled();
      expect(addRaw).toHaveBeenCalledTimes(patientLines.length);
      expect(result.records).toHaveLength(patientLines.length);
      expect(result.ingested.resources).toBe(lines.length);
      // The Encounters were routed from their bytes: whose encounter each one is, is known.
      expect(result.ingested.encounterPatients.get('Encounter/e0-0')).toBe('Patient/p0-0');
      const perLine = lines.map((l) => counts.get(l) ?? 0);
      expect(perLine.filter((n) => n !== 1)).toEqual([]);
      expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(lines.length);
    } finally {
      store.close();
    }
  });

  it('the spilling run reports the in-memory run’s encounters, each the same text', async () => {
    const run = async (memoryBytes: number): Promise<string> => {
      const chunks: Buffer[] = [];
      const out = new Writable({
        write(chunk: Buffer, _enc, done) {
          chunks.push(chunk);
          done();
        },
      });
      const stats = await runAudit({
        files: [file],
        config: defaultConfig(),
        reference: {},
        format: 'json',
        out,
        memoryBytes,
      });
      expect(stats.spilled).toBe(memoryBytes === 0);
      return Buffer.concat(chunks).toString('utf8');
    };
    const inMemory = await run(Number.MAX_SAFE_INTEGER);
    const spilled = await run(0);
    expect(inMemory.length).toBeGreaterThan(1000);
    // Patients come out in bucket order when spilling: compare the encounters as a set of texts.
    const encounters = (r: string): string[] =>
      (JSON.parse(r) as { encounters: unknown[] }).encounters.map((e) => JSON.stringify(e)).sort();
    expect(encounters(spilled)).toEqual(encounters(inMemory));
  });
});

describe('a damaged Encounter line still ends a spilling run with nothing on stdout', () => {
  // The scanner routes lines it does not validate (scalars are not checked): such a line is
  // found by its one JSON.parse in pass 2, after the report has started, so the report must not
  // reach the output. Lines the scanner refuses are parsed, and found, in pass 1.
  const good = '{"resourceType":"Encounter","id":"e1","subject":{"reference":"Patient/p1"}}';
  it.each([
    [
      'a bad literal (scanned, found in pass 2)',
      '{"resourceType":"Encounter","id":"e2","status":nul,"subject":{"reference":"Patient/p1"}}',
      'not valid JSON (the line is cut short or damaged)',
    ],
    [
      'a bad number (scanned, found in pass 2)',
      '{"resourceType":"Encounter","id":"e2","n":1.2.3,"subject":{"reference":"Patient/p1"}}',
      'not valid JSON (the line is cut short or damaged)',
    ],
    [
      'a nested trailing comma (scanned, found in pass 2)',
      '{"resourceType":"Encounter","id":"e2","class":{"code":"AMB",},"subject":{"reference":"Patient/p1"}}',
      'not valid JSON (the line is cut short or damaged)',
    ],
    [
      'a top-level trailing comma (refused, found in pass 1)',
      '{"resourceType":"Encounter","id":"e2","subject":{"reference":"Patient/p1"},}',
      'not valid JSON',
    ],
  ])('%s', async (_name, damaged, problem) => {
    const path = join(dir, 'damaged.ndjson');
    writeFileSync(path, `${good}\n${lines.slice(0, 20).join('\n')}\n${damaged}\n${good}\n`);
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    const run = runAudit({
      files: [{ path, kind: 'ndjson', size: statSync(path).size }],
      config: defaultConfig(),
      reference: {},
      format: 'json',
      out,
      memoryBytes: 0,
    });
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toMatchObject({ line: 22, problem });
    expect(chunks).toEqual([]);
  });
});
