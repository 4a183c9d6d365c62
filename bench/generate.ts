// Deterministic generator of synthetic clinic days as FHIR R4 resources (benchmarks only).
// A day per chair: one patient, premed pushes, a chemotherapy or immunotherapy infusion,
// sometimes a second drug, hydration, waste documentation, and some missing stop times.
// Same seed → same output, byte for byte.

export interface GeneratorOptions {
  chairs: number;
  administrationsPerChair: number;
  days: number;
  seed?: number;
  /** First day of service (YYYY-MM-DD). */
  firstDay?: string;
}

type Json = Record<string, unknown>;

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DrugSpec {
  name: string;
  ndc: string;
  hcpcs: string;
  kind: 'push' | 'infusion' | 'hydration';
  dose: [number, string];
  minutes: [number, number];
  vialMg?: number;
}

const PREMEDS: DrugSpec[] = [
  {
    name: 'ondansetron',
    ndc: '63323-0373-02',
    hcpcs: 'J2405',
    kind: 'push',
    dose: [8, 'mg'],
    minutes: [2, 5],
  },
  {
    name: 'dexamethasone',
    ndc: '63323-0506-01',
    hcpcs: 'J1100',
    kind: 'push',
    dose: [10, 'mg'],
    minutes: [2, 5],
  },
  {
    name: 'diphenhydramine',
    ndc: '63323-0664-01',
    hcpcs: 'J1200',
    kind: 'push',
    dose: [25, 'mg'],
    minutes: [2, 5],
  },
  {
    name: 'palonosetron',
    ndc: '00409-2504-10',
    hcpcs: 'J2469',
    kind: 'push',
    dose: [0.25, 'mg'],
    minutes: [1, 3],
  },
];

const MAIN: DrugSpec[] = [
  {
    name: 'pembrolizumab',
    ndc: '00006-3026-02',
    hcpcs: 'J9271',
    kind: 'infusion',
    dose: [200, 'mg'],
    minutes: [30, 40],
    vialMg: 100,
  },
  {
    name: 'oxaliplatin',
    ndc: '63323-0750-20',
    hcpcs: 'J9263',
    kind: 'infusion',
    dose: [150, 'mg'],
    minutes: [110, 130],
    vialMg: 100,
  },
  {
    name: 'carboplatin',
    ndc: '61703-0339-22',
    hcpcs: 'J9045',
    kind: 'infusion',
    dose: [450, 'mg'],
    minutes: [30, 60],
    vialMg: 150,
  },
  {
    name: 'paclitaxel',
    ndc: '63323-0763-16',
    hcpcs: 'J9267',
    kind: 'infusion',
    dose: [175, 'mg'],
    minutes: [170, 190],
    vialMg: 100,
  },
  {
    name: 'rituximab',
    ndc: '50242-0053-06',
    hcpcs: 'J9312',
    kind: 'infusion',
    dose: [700, 'mg'],
    minutes: [200, 260],
    vialMg: 500,
  },
  {
    name: 'nivolumab',
    ndc: '00003-3774-12',
    hcpcs: 'J9299',
    kind: 'infusion',
    dose: [240, 'mg'],
    minutes: [30, 35],
    vialMg: 100,
  },
  {
    name: 'bevacizumab',
    ndc: '50242-0061-01',
    hcpcs: 'J9035',
    kind: 'infusion',
    dose: [350, 'mg'],
    minutes: [30, 90],
    vialMg: 400,
  },
];

const HYDRATION: DrugSpec = {
  name: 'sodium chloride 0.9%',
  ndc: '',
  hcpcs: 'J7050',
  kind: 'hydration',
  dose: [500, 'mL'],
  minutes: [45, 120],
};

function iso(ms: number): string {
  // The clinic runs at -04:00 (America/New_York in summer); write instants with that offset.
  const local = new Date(ms - 4 * 3_600_000).toISOString().slice(0, 19);
  return `${local}-04:00`;
}

function medication(d: DrugSpec): Json {
  const coding: Json[] = [
    { system: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: d.hcpcs },
  ];
  if (d.ndc) coding.unshift({ system: 'http://hl7.org/fhir/sid/ndc', code: d.ndc });
  return { coding, text: d.name };
}

