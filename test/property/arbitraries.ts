// Generators of hostile FHIR input for the property tests: fixture stories with fields removed
// or given the wrong type, huge, negative or fractional numbers, odd UCUM units, timestamps at
// every offset from −12:00 to +14:00 and on DST days, ends before starts, duplicate ids and
// partOf loops.
import fc from 'fast-check';
import type { Json } from './pipeline.ts';

/** Values a JSON file could hold where something else was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    '',
    'abc',
    0,
    -1,
    -0.5,
    0.3333333333333333,
    1e15,
    -1e15,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER,
    5e-324,
    true,
    [],
    {},
    [null],
    '2026-02-30T25:61:00Z',
    '2026-03-08T02:30:00',
    '9999-12-31T23:59:59+14:00',
    '0001-01-01T00:00:00-12:00',
    'NaN',
    'Infinity',
    '<img src=x onerror=alert(1)>',
    '__proto__',
    { reference: 'MedicationAdministration/missing' },
    { value: -5, code: 'mg' },
    { value: 1e15, code: 'mg' },
    { value: 1e308, code: 'mg' },
    { value: 2.5, code: '[iU]' },
    { value: 'ten', code: 'mg' },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Paths into a MedicationAdministration (and its Medication) that the mapper reads. */
const MA_PATHS: readonly string[][] = [
  ['id'],
  ['status'],
  ['subject'],
  ['subject', 'reference'],
  ['context'],
  ['context', 'reference'],
  ['effectivePeriod'],
  ['effectivePeriod', 'start'],
  ['effectivePeriod', 'end'],
  ['effectiveDateTime'],
  ['medicationReference'],
  ['medicationReference', 'reference'],
  ['medicationCodeableConcept'],
  ['dosage'],
  ['dosage', 'dose'],
  ['dosage', 'dose', 'value'],
  ['dosage', 'dose', 'code'],
  ['dosage', 'route'],
  ['dosage', 'method'],
  ['dosage', 'site'],
  ['dosage', 'rateQuantity'],
  ['dosage', 'text'],
  ['extension'],
  ['partOf'],
  ['request'],
  ['note'],
];

const OTHER_PATHS: readonly string[][] = [
  ['id'],
  ['status'],
  ['code'],
  ['code', 'coding'],
  ['amount'],
  ['amount', 'numerator', 'value'],
  ['ingredient'],
  ['period'],
  ['period', 'start'],
  ['location'],
  ['type'],
  ['beneficiary'],
  ['item'],
  ['extension'],
  ['subject'],
];

export interface Mutation {
  target: number;
  path: string[];
  /** undefined = delete the field. */
  value: unknown;
  deleteIt: boolean;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  target: fc.nat({ max: 10_000 }),
  path: fc.oneof(fc.constantFrom(...MA_PATHS), fc.constantFrom(...OTHER_PATHS)),
  value: hostileValue,
  deleteIt: fc.boolean(),
});

/** Applies mutations to a deep copy; administrations are picked twice as often. */
export function applyMutations(resources: readonly Json[], mutations: Mutation[]): Json[] {
  const copy = structuredClone(resources) as Json[];
  const mas = copy.filter((r) => r['resourceType'] === 'MedicationAdministration');
  for (const m of mutations) {
    const pool = m.target % 2 === 0 && mas.length > 0 ? mas : copy;
    const r = pool[Math.floor(m.target / 2) % pool.length];
    if (!r) continue;
    let node: Record<string, unknown> = r;
    for (const step of m.path.slice(0, -1)) {
      const next = node[step];
      if (typeof next !== 'object' || next === null) {
        node = {};
        break;
      }
      node = next as Record<string, unknown>;
    }
    const last = m.path[m.path.length - 1] ?? 'id';
    if (m.deleteIt) Reflect.deleteProperty(node, last);
    else node[last] = structuredClone(m.value);
  }
  return copy;
}

const HCPCS = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const UCUM = 'http://unitsofmeasure.org';
const DRUGS = ['J9271', 'J9263', 'J2405', 'J1100', 'J7050', 'J9999', 'Q5115', 'ZZZZZ'] as const;
const UNITS = ['mg', 'mL', 'ug', 'g', 'kg', '[iU]', 'mg/mL', 'mg/kg', '10*3', '%', 'xyz', ''];
/** US DST days of 2026 and 2027, an ordinary day, a leap day, New Year. */
const DAYS = ['2026-03-08', '2026-11-01', '2027-03-14', '2026-08-04', '2028-02-29', '2026-12-31'];

function pad(n: number): string {
  return String(Math.abs(n)).padStart(2, '0');
}

