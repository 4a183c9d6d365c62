// The whole reading path the app and the audit command share, for the property tests:
// FHIR JSON → mapPatientInputs → analyzePatient (built-in reference data, input
// MedicationKnowledge on top) → input issues placed. Plus the invariants every run must keep.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePatient, defaultConfig, type EncounterResult } from '../../src/engine/index.ts';
import { mapPatientInputs, withMedicationKnowledge } from '../../src/fhir/map/patient-input.ts';
import { placeUnplacedIssues } from '../../src/fhir/map/place-issues.ts';
import { flattenResources, typeIdOf } from '../../src/fhir/references.ts';
import { builtinReference } from '../../src/reference/builtin.ts';

export type Json = Record<string, unknown>;

const FIXTURES = join(import.meta.dirname, '..', '..', 'fhir-fixtures');

/** Every resource of the synthetic fixture stories (Bundles flattened), as plain JSON. */
export function fixtureResources(): Json[] {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  return files.flatMap((f) => {
    const bundle = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as {
      entry?: { resource?: Json }[];
    };
    return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  });
}

export interface Run {
  results: EncounterResult[];
  /** Keys of the resources the mapper turned into administrations. */
  mapped: Set<string>;
  /** Keys of the administrations in the input (what the mapper was given). */
  inputAdministrations: string[];
  /** The same, less those whose status is entered-in-error: each must be named in the report. */
  mustBeNamed: string[];
}

/** Runs the shared reading path on any JSON values. */
export function runPipeline(resources: readonly unknown[]): Run {
  const reference = withMedicationKnowledge(builtinReference(), resources);
  const config = defaultConfig();
  const ctx = { config, reference };
  const inputs = mapPatientInputs(resources, {
    ndcKnown: (n) => reference.productByNdc(n) !== undefined,
  });
  const mapped = new Set(inputs.flatMap((p) => p.administrations.map((a) => a.ref)));
  const results = inputs.flatMap((p) =>
    placeUnplacedIssues(p, analyzePatient(p, ctx), () => config.setting ?? 'professional'),
  );
  const administrations = flattenResources(resources)
    .map((f) => f.resource)
    .filter((r) => r.resourceType === 'MedicationAdministration')
    .map((r) => ({
      key: typeof r.id === 'string' && r.id !== '' ? `MedicationAdministration/${r.id}` : '',
      voided: r.status === 'entered-in-error',
    }))
    .filter(({ key }) => key !== '');
  const inputAdministrations = administrations.map((a) => a.key);
  // A key read twice counts once: its last version decides whether it was voided (latestByKey).
  const voided = new Map(administrations.map((a) => [a.key, a.voided]));
  const mustBeNamed = [...voided].filter(([, v]) => !v).map(([k]) => k);
  return { results, mapped, inputAdministrations, mustBeNamed };
}

/** Every number anywhere in a value, with its path. */
function numbers(v: unknown, path: string, out: [string, number][]): void {
  if (typeof v === 'number') out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => numbers(x, `${path}[${i}]`, out));
  else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) numbers(x, `${path}.${k}`, out);
}

/**
 * Keys of every resource in the input: `Type/id`, the fullUrl of one without an id, or
 * `Type/(entry N)` (its place in the input) when it has neither.
 */
export function inputKeys(resources: readonly unknown[]): Set<string> {
  const keys = new Set<string>();
  flattenResources(resources).forEach(({ resource, fullUrl }, i) => {
    if (typeof resource.id === 'string' && resource.id !== '')
      keys.add(`${resource.resourceType}/${resource.id}`);
    else if (fullUrl) keys.add(fullUrl).add(typeIdOf(fullUrl) ?? fullUrl);
    else keys.add(`${resource.resourceType}/(entry ${i + 1})`);
  });
  return keys;
}

/**
 * The invariants of one run; returns the broken ones in plain words (empty = all kept):
 * no NaN or Infinity anywhere, units whole and not negative, amounts and NDC quantities not
 * negative, every line's sources in the input, every dropped administration named by a warning,
 * and every administration but an entered-in-error one named by a line or a warning.
 */
export function brokenInvariants(resources: readonly unknown[], run: Run): string[] {
  const broken: string[] = [];
  const found: [string, number][] = [];
  numbers(run.results, 'results', found);
  for (const [path, n] of found) if (!Number.isFinite(n)) broken.push(`${path} is ${n}`);
  const keys = inputKeys(resources);
  const warned = new Set(run.results.flatMap((r) => r.warnings.flatMap((w) => w.sources)));
  for (const r of run.results) {
    for (const l of r.lines) {
      const where = `${r.encounter ?? r.dateOfService} ${l.code}`;
      if (!Number.isSafeInteger(l.units) || l.units < 0) broken.push(`${where}: units ${l.units}`);
      if (l.amount !== undefined && !(l.amount >= 0)) broken.push(`${where}: amount ${l.amount}`);
      if (l.ndc && !(l.ndc.quantity > 0)) broken.push(`${where}: NDC quantity ${l.ndc.quantity}`);
      if (l.sources.length === 0) broken.push(`${where}: no sources`);
      for (const s of l.sources)
        if (!keys.has(s)) broken.push(`${where}: source ${s} not in input`);
    }
  }
  for (const k of run.inputAdministrations) {
    if (!run.mapped.has(k) && !warned.has(k)) broken.push(`${k} was dropped without a warning`);
  }
  // Nothing vanishes: every administration but an entered-in-error one is in some line's or
  // warning's sources.
  const named = new Set(warned);
  for (const r of run.results) for (const l of r.lines) for (const s of l.sources) named.add(s);
  for (const k of run.mustBeNamed)
    if (!named.has(k)) broken.push(`${k} is in no line's or warning's sources`);
  return broken;
}