/** Yields resources in a streaming-friendly order: each day's patient, encounter, administrations. */
export function* generateClinic(opts: GeneratorOptions): Generator<Json> {
  const rand = rng(opts.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const day0 = Date.parse(`${opts.firstDay ?? '2026-07-06'}T12:00:00Z`);
  let maN = 0;
  for (let day = 0; day < opts.days; day++) {
    for (let chair = 0; chair < opts.chairs; chair++) {
      const pid = `p${chair}-${day % 30}`;
      const eid = `e${day}-${chair}`;
      if (day < 30)
        yield {
          resourceType: 'Patient',
          id: pid,
          gender: pick(['female', 'male']),
          birthDate: '1960-01-01',
        };
      yield {
        resourceType: 'Encounter',
        id: eid,
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
        subject: { reference: `Patient/${pid}` },
      };
      // 08:00 local + chair stagger.
      let t = day0 + day * 86_400_000 + (chair % 4) * 900_000;
      const push = (d: DrugSpec, minutes: number, missingStop: boolean, waste: boolean): Json => {
        const start = t;
        const end = t + minutes * 60_000;
        t = end + between(1, 10) * 60_000;
        const isPush = d.kind === 'push';
        const ma: Json = {
          resourceType: 'MedicationAdministration',
          id: `ma${maN++}`,
          status: 'completed',
          medicationCodeableConcept: medication(d),
          subject: { reference: `Patient/${pid}` },
          context: { reference: `Encounter/${eid}` },
          effectivePeriod: missingStop
            ? { start: iso(start) }
            : { start: iso(start), end: iso(end) },
          dosage: {
            route: {
              coding: [
                {
                  system: 'http://snomed.info/sct',
                  code: '47625008',
                  display: 'Intravenous route',
                },
              ],
            },
            ...(isPush
              ? {
                  method: {
                    coding: [
                      {
                        system: 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration',
                        code: 'IVPUSH',
                      },
                    ],
                  },
                }
              : {
                  rateQuantity: {
                    value: 250,
                    unit: 'mL/h',
                    system: 'http://unitsofmeasure.org',
                    code: 'mL/h',
                  },
                }),
            dose: {
              value: d.dose[0],
              unit: d.dose[1],
              system: 'http://unitsofmeasure.org',
              code: d.dose[1],
            },
          },
        };
        if (waste && d.vialMg && d.ndc) {
          const vials = Math.ceil(d.dose[0] / d.vialMg);
          const discarded = vials * d.vialMg - d.dose[0];
          ma.extension = [
            {
              url: 'https://everydose.dev/fhir/StructureDefinition/container',
              extension: [
                {
                  url: 'product',
                  valueCodeableConcept: {
                    coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: d.ndc }],
                  },
                },
                { url: 'count', valuePositiveInt: vials },
              ],
            },
            {
              url: 'https://everydose.dev/fhir/StructureDefinition/discarded-amount',
              valueQuantity: {
                value: discarded,
                unit: 'mg',
                system: 'http://unitsofmeasure.org',
                code: 'mg',
              },
            },
          ];
        }
        return ma;
      };
      const n = opts.administrationsPerChair;
      let made = 0;
      const premedCount = Math.max(1, Math.min(3, n - 3));
      for (let i = 0; i < premedCount && made < n; i++, made++) {
        const d = pick(PREMEDS);
        yield push(d, between(d.minutes[0], d.minutes[1]), false, false);
      }
      while (made < n) {
        const hydration = made === n - 1 && rand() < 0.6;
        const d = hydration ? HYDRATION : pick(MAIN);
        const missingStop = rand() < 0.05;
        yield push(d, between(d.minutes[0], d.minutes[1]), missingStop, rand() < 0.7);
        made++;
      }
    }
  }
}

/** Number of administrations the options will produce. */
export function administrationCount(opts: GeneratorOptions): number {
  return opts.chairs * opts.administrationsPerChair * opts.days;
}
