// Stories for injections, pumps and port flushes (injection-pump-rules R20–R27, contract §2.1):
// the FOLFOX story's 46-hour fluorouracil pump and its day-3 disconnect visit, a denosumab +
// zoledronic-acid day, a hormonal injection visit (leuprolide, fulvestrant split into two
// syringes), a port-flush-only visit and a myeloma visit (bortezomib SC, daratumumab and
// hyaluronidase SC). Products: real NDC/HCPCS from the CMS January 2026 ASP NDC-HCPCS crosswalk.
import { acmePpo, medicareFfs } from './common.mjs';
import { SYS, administration, at, bundle, encounter, medication, patient, request } from './fhir.mjs';
import { folfox } from './stories-a.mjs';

/** https://everydose.dev/fhir/CodeSystem/administration-method (contract §2.1, R26.4). */
export const ADMINISTRATION_METHOD = 'https://everydose.dev/fhir/CodeSystem/administration-method';

const METHOD_DISPLAY = {
  'pump-initiation': 'Pump initiation',
  'pump-refill': 'Pump refill',
  'pump-disconnect': 'Pump disconnect',
  'port-flush': 'Port flush',
};

const ROUTES = {
  sc: {
    coding: [
      { system: SYS.snomed, code: '34206005', display: 'Subcutaneous route' },
      { system: SYS.v3Route, code: 'SQ', display: 'Injection, subcutaneous' },
    ],
  },
  im: {
    coding: [
      { system: SYS.snomed, code: '78421000', display: 'Intramuscular route' },
      { system: SYS.v3Route, code: 'IM', display: 'Injection, intramuscular' },
    ],
  },
};

/** An SC or IM injection (R21): the injection route and the anatomic site (R26.3). */
function injection(id, pt, enc, med, route, o) {
  const a = administration(id, pt, enc, med, { kind: 'push', ...o });
  a.dosage = { route: ROUTES[route], site: { text: o.site }, dose: a.dosage.dose };
  return a;
}

/** A pump or port service: IV route plus the administration-method code (R26.4). */
function methodRecord(id, pt, enc, med, method, o) {
  const a = administration(id, pt, enc, med, { kind: 'infusion', ...o });
  a.dosage.method = {
    coding: [{ system: ADMINISTRATION_METHOD, code: method, display: METHOD_DISPLAY[method] }],
  };
  if (o.deviceText) a.device = [{ display: o.deviceText }];
  return a;
}

/** A MedicationRequest whose route is SC or IM. */
function injectionRequest(id, pt, enc, med, route, o) {
  const r = request(id, pt, enc, med, o);
  r.dosageInstruction[0].route = ROUTES[route];
  return r;
}

const DRUGS_D = {
  fluorouracil2500: { text: 'Fluorouracil 2.5 g/50 mL pharmacy bulk package', ndc: '63323-0117-51', amount: [2500, 'mg'], volumeMl: 50, perMl: [50, 'mg'], ingredient: 'Fluorouracil' },
  heparinFlush: { text: 'Heparin lock flush 100 units/mL, 5 mL syringe', ndc: '64253-0333-35', hcpcs: 'J1642', amount: [500, '[iU]'], volumeMl: 5, perMl: [100, '[iU]'], ingredient: 'Heparin sodium (porcine)' },
  xgeva: { text: 'Xgeva (denosumab) 120 mg/1.7 mL vial', ndc: '55513-0730-01', hcpcs: 'J0897', amount: [120, 'mg'], volumeMl: 1.7, ingredient: 'Denosumab' },
  zoledronic4: { text: 'Zoledronic acid 4 mg/5 mL vial', ndc: '16729-0242-31', hcpcs: 'J3489', amount: [4, 'mg'], volumeMl: 5, perMl: [0.8, 'mg'], ingredient: 'Zoledronic acid' },
  leuprolide75: { text: 'Lupron Depot (leuprolide acetate) 7.5 mg kit', ndc: '00074-3642-03', hcpcs: 'J9217', amount: [7.5, 'mg'], ingredient: 'Leuprolide acetate' },
  fulvestrant250: { text: 'Fulvestrant 250 mg/5 mL prefilled syringe', ndc: '00310-0720-10', hcpcs: 'J9395', amount: [250, 'mg'], volumeMl: 5, perMl: [50, 'mg'], ingredient: 'Fulvestrant' },
  bortezomib35: { text: 'Velcade (bortezomib) 3.5 mg vial', ndc: '63020-0049-01', hcpcs: 'J9041', amount: [3.5, 'mg'], ingredient: 'Bortezomib' },
  daraFaspro: { text: 'Darzalex Faspro (daratumumab and hyaluronidase-fihj) 1800 mg/15 mL vial', ndc: '57894-0503-01', hcpcs: 'J9144', amount: [1800, 'mg'], volumeMl: 15, perMl: [120, 'mg'], ingredient: 'Daratumumab and hyaluronidase-fihj' },
};
const medD = (id, key) => medication(id, DRUGS_D[key]);

