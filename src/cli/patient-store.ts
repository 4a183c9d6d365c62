// Resources partitioned by patient. Small inputs stay in memory (parsed once); large ones spill
// to bucket files in a temp folder by a hash of the patient, so memory stays bounded by the
// largest bucket, not the input. Raw NDJSON lines are copied as bytes, never decoded in pass 1.
// Each record keeps its origin so a damaged line is still named.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { RawResource } from '../fhir/references.ts';
import { isRawResource } from '../fhir/references.ts';
import { InputError } from './errors.ts';

export interface PatientRecord {
  resource: RawResource;
  fullUrl?: string;
  /** Index of the input file and NDJSON line (0 for JSON files), for error messages. */
  file: number;
  line: number;
}

export interface PatientStore {
  readonly spills: boolean;
  addParsed(patient: string, rec: PatientRecord): void;
  /** Raw NDJSON line bytes not parsed yet (spilling stores only). */
  addRaw(
    patient: string,
    buf: Buffer,
    start: number,
    end: number,
    file: number,
    line: number,
  ): void;
  /** Pass 2: every patient with its records. */
  patients(): Iterable<[string, PatientRecord[]]>;
  close(): void;
}

export class MemoryStore implements PatientStore {
  readonly spills = false;
  private readonly byPatient = new Map<string, PatientRecord[]>();
  addParsed(patient: string, rec: PatientRecord): void {
    const list = this.byPatient.get(patient);
    if (list) list.push(rec);
    else this.byPatient.set(patient, [rec]);
  }
  addRaw(): void {
    throw new Error('MemoryStore keeps parsed resources only');
  }
  patients(): Iterable<[string, PatientRecord[]]> {
    return this.byPatient.entries();
  }
  close(): void {
    this.byPatient.clear();
  }
}

const BUCKET_BUFFER = 64 * 1024;
const NEWLINE = Buffer.from('\n');
const EMPTY = Buffer.alloc(0);

/** Heap growth since the last full collection after which the next bucket starts with one. */
const COLLECT_AFTER_GROWTH = growthMb(process.env['EVERYDOSE_GC_GROWTH_MB']) * 1024 * 1024;

/** MB of heap growth between full collections: a number ≥ 0 from the environment, else 32. */
export function growthMb(text: string | undefined): number {
  const n = text === undefined || text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(n) && n >= 0 ? n : 32;
}

/**
 * A full garbage collection between buckets keeps the peak heap near one bucket's worth (V8
 * would otherwise let garbage pile up to hundreds of MB before collecting it). Only once the
 * heap has grown by COLLECT_AFTER_GROWTH since the last one: a full collection costs about the
 * same whatever it frees, and most buckets leave little behind.
 */
function collector(): () => void {
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc === 'function') {
      let floor = 0;
      return () => {
        if (getHeapStatistics().used_heap_size <= floor + COLLECT_AFTER_GROWTH) return;
        (gc as () => void)();
        floor = getHeapStatistics().used_heap_size;
      };
    }
  } catch {
    // not available: V8 collects on its own schedule
  }
  return () => undefined;
}

/** The decimal number written on bytes [start, end) (a header field this store wrote). */
function digits(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + ((buf[i] ?? 48) - 48);
  return n;
}

