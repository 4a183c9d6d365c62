// Test helpers: the CMS excerpts in test/fixtures/cms/ and, when present, the full files in
// ../shared/data/cms/ (tests on the full files skip cleanly without them).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeCmsBytes } from '../parse/csv.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = join(root, 'test/fixtures/cms');
export const SHARED_CMS = resolve(
  process.env.EVERYDOSE_SHARED ?? join(root, '../shared'),
  'data/cms',
);
export const SHARED_CATALOG = resolve(SHARED_CMS, '../../domain/drug-catalog.json');
export const HAS_SHARED = existsSync(SHARED_CMS) && existsSync(SHARED_CATALOG);

export function fixture(name: string): string {
  return decodeCmsBytes(readFileSync(join(FIXTURES, name)));
}

export function shared(name: string): string {
  return decodeCmsBytes(readFileSync(join(SHARED_CMS, name)));
}
