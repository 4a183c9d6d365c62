// The synthetic FHIR fixtures (fhir-fixtures/*.json): valid FHIR R4, references resolve inside the
// bundle or practitioners.json, and the contract's conventions hold (§2: stable ids, PUT entries,
// instants with UTC offsets, dates in July–September 2026).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROLE_SYSTEM, CONTAINER_TYPE_SYSTEM, SYSTEMS } from '../src/fhir/extensions.ts';

interface Resource {
  resourceType: string;
  id?: string;
  [key: string]: unknown;
}
interface Entry {
  fullUrl?: string;
  resource: Resource;
  request?: { method?: string; url?: string };
}
interface Bundle {
  resourceType: string;
  type: string;
  entry: Entry[];
}

const DIR = join(import.meta.dirname, '..', 'fhir-fixtures');
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const bundles = new Map<string, Bundle>(
  files.map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Bundle]),
);
const stories = files.filter((f) => f !== 'practitioners.json');
const shared = bundles.get('practitioners.json');
const keyOf = (r: Resource): string => `${r.resourceType}/${r.id ?? ''}`;
const resources = (f: string): Resource[] => (bundles.get(f)?.entry ?? []).map((e) => e.resource);
const ofType = (f: string, t: string): Resource[] =>
  resources(f).filter((r) => r.resourceType === t);

/** Every value at key `name` anywhere inside `node`. */
function collect(node: unknown, name: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const v of node) collect(v, name, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === name) out.push(v);
      collect(v, name, out);
    }
  }
  return out;
}
function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const v of node) strings(v, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) strings(v, out);
  return out;
}
function codings(node: unknown): { system?: string; code?: string }[] {
  return collect(node, 'coding').flat() as { system?: string; code?: string }[];
}

describe('fhir-fixtures: FHIR R4 validity', () => {
  it('every resource validates against the R4 base profiles (@medplum/core validateResource)', () => {
    // @medplum/core needs a global WebSocket: Node 20 has it only behind a flag, so the
    // validation runs in a child process instead of changing the shared vitest config.
    const script = join(DIR, 'build', 'validate-r4.mjs');
    const out = execFileSync(process.execPath, ['--experimental-websocket', script], {
      encoding: 'utf8',
      timeout: 80_000,
    });
    const report = JSON.parse(out) as { checked: number; issues: unknown[] };
    expect(report.issues).toEqual([]);
    expect(report.checked).toBeGreaterThan(100);
  }, 90_000);
});

