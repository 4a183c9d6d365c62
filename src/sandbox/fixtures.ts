// Where the local EHR's seed data comes from: fhir-fixtures/*.json when present (written by
// the fixtures engineer), else the small sandbox data set next to this file.
import type { Bundle } from '@medplum/fhirtypes';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const SANDBOX_DATA_DIR = resolve(import.meta.dirname, 'test-data');
export const FIXTURES_DIR = resolve(PROJECT_ROOT, 'fhir-fixtures');

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

function isBundle(value: unknown): value is Bundle {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { resourceType?: unknown }).resourceType === 'Bundle'
  );
}

/** Every Bundle in the given folders, in file-name order. Non-Bundle JSON files are skipped. */
export function loadBundles(dirs: readonly string[]): Bundle[] {
  const bundles: Bundle[] = [];
  for (const dir of dirs) {
    for (const file of jsonFiles(dir)) {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (isBundle(parsed)) bundles.push(parsed);
    }
  }
  return bundles;
}

/** fhir-fixtures/ when it holds any Bundle, else the sandbox's own small data set. */
export function defaultFixtureDirs(): string[] {
  return jsonFiles(FIXTURES_DIR).length > 0 ? [FIXTURES_DIR] : [SANDBOX_DATA_DIR];
}
