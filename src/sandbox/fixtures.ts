// Where the local EHR's seed data comes from: fhir-fixtures/ when it holds data, else the small
// sandbox data set next to this file; `npm start -- --data DIR` adds folders of its own.
import { resolve } from 'node:path';
import { dataFiles, readSeedData, type SeedData } from './seed-data.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
export const SANDBOX_DATA_DIR = resolve(import.meta.dirname, 'test-data');
export const FIXTURES_DIR = resolve(PROJECT_ROOT, 'fhir-fixtures');

/** Every data file under the folders, read into resources to load (see seed-data.ts). */
export function loadSeedData(dirs: readonly string[]): SeedData {
  return readSeedData(dirs, PROJECT_ROOT);
}

/** fhir-fixtures/ when it holds any data file, else the sandbox's own small data set. */
export function defaultFixtureDirs(): string[] {
  return dataFiles([FIXTURES_DIR]).length > 0 ? [FIXTURES_DIR] : [SANDBOX_DATA_DIR];
}