describe('fhir-fixtures: bundle conventions (contract §2)', () => {
  it('at least 10 patient stories plus practitioners.json', () => {
    expect(stories.length).toBeGreaterThanOrEqual(10);
    expect(shared).toBeDefined();
  });

  it.each(files)('%s is a transaction of PUTs with stable ids', (f) => {
    const b = bundles.get(f);
    expect(b?.resourceType).toBe('Bundle');
    expect(b?.type).toBe('transaction');
    for (const e of b?.entry ?? []) {
      expect(e.resource.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
      expect(e.request).toEqual({ method: 'PUT', url: keyOf(e.resource) });
      expect(e.fullUrl).toBe(keyOf(e.resource));
    }
  });

  it('an id used in two files names the same resource content', () => {
    const seen = new Map<string, string>();
    for (const f of files) {
      for (const r of resources(f)) {
        const json = JSON.stringify(r);
        const prev = seen.get(keyOf(r));
        if (prev !== undefined) expect(json, `${keyOf(r)} in ${f}`).toBe(prev);
        seen.set(keyOf(r), json);
      }
    }
  });

  it.each(stories)('%s: every reference resolves in the bundle or practitioners.json', (f) => {
    const known = new Set([...resources(f), ...resources('practitioners.json')].map(keyOf));
    const refs = collect(bundles.get(f), 'reference').filter((r) => typeof r === 'string');
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(known, `${f}: ${String(r)}`).toContain(r);
  });

  it('practitioners.json references resolve inside it', () => {
    const known = new Set(resources('practitioners.json').map(keyOf));
    for (const r of collect(shared, 'reference')) expect(known).toContain(r);
  });

  it.each(files)('%s: every dateTime with a time carries a UTC offset', (f) => {
    const times = strings(bundles.get(f)).filter((s) => /^\d{4}-\d{2}-\d{2}T/.test(s));
    for (const t of times)
      expect(t, `${f}: ${t}`).toMatch(/T\d{2}:\d{2}:\d{2}(\.\d+)?[+-]\d{2}:\d{2}$/);
  });
});

describe('fhir-fixtures: what every story carries', () => {
  it.each(stories)('%s: patient, encounter, coverage, drugs and administrations', (f) => {
    const [pt, ...more] = ofType(f, 'Patient');
    expect(more).toEqual([]);
    expect(collect(pt, 'identifier').flat()).toContainEqual(
      expect.objectContaining({
        type: expect.objectContaining({ coding: [expect.objectContaining({ code: 'MR' })] }),
      }),
    );
    expect(pt?.name).toBeDefined();
    expect(pt?.birthDate).toBeDefined();
    expect(pt?.gender).toBeDefined();
    const encounters = ofType(f, 'Encounter');
    expect(encounters.length).toBeGreaterThan(0);
    for (const e of encounters) expect(collect(e, 'location').length).toBeGreaterThan(0);
    const covs = ofType(f, 'Coverage');
    expect(covs.length).toBeGreaterThan(0);
    for (const c of covs) expect(codings(c.type).some((x) => x.system === SYSTEMS.sopt)).toBe(true);
    for (const m of ofType(f, 'Medication')) {
      const systems = codings(m.code).map((x) => x.system);
      expect(
        systems.some((s) => s === SYSTEMS.ndc || s === SYSTEMS.hcpcs) || m.id?.endsWith('flush'),
      ).toBe(true);
    }
    expect(ofType(f, 'MedicationRequest').length).toBeGreaterThan(0);
    const admins = ofType(f, 'MedicationAdministration');
    expect(admins.length).toBeGreaterThan(0);
    for (const a of admins) {
      const period = a.effectivePeriod as { start?: string } | undefined;
      expect(period?.start?.slice(0, 7)).toMatch(/^2026-0[789]$/);
      const dosage = a.dosage as Record<string, unknown>;
      expect(dosage.route).toBeDefined();
      expect(dosage.dose).toBeDefined();
      expect(dosage.site).toBeDefined();
      expect(a.context).toBeDefined();
    }
  });

  it('every catalog NDC used in a Medication is an 11-digit 5-4-2 code', () => {
    const ndcs = stories.flatMap((f) =>
      codings(ofType(f, 'Medication'))
        .filter((c) => c.system === SYSTEMS.ndc)
        .map((c) => c.code),
    );
    expect(ndcs.length).toBeGreaterThan(10);
    for (const n of ndcs) expect(n).toMatch(/^\d{5}-\d{4}-\d{2}$/);
  });

  it('pembrolizumab 00006-3026-02 is marked single-dose by MedicationKnowledge', () => {
    const mk = resources('02-pembrolizumab-weight-waste.json').find(
      (r) => r.resourceType === 'MedicationKnowledge',
    );
    expect(codings(mk?.code)).toContainEqual({ system: SYSTEMS.ndc, code: '00006-3026-02' });
    expect(codings(mk?.packaging)).toContainEqual(
      expect.objectContaining({ system: CONTAINER_TYPE_SYSTEM, code: 'single-dose' }),
    );
  });

  it.each(['nurse', 'clinician', 'coder'])(
    'practitioners.json: %s-1 with its app role and a standard coding',
    (role) => {
      const all = resources('practitioners.json');
      expect(all.map(keyOf)).toContain(`Practitioner/${role}-1`);
      const pr = all.find(
        (r) =>
          r.resourceType === 'PractitionerRole' &&
          (r.practitioner as { reference?: string }).reference === `Practitioner/${role}-1`,
      );
      const cs = codings(pr?.code);
      expect(cs).toContainEqual(expect.objectContaining({ system: APP_ROLE_SYSTEM, code: role }));
      expect(cs.some((c) => c.system !== APP_ROLE_SYSTEM)).toBe(true);
    },
  );

  it('README lists every story file, patient id and encounter id', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const f of stories) {
      expect(readme).toContain(f);
      for (const r of [...ofType(f, 'Patient'), ...ofType(f, 'Encounter')])
        expect(readme).toContain(r.id);
    }
  });
});