/**
 * Story 01 with its 46-hour fluorouracil pump (R23.1–R23.3): started on day 1 after the
 * hydration, disconnected on day 3 (Wed 2026-08-05) at a short visit with a heparin port flush
 * (R23.7, R24.1).
 */
export function folfoxWithPump() {
  const b = folfox();
  const pt = 'pt-folfox', enc1 = 'enc-folfox-20260803', enc3 = 'enc-folfox-20260805', x = 'folfox';
  const d1 = '2026-08-03', d3 = '2026-08-05';
  const reason = ['C18.9', 'Malignant neoplasm of colon, unspecified'];
  const more = [
    encounter(enc3, pt, { start: at(d3, '12:30'), end: at(d3, '13:00'), location: 'loc-office-pos11' }),
    medD(`${x}-med-fluorouracil2500`, 'fluorouracil2500'),
    medD(`${x}-med-heparin-flush`, 'heparinFlush'),
    request(`${x}-rx-pump`, pt, enc1, `${x}-med-fluorouracil2500`, { dose: [4200, 'mg'], text: 'Fluorouracil 2400 mg/m2 (BSA 1.76) continuous IV infusion over 46 h by ambulatory pump', authoredOn: '2026-08-01', status: 'completed', reason, timing: { repeat: { duration: 46, durationUnit: 'h' } } }),
    request(`${x}-rx-disconnect-flush`, pt, enc3, `${x}-med-heparin-flush`, { dose: [5, 'mL'], text: 'Heparin lock flush 500 units to the port at pump disconnect', authoredOn: '2026-08-03', status: 'completed', reason }),
    methodRecord(`${x}-ma-pump`, pt, enc1, `${x}-med-fluorouracil2500`, 'pump-initiation', {
      start: at(d1, '14:40'), end: at(d3, '12:40'), dose: [4200, 'mg'], rate: 1.8, request: `${x}-rx-pump`,
      containers: [['63323-0117-51', 2]], discarded: [800, 'mg'], deviceText: 'Portable elastomeric pump (home)',
      note: 'Pump connected to the port at 14:40 and sent home; planned disconnect Wednesday 12:40.',
    }),
    methodRecord(`${x}-ma-pump-disconnect`, pt, enc3, `${x}-med-fluorouracil2500`, 'pump-disconnect', {
      start: at(d3, '12:40'), end: at(d3, '12:42'), dose: [0, 'mg'], request: `${x}-rx-pump`, note: 'Pump empty; disconnected and needle removed.',
    }),
    methodRecord(`${x}-ma-disconnect-flush`, pt, enc3, `${x}-med-heparin-flush`, 'port-flush', {
      start: at(d3, '12:43'), end: at(d3, '12:44'), dose: [5, 'mL'], request: `${x}-rx-disconnect-flush`,
    }),
  ];
  b.entry.push(...bundle(more).entry);
  return b;
}

