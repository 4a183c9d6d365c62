// Resources partitioned by patient. Small inputs stay in memory (parsed once); large ones spill
// to bucket files in a temp folder by a hash of the patient, so memory stays bounded by the
// largest bucket, not the input. Each record keeps its origin so a bad line is still named.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** A raw NDJSON line not parsed yet (spilling stores only). */
  addRaw(patient: string, json: string, file: number, line: number): void;
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

const FLUSH_BYTES = 64 * 1024;

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
  private readonly buffers: string[][];
  private readonly sizes: number[];
  private readonly written: boolean[];
  constructor(
    private readonly bucketCount: number,
    private readonly fileNames: readonly string[],
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'everydose-audit-'));
    this.buffers = Array.from({ length: bucketCount }, () => []);
    this.sizes = new Array<number>(bucketCount).fill(0);
    this.written = new Array<boolean>(bucketCount).fill(false);
  }
  private path(b: number): string {
    return join(this.dir, `bucket-${b}.txt`);
  }
  private flush(b: number): void {
    const buf = this.buffers[b];
    if (!buf || buf.length === 0) return;
    appendFileSync(this.path(b), buf.join(''));
    this.buffers[b] = [];
    this.sizes[b] = 0;
    this.written[b] = true;
  }
  addRaw(patient: string, json: string, file: number, line: number): void {
    const b = hash(patient) % this.bucketCount;
    const rec = `${patient}\t${file}\t${line}\t\t${json}\n`;
    (this.buffers[b] as string[]).push(rec);
    this.sizes[b] = (this.sizes[b] ?? 0) + rec.length;
    if ((this.sizes[b] ?? 0) >= FLUSH_BYTES) this.flush(b);
  }
  addParsed(patient: string, rec: PatientRecord): void {
    const b = hash(patient) % this.bucketCount;
    const line = `${patient}\t${rec.file}\t${rec.line}\t${rec.fullUrl ?? ''}\t${JSON.stringify(rec.resource)}\n`;
    (this.buffers[b] as string[]).push(line);
    this.sizes[b] = (this.sizes[b] ?? 0) + line.length;
    if ((this.sizes[b] ?? 0) >= FLUSH_BYTES) this.flush(b);
  }
  *patients(): Iterable<[string, PatientRecord[]]> {
    for (let b = 0; b < this.bucketCount; b++) this.flush(b);
    for (let b = 0; b < this.bucketCount; b++) {
      if (!this.written[b]) continue;
      const text = readFileSync(this.path(b), 'utf8');
      rmSync(this.path(b));
      const groups = new Map<string, PatientRecord[]>();
      let start = 0;
      while (start < text.length) {
        const nl = text.indexOf('\n', start);
        const end = nl < 0 ? text.length : nl;
        const t1 = text.indexOf('\t', start);
        const t2 = text.indexOf('\t', t1 + 1);
        const t3 = text.indexOf('\t', t2 + 1);
        const t4 = text.indexOf('\t', t3 + 1);
        const patient = text.slice(start, t1);
        const file = Number(text.slice(t1 + 1, t2));
        const line = Number(text.slice(t2 + 1, t3));
        const fullUrl = text.slice(t3 + 1, t4);
        const json = text.slice(t4 + 1, end);
        start = end + 1;
        let resource: unknown;
        try {
          resource = JSON.parse(json);
        } catch {
          throw new InputError(
            this.fileNames[file] ?? 'input',
            line > 0 ? 'not valid JSON (the line is cut short or damaged)' : 'not valid JSON',
            line > 0 ? line : undefined,
          );
        }
        if (!isRawResource(resource)) {
          throw new InputError(this.fileNames[file] ?? 'input', 'not a FHIR resource', line);
        }
        const rec: PatientRecord = fullUrl
          ? { resource, fullUrl, file, line }
          : { resource, file, line };
        const list = groups.get(patient);
        if (list) list.push(rec);
        else groups.set(patient, [rec]);
      }
      yield* groups.entries();
    }
  }
  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