/**
 * The stories through the real pipeline (FHIR mapper → engine, built-in reference data): the
 * coverage, authorization, trial and existing-claim results the README promises. Other stages'
 * warnings (containers, MUE, hydration…) are not asserted here.
 */
const CHECK_CODES =
  /^(NO_COVERAGE|COVERAGE_NOT_ACTIVE|AUTH_|TRIAL_|SPONSOR_|CLAIM_|JZ_WITH_WASTE|JW_ON_MULTIDOSE)/;
const STORY_CHECKS: Record<string, string[]> = {
  '01-folfox-premeds-hydration.json': [],
  '02-pembrolizumab-weight-waste.json': [],
  '03-carboplatin-paclitaxel-in-progress.json': [],
  '04-rituximab-reaction-restart.json': [],
  '05-trial-sponsor-supplied-drug.json': [],
  '06-authorization-expired.json': ['AUTH_EXPIRED'],
  '07-coverage-terminated.json': ['COVERAGE_NOT_ACTIVE'],
  '08-hospital-outpatient-concurrent.json': [],
  '09-draft-claim-with-errors.json': ['CLAIM_LINE_MISSING', 'JZ_WITH_WASTE'],
  '10-clean-day.json': [],
  '11-trial-medicare-advantage-claim.json': [
    'TRIAL_DIAGNOSIS_MISSING',
    'TRIAL_MA_BILL_ORIGINAL_MEDICARE',
    'TRIAL_MODIFIER_MISMATCH',
  ],
};

async function analyseStory(f: string) {
  const [{ mapPatientInputs, withMedicationKnowledge }, { builtinReference }, engine] =
    await Promise.all([
      import('../src/fhir/map/patient-input.ts'),
      import('../src/reference/builtin.ts'),
      import('../src/engine/index.ts'),
    ]);
  const input = [bundles.get(f), shared];
  const reference = withMedicationKnowledge(builtinReference(), input);
  const ctx = { config: engine.defaultConfig(), reference };
  return mapPatientInputs(input)
    .filter((p) => p.patient !== 'unknown')
    .flatMap((p) => engine.analyzePatient(p, ctx));
}

describe('fhir-fixtures: coverage, authorization, trial and claim results (README)', () => {
  it('every story has an expectation here', () => {
    expect(Object.keys(STORY_CHECKS).sort()).toEqual(stories);
  });

  it.each(Object.entries(STORY_CHECKS))('%s → %j', async (f, expected) => {
    const results = await analyseStory(f);
    expect(results).toHaveLength(1);
    const codes = (results[0]?.warnings ?? [])
      .map((w) => w.code)
      .filter((c) => CHECK_CODES.test(c));
    expect(codes.sort()).toEqual(expected);
  });

  it('06: the expired authorization is named with its number and end date', async () => {
    const [r] = await analyseStory('06-authorization-expired.json');
    const w = r?.warnings.find((x) => x.code === 'AUTH_EXPIRED');
    expect(w?.message).toMatch(/^Nivolumab: authorization PA-55120 ended 2026-07-29/);
    expect(w?.amountAtStake).toBe(8213.28);
  });

  it('05: trial lines carry Q1 and the sponsor-supplied study drug has no line', async () => {
    const [r] = await analyseStory('05-trial-sponsor-supplied-drug.json');
    const lines = (r?.lines ?? []).map((l) => `${l.code}-${[...l.modifiers].sort().join('-')}`);
    expect(lines.sort()).toEqual([
      '96375-Q1',
      '96413-Q1',
      '96417-Q1',
      'J2405-JZ-Q1',
      'J9201-JZ-Q1',
    ]);
  });

  it('10: the clean day has no warning at all', async () => {
    const [r] = await analyseStory('10-clean-day.json');
    expect(r?.warnings).toEqual([]);
    expect(r?.lines.map((l) => `${l.code}×${l.units}`).sort()).toEqual(['96413×1', 'J9271×200']);
  });
});