/** A FHIR dateTime with an offset from −12:00 to +14:00 (quarter hours). */
export function fhirTime(day: string, minuteOfDay: number, offsetQuarters: number): string {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  const off = offsetQuarters * 15;
  const sign = off < 0 ? '-' : '+';
  return `${day}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:00${sign}${pad(Math.trunc(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

const offsetQuarters = fc.integer({ min: -48, max: 56 });

/** One synthetic administration: any offset, DST days, end before start, partOf anywhere. */
export const syntheticAdministration: fc.Arbitrary<SyntheticAdministration> = fc.record({
  id: fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4', 'a5'),
  status: fc.constantFrom(
    'completed',
    'completed',
    'in-progress',
    'stopped',
    'not-done',
    'entered-in-error',
    'on-hold',
    'unknown',
    'bogus',
  ),
  drug: fc.constantFrom(...DRUGS),
  day: fc.constantFrom(...DAYS),
  start: fc.integer({ min: 0, max: 1439 }),
  length: fc.option(fc.integer({ min: -120, max: 2000 }), { nil: undefined }),
  startOffset: offsetQuarters,
  endOffset: fc.option(offsetQuarters, { nil: undefined }),
  dose: fc.option(
    fc.oneof(fc.double({ min: -1e6, max: 1e9, noNaN: true }), fc.constantFrom(1e15, 1e308)),
    {
      nil: undefined,
    },
  ),
  unit: fc.constantFrom(...UNITS),
  push: fc.boolean(),
  partOf: fc.option(fc.constantFrom('a0', 'a1', 'a2', 'a3', 'a4', 'a5'), { nil: undefined }),
  encounter: fc.constantFrom('e1', 'e2', undefined),
  containers: fc.option(fc.oneof(fc.integer({ min: -3, max: 1_000_000 }), fc.constant(1e15)), {
    nil: undefined,
  }),
  discarded: fc.option(fc.double({ min: -100, max: 1e7, noNaN: true }), { nil: undefined }),
});

export interface SyntheticAdministration {
  id: string;
  status: string;
  drug: string;
  day: string;
  start: number;
  length: number | undefined;
  startOffset: number;
  endOffset: number | undefined;
  dose: number | undefined;
  unit: string;
  push: boolean;
  partOf: string | undefined;
  encounter: string | undefined;
  containers: number | undefined;
  discarded: number | undefined;
}

export function toResource(s: SyntheticAdministration): Json {
  const startMin = s.start;
  const period: Json = { start: fhirTime(s.day, startMin, s.startOffset) };
  if (s.length !== undefined) {
    const endMin = startMin + s.length;
    const dayShift = Math.floor(endMin / 1440);
    const endDay = new Date(Date.parse(`${s.day}T00:00:00Z`) + dayShift * 86_400_000)
      .toISOString()
      .slice(0, 10);
    period['end'] = fhirTime(endDay, endMin, s.endOffset ?? s.startOffset);
  }
  const ext: Json[] = [];
  if (s.containers !== undefined)
    ext.push({
      url: 'https://everydose.dev/fhir/StructureDefinition/container',
      extension: [
        {
          url: 'product',
          valueCodeableConcept: {
            coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00006-3026-02' }],
          },
        },
        { url: 'count', valuePositiveInt: s.containers },
      ],
    });
  if (s.discarded !== undefined)
    ext.push({
      url: 'https://everydose.dev/fhir/StructureDefinition/discarded-amount',
      valueQuantity: { value: s.discarded, unit: s.unit, system: UCUM, code: s.unit },
    });
  const dosage: Json = {
    route: { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] },
  };
  if (s.dose !== undefined)
    dosage['dose'] = { value: s.dose, unit: s.unit, system: UCUM, code: s.unit };
  if (s.push)
    dosage['method'] = {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration',
          code: 'IVPUSH',
        },
      ],
    };
  return {
    resourceType: 'MedicationAdministration',
    id: s.id,
    status: s.status,
    medicationCodeableConcept: {
      coding: [{ system: HCPCS, code: s.drug }],
      text: `${s.drug} <b>drug</b>`,
    },
    subject: { reference: 'Patient/p1' },
    ...(s.encounter ? { context: { reference: `Encounter/${s.encounter}` } } : {}),
    effectivePeriod: period,
    dosage,
    ...(s.partOf ? { partOf: [{ reference: `MedicationAdministration/${s.partOf}` }] } : {}),
    ...(ext.length > 0 ? { extension: ext } : {}),
  };
}

/** The places the synthetic administrations point at. */
export const syntheticContext: Json[] = [
  { resourceType: 'Patient', id: 'p1' },
  {
    resourceType: 'Encounter',
    id: 'e1',
    status: 'finished',
    subject: { reference: 'Patient/p1' },
    period: { start: '2026-08-04T08:00:00-04:00' },
    location: [{ location: { reference: 'Location/l1' } }],
  },
  {
    resourceType: 'Encounter',
    id: 'e2',
    status: 'finished',
    subject: { reference: 'Patient/p1' },
    partOf: { reference: 'Encounter/e2' },
  },
  {
    resourceType: 'Location',
    id: 'l1',
    type: [
      {
        coding: [
          {
            system:
              'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
            code: '22',
          },
        ],
      },
    ],
  },
];