function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class SpillStore implements PatientStore {
  readonly spills = true;
  private readonly dir: string;
  private readonly buffers: Buffer[];
  private readonly used: number[];
  private readonly written: boolean[];
  constructor(
    private readonly bucketCount: number,
    private readonly fileNames: readonly string[],
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'everydose-audit-'));
    this.buffers = Array.from({ length: bucketCount }, () => Buffer.allocUnsafe(BUCKET_BUFFER));
    this.used = new Array<number>(bucketCount).fill(0);
    this.written = new Array<boolean>(bucketCount).fill(false);
  }
  private path(b: number): string {
    return join(this.dir, `bucket-${b}.txt`);
  }
  private flush(b: number): void {
    const used = this.used[b] ?? 0;
    if (used === 0) return;
    appendFileSync(this.path(b), (this.buffers[b] as Buffer).subarray(0, used));
    this.used[b] = 0;
    this.written[b] = true;
  }
  /** The last record's patient, file and its header start `patient\tfile\t`, as bytes. */
  private lastPatient = '';
  private lastFile = -1;
  private lastBucket = 0;
  private lastPrefix = Buffer.alloc(0);

  /**
   * Appends `patient\tfile\tline\tfullUrl\t` + bytes + newline to the patient's bucket. The
   * header's start is encoded once per run of records of one patient and file.
   */
  private put(
    patient: string,
    file: number,
    line: number,
    fullUrl: string,
    body: Buffer,
    start: number,
    end: number,
  ): void {
    if (patient !== this.lastPatient || file !== this.lastFile) {
      this.lastPatient = patient;
      this.lastFile = file;
      this.lastBucket = hash(patient) % this.bucketCount;
      this.lastPrefix = Buffer.from(`${patient}\t${file}\t`);
    }
    const b = this.lastBucket;
    const prefix = this.lastPrefix;
    const tail = `${line}\t${fullUrl}\t`;
    const need = prefix.length + Buffer.byteLength(tail) + (end - start) + 1;
    if ((this.used[b] ?? 0) + need > BUCKET_BUFFER) this.flush(b);
    if (need > BUCKET_BUFFER) {
      appendFileSync(
        this.path(b),
        Buffer.concat([prefix, Buffer.from(tail), body.subarray(start, end), NEWLINE]),
      );
      this.written[b] = true;
      return;
    }
    const buf = this.buffers[b] as Buffer;
    let at = this.used[b] ?? 0;
    at += prefix.copy(buf, at);
    at += buf.write(tail, at);
    at += body.copy(buf, at, start, end);
    buf[at++] = 10;
    this.used[b] = at;
  }
  addRaw(
    patient: string,
    buf: Buffer,
    start: number,
    end: number,
    file: number,
    line: number,
  ): void {
    this.put(patient, file, line, '', buf, start, end);
  }
  /** A resource with no line of its own (in a Bundle or a JSON file): serialised. */
  addParsed(patient: string, rec: PatientRecord): void {
    const body = Buffer.from(JSON.stringify(rec.resource));
    this.put(patient, rec.file, rec.line, rec.fullUrl ?? '', body, 0, body.length);
  }
  *patients(): Iterable<[string, PatientRecord[]]> {
    for (let b = 0; b < this.bucketCount; b++) this.flush(b);
    // The write buffers are not needed in pass 2 (bucketCount × 64 KB less at its peak).
    this.buffers.fill(EMPTY);
    const gc = collector();
    for (let b = 0; b < this.bucketCount; b++) {
      if (!this.written[b]) continue;
      gc();
      const groups = this.readBucket(b);
      yield* groups.entries();
    }
  }
  private readBucket(b: number): Map<string, PatientRecord[]> {
    const buf = readFileSync(this.path(b));
    rmSync(this.path(b));
    const groups = new Map<string, PatientRecord[]>();
    let start = 0;
    // Records of one patient mostly follow each other: reuse the last patient text and list.
    let lastStart = 0;
    let lastEnd = -1;
    let patient = '';
    let list: PatientRecord[] = [];
    while (start < buf.length) {
      const nl = buf.indexOf(10, start);
      const end = nl < 0 ? buf.length : nl;
      const t1 = buf.indexOf(9, start);
      const t2 = buf.indexOf(9, t1 + 1);
      const t3 = buf.indexOf(9, t2 + 1);
      const t4 = buf.indexOf(9, t3 + 1);
      if (
        t1 - start !== lastEnd - lastStart ||
        buf.compare(buf, lastStart, lastEnd, start, t1) !== 0
      ) {
        patient = buf.toString('utf8', start, t1);
        const known = groups.get(patient);
        if (known) list = known;
        else {
          list = [];
          groups.set(patient, list);
        }
      }
      lastStart = start;
      lastEnd = t1;
      const file = digits(buf, t1 + 1, t2);
      const line = digits(buf, t2 + 1, t3);
      const fullUrl = t4 > t3 + 1 ? buf.toString('utf8', t3 + 1, t4) : '';
      let resource: unknown;
      try {
        resource = JSON.parse(buf.toString('utf8', t4 + 1, end));
      } catch {
        throw new InputError(
          this.fileNames[file] ?? 'input',
          line > 0 ? 'not valid JSON (the line is cut short or damaged)' : 'not valid JSON',
          line > 0 ? line : undefined,
        );
      }
      start = end + 1;
      if (!isRawResource(resource)) {
        throw new InputError(this.fileNames[file] ?? 'input', 'not a FHIR resource', line);
      }
      list.push(fullUrl ? { resource, fullUrl, file, line } : { resource, file, line });
    }
    return groups;
  }
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