export function boneAgents() {
  const pt = 'pt-bone-agents', enc = 'enc-bone-agents-20260810', d = '2026-08-10', x = 'bone-agents';
  const reason = ['C79.51', 'Secondary malignant neoplasm of bone'];
  return bundle([
    patient(pt, { family: 'Lindqvist', given: ['Margaret'], gender: 'female', birthDate: '1950-05-19', mrn: 'ED-100012' }),
    medicareFfs(`${x}-cov`, pt, '5NP3RA6BV12'),
    encounter(enc, pt, { start: at(d, '09:00'), end: at(d, '10:00'), location: 'loc-office-pos11' }),
    medD(`${x}-med-zoledronic`, 'zoledronic4'),
    medD(`${x}-med-denosumab`, 'xgeva'),
    request(`${x}-rx-zoledronic`, pt, enc, `${x}-med-zoledronic`, { dose: [4, 'mg'], text: 'Zoledronic acid 4 mg IV over 20 min (final dose before the switch)', authoredOn: '2026-08-07', status: 'completed', reason }),
    injectionRequest(`${x}-rx-denosumab`, pt, enc, `${x}-med-denosumab`, 'sc', { dose: [120, 'mg'], text: 'Denosumab (Xgeva) 120 mg SC every 4 weeks', authoredOn: '2026-08-07', status: 'completed', reason }),
    administration(`${x}-ma-zoledronic`, pt, enc, `${x}-med-zoledronic`, { kind: 'infusion', start: at(d, '09:15'), end: at(d, '09:35'), dose: [4, 'mg'], rate: 300, request: `${x}-rx-zoledronic`, containers: [['16729-0242-31', 1]], site: 'Left forearm peripheral IV' }),
    injection(`${x}-ma-denosumab`, pt, enc, `${x}-med-denosumab`, 'sc', { start: at(d, '09:40'), end: at(d, '09:41'), dose: [120, 'mg'], request: `${x}-rx-denosumab`, containers: [['55513-0730-01', 1]], site: 'Right upper arm' }),
  ]);
}

export function hormonalInjections() {
  const pt = 'pt-hormonal', enc = 'enc-hormonal-20260811', d = '2026-08-11', x = 'hormonal';
  const reason = ['C50.911', 'Malignant neoplasm of unspecified site of right female breast'];
  return bundle([
    patient(pt, { family: 'Osei', given: ['Abena'], gender: 'female', birthDate: '1979-12-03', mrn: 'ED-100013' }),
    acmePpo(`${x}-cov`, pt, 'ACM551207734'),
    encounter(enc, pt, { start: at(d, '14:00'), end: at(d, '14:30'), location: 'loc-office-pos11' }),
    medD(`${x}-med-fulvestrant`, 'fulvestrant250'),
    medD(`${x}-med-leuprolide`, 'leuprolide75'),
    injectionRequest(`${x}-rx-fulvestrant`, pt, enc, `${x}-med-fulvestrant`, 'im', { dose: [500, 'mg'], text: 'Fulvestrant 500 mg IM as two 250 mg injections, one in each buttock', authoredOn: '2026-08-10', status: 'completed', reason }),
    injectionRequest(`${x}-rx-leuprolide`, pt, enc, `${x}-med-leuprolide`, 'im', { dose: [7.5, 'mg'], text: 'Leuprolide acetate depot 7.5 mg IM monthly (ovarian suppression)', authoredOn: '2026-08-10', status: 'completed', reason }),
    injection(`${x}-ma-fulvestrant-1`, pt, enc, `${x}-med-fulvestrant`, 'im', { start: at(d, '14:05'), end: at(d, '14:07'), dose: [250, 'mg'], request: `${x}-rx-fulvestrant`, containers: [['00310-0720-10', 1]], site: 'Left gluteal' }),
    injection(`${x}-ma-fulvestrant-2`, pt, enc, `${x}-med-fulvestrant`, 'im', { start: at(d, '14:08'), end: at(d, '14:10'), dose: [250, 'mg'], request: `${x}-rx-fulvestrant`, containers: [['00310-0720-10', 1]], site: 'Right gluteal' }),
    injection(`${x}-ma-leuprolide`, pt, enc, `${x}-med-leuprolide`, 'im', { start: at(d, '14:12'), end: at(d, '14:13'), dose: [7.5, 'mg'], request: `${x}-rx-leuprolide`, containers: [['00074-3642-03', 1]], site: 'Left deltoid' }),
  ]);
}

