// The audit: pass 1 reads and partitions the input; pass 2 maps, analyses and reports one
// patient at a time. With a spilling store a damaged line is only found in pass 2, so the
// report goes to a temp file first and reaches stdout once the whole input has been read.
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { toEncounterReport } from '../engine/index.ts';
import type { EngineConfig } from '../engine/index.ts';
import { mapPatient } from '../fhir/map/patient-input.ts';
import { analyzeInput, pipelineFor } from '../fhir/map/analyze-resources.ts';
import { ResourceIndex, type IndexedResource } from '../fhir/references.ts';
import { builtinReference } from '../reference/builtin.ts';
import { loadReferenceFromFiles, type ReferenceFilePaths } from '../reference/load-files.ts';
import type { ReferenceData } from '../reference/types.ts';
import { ingest } from './ingest.ts';
import type { InputFile } from './input-files.ts';
import { MemoryStore, SpillStore, type PatientStore } from './patient-store.ts';
import { htmlWriter } from './html-report.ts';
import { jsonWriter, tableWriter, type ReportSink } from './report-writer.ts';

/** Inputs up to this many bytes are kept in memory, parsed once; larger ones spill to disk. */
export const DEFAULT_MEMORY_BYTES = 16 * 1024 * 1024;
const BUCKET_BYTES = 4 * 1024 * 1024;
const MAX_BUCKETS = 512;

export interface AuditRun {
  files: InputFile[];
  config: EngineConfig;
  reference: ReferenceFilePaths;
  format: 'json' | 'table' | 'html';
  out: NodeJS.WritableStream;
  memoryBytes?: number;
}

export interface AuditStats {
  patients: number;
  encounters: number;
  spilled: boolean;
}

/** Writes to an fd in 64 KB blocks. */
function fdSink(fd: number): ReportSink & { flush(): void } {
  let buf: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (size === 0) return;
    writeSync(fd, buf.join(''));
    buf = [];
    size = 0;
  };
  return {
    write(text) {
      buf.push(text);
      size += text.length;
      if (size >= 64 * 1024) flush();
    },
    flush,
  };
}

async function referenceFor(paths: ReferenceFilePaths): Promise<ReferenceData> {
  const base = builtinReference();
  return Object.values(paths).some((p) => p !== undefined)
    ? loadReferenceFromFiles(paths, base)
    : base;
}

export async function runAudit(run: AuditRun): Promise<AuditStats> {
  const total = run.files.reduce((n, f) => n + f.size, 0);
  const limit = run.memoryBytes ?? DEFAULT_MEMORY_BYTES;
  const store: PatientStore =
    total <= limit
      ? new MemoryStore()
      : new SpillStore(
          Math.min(MAX_BUCKETS, Math.max(1, Math.ceil(total / BUCKET_BYTES))),
          run.files.map((f) => f.path),
        );
  const outDir = mkdtempSync(join(tmpdir(), 'everydose-report-'));
  const reportPath = join(outDir, 'report.out');
  const fd = openSync(reportPath, 'w');
  let open = true;
  const stats: AuditStats = { patients: 0, encounters: 0, spilled: store.spills };
  try {
    const reference = await referenceFor(run.reference);
    const { shared, knowledge, encounterPatients } = ingest(run.files, store);
    // The app's pipeline (fhir/map/analyze-resources.ts), one patient at a time; the report
    // carries no evidence, so none is built (issue 18).
    const { ctx, ndcKnown } = pipelineFor(run.config, reference, knowledge, false);
    const sink = fdSink(fd);
    const writer =
      run.format === 'table'
        ? tableWriter(sink)
        : run.format === 'html'
          ? htmlWriter(sink)
          : jsonWriter(sink);
    for (const [patient, records] of store.patients()) {
      const index = new ResourceIndex(shared);
      const indexed: IndexedResource[] = records.map((r, i) => ({
        key:
          index.add(r.resource, r.fullUrl) ??
          `${r.resource.resourceType}/(${r.line > 0 ? `line ${r.line}` : `entry ${i + 1}`})`,
        resource: r.resource,
      }));
      const input = mapPatient(patient, indexed, index, {
        ndcKnown,
        encounterPatient: (e) => encounterPatients.get(e),
      });
      writer.patient?.(input);
      const results = analyzeInput(input, ctx);
      stats.patients++;
      for (const r of results) {
        writer.encounter(toEncounterReport(r));
        stats.encounters++;
      }
    }
    writer.end();
    sink.flush();
    closeSync(fd);
    open = false;
    await pipeline(createReadStream(reportPath), run.out, { end: false });
    return stats;
  } finally {
    // Closed once only: a second close could close a descriptor the process has reused since.
    if (open) closeSync(fd);
    store.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
