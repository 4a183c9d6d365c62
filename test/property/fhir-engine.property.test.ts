// Property tests over the whole reading path (FHIR JSON → mapper → engine → placed issues):
// whatever the input, the app and the audit command never throw, never show NaN, Infinity,
// negative or fractional units, cite only resources that exist, name every administration
// they leave out, give the same answer twice and do not change the input they were given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyMutations,
  hostileValue,
  mutation,
  syntheticAdministration,
  syntheticContext,
  toResource,
} from './arbitraries.ts';
import { brokenInvariants, fixtureResources, runPipeline, type Json } from './pipeline.ts';

const FIXTURES = fixtureResources();
/** Fixture resources grouped by story (the id prefix before the first dash-separated kind). */
const SHARED = FIXTURES.filter((r) =>
  ['Practitioner', 'PractitionerRole', 'Organization', 'Location'].includes(
    String(r['resourceType']),
  ),
);
const PATIENTS = FIXTURES.filter((r) => r['resourceType'] === 'Patient').map(
  (p) => `Patient/${String(p['id'])}`,
);

function storyOf(patient: string): Json[] {
  const json = (r: Json): string => JSON.stringify(r);
  return FIXTURES.filter(
    (r) => r['resourceType'] !== 'Patient' || `Patient/${String(r['id'])}` === patient,
  ).filter(
    (r) => SHARED.includes(r) || json(r).includes(`"${patient}"`) || !json(r).includes('"Patient/'),
  );
}
const STORIES = PATIENTS.map(storyOf);

function check(resources: readonly unknown[]): void {
  const before = JSON.stringify(resources);
  const run = runPipeline(resources);
  expect(brokenInvariants(resources, run)).toEqual([]);
  // Same input, same output; the input is not changed.
  expect(JSON.stringify(resources)).toBe(before);
  expect(runPipeline(structuredClone(resources)).results).toEqual(run.results);
}

describe('the fixture stories as they are', () => {
  it.each(PATIENTS.map((p, i) => [p, i] as const))('%s keeps every invariant', (_p, i) => {
    const story = STORIES[i] ?? [];
    expect(story.length).toBeGreaterThan(0);
    check(story);
  });
});

describe('mutated fixture stories (fields missing, wrong types, huge and negative numbers)', () => {
  it('never throws and keeps every invariant', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: STORIES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (story, mutations) => {
          check(applyMutations(STORIES[story] ?? [], mutations));
        },
      ),
      { numRuns: 120 },
    );
  });
});

describe('counterexamples found by the properties, kept as fixed rows', () => {
  it.each<[string, string, Parameters<typeof applyMutations>[1]]>([
    [
      // Seed -2030088387: the ondansetron record lost its dosage (route unknown), which holds the
      // encounter's administration lines; the sponsor-supplied ABC-7 record has no drug line,
      // so no line or warning named it until the held records were named by ROUTE_UNKNOWN.
      'R20.3 hold_encounter names every held record (nothing vanishes)',
      'Patient/pt-trial-sponsor',
      [{ target: 0, path: ['dosage'], value: {}, deleteIt: false }],
    ],
  ])('%s', (_name, patient, mutations) => {
    const story = STORIES[PATIENTS.indexOf(patient)];
    expect(story).toBeDefined();
    check(applyMutations(story ?? [], mutations));
  });
});

describe('synthetic administrations (every offset, DST days, end before start, partOf loops, duplicate ids)', () => {
  it('never throws and keeps every invariant', () => {
    fc.assert(
      fc.property(fc.array(syntheticAdministration, { minLength: 1, maxLength: 10 }), (specs) => {
        check([...syntheticContext, ...specs.map(toResource)]);
      }),
      { numRuns: 150 },
    );
  });

  it('a partOf loop (a → b → a, and a → a) does not hang or throw', () => {
    const loop = (id: string, to: string): Json => ({
      ...toResource({
        id,
        status: 'completed',
        drug: 'J9271',
        day: '2026-08-04',
        start: 600,
        length: 40,
        startOffset: -16,
        endOffset: undefined,
        dose: 200,
        unit: 'mg',
        push: false,
        partOf: to,
        encounter: 'e1',
        containers: 2,
        discarded: 0,
      }),
    });
    check([...syntheticContext, loop('a0', 'a1'), loop('a1', 'a0'), loop('a2', 'a2')]);
  });
});

describe('anything at all as input', () => {
  it('arbitrary JSON values and half-resources never make the reading path throw', () => {
    const halfResource = fc.record({
      resourceType: fc.constantFrom(
        'MedicationAdministration',
        'Encounter',
        'Medication',
        'Coverage',
        'Claim',
        'Bundle',
        'ResearchSubject',
        'ClaimResponse',
      ),
      id: fc.option(fc.oneof(fc.constantFrom('x', 'a0', ''), hostileValue), { nil: undefined }),
      subject: hostileValue,
      status: hostileValue,
      entry: hostileValue,
      effectivePeriod: hostileValue,
      context: hostileValue,
    });
    fc.assert(
      fc.property(
        fc.array(fc.oneof(halfResource, fc.jsonValue({ maxDepth: 3 })), { maxLength: 8 }),
        (input) => {
          check(input);
        },
      ),
      { numRuns: 200 },
    );
  });
});