export function portFlushOnly() {
  const pt = 'pt-port-flush', enc = 'enc-port-flush-20260812', d = '2026-08-12', x = 'port-flush';
  return bundle([
    patient(pt, { family: 'Brennan', given: ['Thomas'], gender: 'male', birthDate: '1963-02-27', mrn: 'ED-100014' }),
    medicareFfs(`${x}-cov`, pt, '6QR8WS1CT14'),
    encounter(enc, pt, { start: at(d, '10:00'), end: at(d, '10:20'), location: 'loc-office-pos11' }),
    medD(`${x}-med-heparin-flush`, 'heparinFlush'),
    request(`${x}-rx-heparin-flush`, pt, enc, `${x}-med-heparin-flush`, { dose: [5, 'mL'], text: 'Port maintenance: heparin lock flush 500 units every 4 weeks between treatment cycles', authoredOn: '2026-08-11', status: 'completed', reason: ['Z45.2', 'Encounter for adjustment and management of vascular access device'] }),
    methodRecord(`${x}-ma-flush`, pt, enc, `${x}-med-heparin-flush`, 'port-flush', { start: at(d, '10:05'), end: at(d, '10:07'), dose: [5, 'mL'], request: `${x}-rx-heparin-flush`, note: 'Port accessed, blood return confirmed, flushed and locked; no other service today.' }),
  ]);
}

export function myelomaSc() {
  const pt = 'pt-myeloma-sc', enc = 'enc-myeloma-sc-20260813', d = '2026-08-13', x = 'myeloma-sc';
  const reason = ['C90.00', 'Multiple myeloma not having achieved remission'];
  return bundle([
    patient(pt, { family: 'Castellano', given: ['Diego'], gender: 'male', birthDate: '1955-08-08', mrn: 'ED-100015' }),
    medicareFfs(`${x}-cov`, pt, '7TV4XB9DM15'),
    encounter(enc, pt, { start: at(d, '09:00'), end: at(d, '10:30'), location: 'loc-office-pos11' }),
    medD(`${x}-med-daratumumab`, 'daraFaspro'),
    medD(`${x}-med-bortezomib`, 'bortezomib35'),
    injectionRequest(`${x}-rx-daratumumab`, pt, enc, `${x}-med-daratumumab`, 'sc', { dose: [1800, 'mg'], text: 'Daratumumab and hyaluronidase 1800 mg SC over 5 min into the abdomen', authoredOn: '2026-08-12', status: 'completed', reason }),
    injectionRequest(`${x}-rx-bortezomib`, pt, enc, `${x}-med-bortezomib`, 'sc', { dose: [2.5, 'mg'], text: 'Bortezomib 1.3 mg/m2 (BSA 1.92) SC', authoredOn: '2026-08-12', status: 'completed', reason }),
    injection(`${x}-ma-daratumumab`, pt, enc, `${x}-med-daratumumab`, 'sc', { start: at(d, '09:30'), end: at(d, '09:35'), dose: [1800, 'mg'], request: `${x}-rx-daratumumab`, containers: [['57894-0503-01', 1]], site: 'Abdomen, right lower quadrant' }),
    injection(`${x}-ma-bortezomib`, pt, enc, `${x}-med-bortezomib`, 'sc', { start: at(d, '09:40'), end: at(d, '09:41'), dose: [2.5, 'mg'], request: `${x}-rx-bortezomib`, containers: [['63020-0049-01', 1]], discarded: [1, 'mg'], site: 'Abdomen, left lower quadrant' }),
  ]);
}
