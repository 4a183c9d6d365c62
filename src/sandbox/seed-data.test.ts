// The local EHR loads FHIR written anywhere: each Bundle type, single resources and NDJSON,
// ids and references settled, and everything not loaded listed with its reason.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFhirStore, type FhirStore, type SeedSummary } from './fhir-store.ts';
import { readSeedData } from './seed-data.ts';
import { dataDirsOf, seedReport } from './seed-report.ts';

const pt = (id: string) => ({ resourceType: 'Patient', id, name: [{ family: id }] });
const enc = (id: string, subject: string) => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
  subject: { reference: subject },
});

const FILES: Record<string, unknown> = {
  // transaction with POST entries, urn:uuid fullUrls and no ids (as Synthea writes them)
  'a-transaction.json': {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:0b6a3bc4-0000-4000-8000-000000000001',
        resource: {
          resourceType: 'Patient',
          identifier: [{ system: 'urn:test', value: 'p-tx' }],
        },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: 'urn:uuid:0b6a3bc4-0000-4000-8000-000000000002',
        resource: {
          resourceType: 'Encounter',
          status: 'finished',
          class: { code: 'AMB' },
          subject: { reference: 'urn:uuid:0b6a3bc4-0000-4000-8000-000000000001' },
        },
        request: { method: 'POST', url: 'Encounter' },
      },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { text: 'x' },
          subject: { reference: 'Patient?identifier=urn:test|p-tx' },
        },
        request: { method: 'POST', url: 'Observation' },
      },
      { request: { method: 'DELETE', url: 'Patient/gone' } },
    ],
  },
  'b-batch.json': {
    resourceType: 'Bundle',
    type: 'batch',
    entry: [{ resource: pt('p-batch'), request: { method: 'PUT', url: 'Patient/p-batch' } }],
  },
  'c-collection.json': {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'http://example.org/fhir/Patient/p-coll', resource: pt('p-coll') },
      { resource: enc('e-coll', 'http://example.org/fhir/Patient/p-coll') },
      { fullUrl: 'urn:x' },
    ],
  },
  'd-searchset.json': {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      { resource: pt('p-search'), search: { mode: 'match' } },
      {
        resource: { resourceType: 'OperationOutcome', issue: [] },
        search: { mode: 'outcome' },
      },
    ],
  },
  'e-single.json': pt('p-single'),
  'f-bulk.ndjson': [
    JSON.stringify(pt('p-nd1')),
    '',
    JSON.stringify(enc('e-nd1', 'Patient/p-nd1')),
    '{ not json',
  ].join('\n'),
  'g-not-fhir.json': { name: 'some settings file' },
  'h-broken.json': '{"resourceType": "Patient",',
  'nested/i-deep.json': pt('p-deep'),
  'j-bad-id.json': { resourceType: 'Patient', id: 'has space' },
  'k-unknown-type.json': { resourceType: 'NoSuchType', id: 'x' },
};

let dir = '';
let store: FhirStore;
let summary: SeedSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'seed-data-'));
  mkdirSync(join(dir, 'nested'));
  for (const [name, body] of Object.entries(FILES))
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  store = createFhirStore(() => readSeedData([dir], dir));
  summary = await store.reset();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local EHR loads real data', () => {
  it.each([
    ['transaction (POST, urn:uuid, no id)', 'Patient', '0b6a3bc4-0000-4000-8000-000000000001'],
    ['batch', 'Patient', 'p-batch'],
    ['collection', 'Patient', 'p-coll'],
    ['searchset', 'Patient', 'p-search'],
    ['single resource', 'Patient', 'p-single'],
    ['NDJSON', 'Patient', 'p-nd1'],
    ['NDJSON', 'Encounter', 'e-nd1'],
    ['a file in a sub-folder', 'Patient', 'p-deep'],
  ])('%s: %s/%s is loaded', async (_kind, type, id) => {
    expect(await store.read(type, id)).toBeDefined();
  });

  it('rewrites urn:uuid, absolute and conditional references to Type/id', async () => {
    const txEnc = await store.read('Encounter', '0b6a3bc4-0000-4000-8000-000000000002');
    expect((txEnc as { subject?: { reference?: string } }).subject?.reference).toBe(
      'Patient/0b6a3bc4-0000-4000-8000-000000000001',
    );
    const coll = await store.read('Encounter', 'e-coll');
    expect((coll as { subject?: { reference?: string } }).subject?.reference).toBe(
      'Patient/p-coll',
    );
    const obs = await store.read('Observation', 'seed-1-3');
    expect((obs as { subject?: { reference?: string } }).subject?.reference).toBe(
      'Patient/0b6a3bc4-0000-4000-8000-000000000001',
    );
  });

  it('counts what it loaded by type', () => {
    expect(summary.byType).toEqual({ Patient: 7, Encounter: 3, Observation: 1 });
    expect(summary.resources).toBe(11);
    expect(summary.bundles).toBe(Object.keys(FILES).length);
  });

  it.each([
    ['a-transaction.json entry 4', 'DELETE request'],
    ['c-collection.json entry 3', 'without a resource'],
    ['d-searchset.json entry 2', 'search outcome'],
    ['f-bulk.ndjson line 4', 'not valid JSON'],
    ['g-not-fhir.json', 'no resourceType'],
    ['h-broken.json', 'not valid JSON'],
    ['j-bad-id.json', 'invalid id'],
    ['k-unknown-type.json', 'not a FHIR R4 resource type: NoSuchType'],
  ])('skips %s and says why (%s)', (source, reason) => {
    const skip = summary.skipped.find((s) => s.source === source);
    expect(skip?.reason).toContain(reason);
  });

  it('skips nothing else', () => {
    expect(summary.skipped).toHaveLength(8);
    expect(summary.failed).toBe(0);
  });

  it('names a path that does not exist', () => {
    const data = readSeedData([join(dir, 'missing')]);
    expect(data.skipped).toEqual([
      { source: join(dir, 'missing'), reason: 'no such file or folder' },
    ]);
  });
});

describe('what npm start prints', () => {
  it('resources by type, then each skip with its reason, capped', () => {
    const lines = seedReport(summary, 3);
    expect(lines[0]).toBe(
      `Loaded 11 resources from ${Object.keys(FILES).length} files: Encounter 3, Observation 1, Patient 7`,
    );
    expect(lines[1]).toBe('Skipped 8:');
    expect(lines[2]).toMatch(/^ {2}a-transaction\.json entry 4: a DELETE request/);
    expect(lines.at(-1)).toBe('  … and 5 more');
  });

  it('says when it skipped nothing', () => {
    const lines = seedReport({
      bundles: 1,
      resources: 1,
      failed: 0,
      byType: { Patient: 1 },
      skipped: [],
    });
    expect(lines).toEqual(['Loaded 1 resource from 1 file: Patient 1', 'Skipped nothing.']);
  });

  it.each([
    [['--data', 'x'], ['x']],
    [
      ['--data=x', '--data', 'y', '--open-fhir'],
      ['x', 'y'],
    ],
    [['--open-fhir'], []],
  ])('--data folders of %j', (argv, dirs) => {
    expect(dataDirsOf(argv)).toEqual(dirs);
  });

  it.each([[['--data']], [['--data', '--open-fhir']]])('--data without a folder: %j', (argv) => {
    expect(() => dataDirsOf(argv)).toThrow('--data needs a folder');
  });
});
