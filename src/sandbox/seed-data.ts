// Seed data for the local EHR from FHIR written anywhere: Bundles of any type (transaction,
// batch, collection, searchset, history, document, message), single resources and NDJSON.
// Every resource becomes one `PUT Type/id`; resources without an id get one (from a
// `urn:uuid:` fullUrl when there is one), and references to fullUrls or to conditional
// `Type?identifier=system|value` URLs of the same file are rewritten to `Type/id`. Whatever is
// not loaded is listed with the reason.
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface SeedResource {
  resource: Resource;
  /** Where it came from, e.g. `data/a.json entry 3` or `data/b.ndjson line 7`. */
  source: string;
}

export interface SeedSkip {
  source: string;
  reason: string;
}

export interface SeedData {
  files: number;
  resources: SeedResource[];
  skipped: SeedSkip[];
}

const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
const UUID_URN = /^urn:uuid:([0-9a-fA-F-]{1,64})$/;
const TYPE_NAME = /^[A-Z][A-Za-z]+$/;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const dataKind = (name: string): 'json' | 'ndjson' | undefined => {
  const n = name.toLowerCase();
  if (n.endsWith('.ndjson') || n.endsWith('.jsonl')) return 'ndjson';
  if (n.endsWith('.json')) return 'json';
  return undefined;
};

/** Every .json / .ndjson / .jsonl file under the folders (recursively), in name order. */
export function dataFiles(dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    const names = readdirSync(dir).sort();
    for (const name of names) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && dataKind(name)) out.push(p);
    }
  };
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    if (statSync(dir).isDirectory()) walk(dir);
    else out.push(dir);
  }
  return out;
}

/** Resources of one file, before ids and references are settled. */
interface Found {
  resource: Json;
  fullUrl?: string;
  source: string;
}

const REQUEST_NOT_LOADED: Record<string, string> = {
  DELETE: 'a DELETE request (nothing to load)',
  GET: 'a GET request (nothing to load)',
  HEAD: 'a HEAD request (nothing to load)',
  PATCH: 'a PATCH request (a change to a resource, not a resource)',
};

function collect(
  value: unknown,
  source: string,
  found: Found[],
  skipped: SeedSkip[],
  fullUrl?: string,
): void {
  if (!isObject(value) || typeof value['resourceType'] !== 'string') {
    skipped.push({ source, reason: 'not a FHIR resource (no resourceType)' });
    return;
  }
  const type = value['resourceType'];
  if (!TYPE_NAME.test(type)) {
    skipped.push({ source, reason: `not a FHIR resource type: ${JSON.stringify(type)}` });
    return;
  }
  if (type !== 'Bundle') {
    found.push(fullUrl ? { resource: value, fullUrl, source } : { resource: value, source });
    return;
  }
  const bundle = value as unknown as Bundle;
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  if (entries.length === 0)
    skipped.push({ source, reason: `an empty ${bundle.type ?? ''} Bundle` });
  entries.forEach((entry: BundleEntry, i) => {
    const where = `${source} entry ${i + 1}`;
    const method = entry.request?.method;
    if (method && REQUEST_NOT_LOADED[method]) {
      skipped.push({ source: where, reason: REQUEST_NOT_LOADED[method] });
      return;
    }
    if (entry.search?.mode === 'outcome') {
      skipped.push({ source: where, reason: 'a search outcome (OperationOutcome), not data' });
      return;
    }
    if (!entry.resource) {
      skipped.push({ source: where, reason: 'an entry without a resource' });
      return;
    }
    collect(entry.resource, where, found, skipped, entry.fullUrl);
  });
}

function readFile(file: string, label: string, found: Found[], skipped: SeedSkip[]): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    skipped.push({ source: label, reason: `cannot be read (${(e as Error).message})` });
    return;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (dataKind(file) === 'ndjson') {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${label} line ${i + 1}`;
      try {
        collect(JSON.parse(line), where, found, skipped);
      } catch (e) {
        skipped.push({ source: where, reason: `not valid JSON (${(e as Error).message})` });
      }
    });
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    skipped.push({ source: label, reason: `not valid JSON (${(e as Error).message})` });
    return;
  }
  collect(parsed, label, found, skipped);
}

/** Identifier keys `Type?identifier=system|value` (and `value` alone) of one resource. */
function identifierKeys(type: string, resource: Json): string[] {
  const ids = Array.isArray(resource['identifier']) ? resource['identifier'] : [];
  const keys: string[] = [];
  for (const id of ids) {
    if (!isObject(id) || typeof id['value'] !== 'string') continue;
    const system = typeof id['system'] === 'string' ? id['system'] : '';
    keys.push(`${type}?identifier=${system}|${id['value']}`);
    keys.push(`${type}?identifier=${id['value']}`);
  }
  return keys;
}

function rewriteReferences(value: unknown, map: ReadonlyMap<string, string>): void {
  if (Array.isArray(value)) {
    for (const v of value) rewriteReferences(v, map);
    return;
  }
  if (!isObject(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'reference' && typeof v === 'string') {
      const to = map.get(v) ?? map.get(decodeURIComponentSafe(v));
      if (to) value[k] = to;
    } else if (typeof v === 'object' && v !== null) rewriteReferences(v, map);
  }
}

function decodeURIComponentSafe(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** Ids and references of one file's resources settled; resources with a bad id skipped. */
function settle(found: Found[], fileIndex: number, out: SeedData): void {
  const map = new Map<string, string>();
  const kept: Found[] = [];
  found.forEach((f, i) => {
    const type = f.resource['resourceType'] as string;
    let id = f.resource['id'];
    if (id !== undefined && (typeof id !== 'string' || !FHIR_ID.test(id))) {
      out.skipped.push({
        source: f.source,
        reason: `${type} with an invalid id ${JSON.stringify(id)}`,
      });
      return;
    }
    if (id === undefined) {
      const uuid = f.fullUrl ? UUID_URN.exec(f.fullUrl)?.[1] : undefined;
      id = uuid ?? `seed-${fileIndex + 1}-${i + 1}`;
      f.resource['id'] = id;
    }
    const ref = `${type}/${id as string}`;
    if (f.fullUrl) map.set(f.fullUrl, ref);
    for (const key of identifierKeys(type, f.resource)) if (!map.has(key)) map.set(key, ref);
    kept.push(f);
  });
  for (const f of kept) {
    rewriteReferences(f.resource, map);
    out.resources.push({ resource: f.resource as unknown as Resource, source: f.source });
  }
}

/** Everything loadable in the given folders or files; `root` makes the sources relative. */
export function readSeedData(paths: readonly string[], root?: string): SeedData {
  const files = dataFiles(paths);
  const out: SeedData = { files: files.length, resources: [], skipped: [] };
  for (const p of paths)
    if (!existsSync(p)) out.skipped.push({ source: p, reason: 'no such file or folder' });
  files.forEach((file, i) => {
    const label = root ? relative(root, file) : file;
    const found: Found[] = [];
    readFile(file, label, found, out.skipped);
    settle(found, i, out);
  });
  return out;
}
