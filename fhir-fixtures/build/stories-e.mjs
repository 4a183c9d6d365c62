// Stories 21–32: one full clinic day (Wed 5 August 2026) at the office infusion suite: twelve visits
// across eight chairs (a Location per chair, partOf loc-office-pos11), as the charge nurse's board
// and the practice dashboard see it around 13:00: infusions still running, finished ones missing
// their stop time, waste documented and not, a trial patient, an injection, and past claims the
// payer denied (ClaimResponse item adjudications with X12 CARC/RARC reason codes).
import { DRUGS, acmePpo, medicareFfs } from './common.mjs';
import { PEMBRO_MK, SYS, administration, at, bundle, encounter, medication, patient, qty, ref, request } from './fhir.mjs';
import { claim, money, researchStudy, researchSubject } from './finance.mjs';

const D = '2026-08-05';
const OFFICE = 'loc-office-pos11';
const CARC = 'https://x12.org/codes/claim-adjustment-reason-codes';
const RARC = 'https://x12.org/codes/remittance-advice-remark-codes';
const ADJ = 'http://terminology.hl7.org/CodeSystem/adjudication';

/** Day-only products (real NDCs and HCPCS from ../shared/domain/drug-catalog.json). */
const DAY_DRUGS = {
  atezolizumab1200: { text: 'Atezolizumab 1200 mg/20 mL vial', ndc: '50242-0917-01', hcpcs: 'J9022', amount: [1200, 'mg'], volumeMl: 20, perMl: [60, 'mg'], ingredient: 'Atezolizumab' },
  durvalumab500: { text: 'Durvalumab 500 mg/10 mL vial', ndc: '00310-4611-50', hcpcs: 'J9173', amount: [500, 'mg'], volumeMl: 10, perMl: [50, 'mg'], ingredient: 'Durvalumab' },
  pegfilgrastim6: { text: 'Pegfilgrastim 6 mg/0.6 mL prefilled syringe', ndc: '55513-0190-01', hcpcs: 'J2506', amount: [6, 'mg'], volumeMl: 0.6, perMl: [10, 'mg'], ingredient: 'Pegfilgrastim' },
  oxaliplatin100: DRUGS.oxaliplatin100,
};

/** A chair of the infusion suite: its own Location, part of the office location. */
export function chair(n) {
  return {
    resourceType: 'Location',
    id: `day-chair-${n}`,
    status: 'active',
    name: `Chair ${n}`,
    description: `Infusion chair ${n}, infusion suite`,
    mode: 'instance',
    physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'bd', display: 'Bed' }], text: 'Infusion chair' },
    managingOrganization: ref('Organization/org-clinic'),
    partOf: ref(`Location/${OFFICE}`),
  };
}

/** The visit's Encounter at the office (first, for the place of service) and in its chair. */
function visit(id, pt, n, o) {
  const e = encounter(id, pt, { location: OFFICE, ...o });
  e.location.push({ location: ref(`Location/day-chair-${n}`, `Chair ${n}`), status: o.status === 'finished' ? 'completed' : 'active' });
  return e;
}

/**
 * An order with the bag's volume (dispenseRequest.quantity, mL) and rate (mL/h) where the
 * prescriber gave them: the board's planned end.
 */
function order(id, pt, enc, medId, { dose, text, rate, volume, reason, status = 'active' }) {
  const r = request(id, pt, enc, medId, { dose, text, authoredOn: '2026-08-04', status, reason });
  if (rate) r.dosageInstruction[0].doseAndRate[0].rateQuantity = qty(rate, 'mL/h');
  if (volume) r.dispenseRequest = { quantity: qty(volume, 'mL') };
  return r;
}

const SC_ROUTE = {
  coding: [
    { system: SYS.snomed, code: '34206005', display: 'Subcutaneous route' },
    { system: 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration', code: 'SQ', display: 'Injection, subcutaneous' },
  ],
};

/** A past claim (use claim) and the payer's answer, one adjudication per item. */
function deniedClaim(x, pt, cov, o) {
  const c = claim(`${x}-claim-${o.date}`, pt, {
    status: 'active', created: o.date, insurer: o.insurer, coverage: cov, diagnoses: o.diagnoses,
    items: o.items.map((it) => ({ ...it, date: o.date })),
  });
  const cr = {
    resourceType: 'ClaimResponse',
    id: `${x}-claimresponse-${o.date}`,
    status: 'active',
    type: { coding: [{ system: SYS.claimType, code: 'professional' }] },
    use: 'claim',
    patient: ref(`Patient/${pt}`),
    created: o.answered,
    insurer: ref(`Organization/${o.insurer}`),
    request: ref(`Claim/${c.id}`),
    outcome: 'complete',
    disposition: o.disposition,
    item: o.items.map((it, i) => ({
      itemSequence: i + 1,
      adjudication: it.denied
        ? [
            { category: { coding: [{ system: ADJ, code: 'submitted' }] }, amount: money(it.net) },
            {
              category: { coding: [{ system: ADJ, code: 'benefit' }] },
              reason: { coding: [...it.denied.carc.map((code) => ({ system: CARC, code })), ...(it.denied.rarc ?? []).map((code) => ({ system: RARC, code }))] },
              amount: money(0),
            },
          ]
        : [
            { category: { coding: [{ system: ADJ, code: 'submitted' }] }, amount: money(it.net) },
            { category: { coding: [{ system: ADJ, code: 'benefit' }] }, amount: money(it.paid) },
          ],
    })),
  };
  return [c, cr];
}

function story(x, { pt, mrn, name, gender, birthDate, cov }, body) {
  const ptId = `pt-${x}`;
  return bundle([
    patient(ptId, { family: name[1], given: [name[0]], gender, birthDate, mrn }),
    cov === 'ppo' ? acmePpo(`${x}-cov`, ptId, pt) : medicareFfs(`${x}-cov`, ptId, pt),
    ...body(ptId, `${x}-cov`),
  ]);
}

const LUNG = ['C34.90', 'Malignant neoplasm of unspecified part of unspecified bronchus or lung'];
const COLON = ['C18.9', 'Malignant neoplasm of colon, unspecified'];
const BREAST = ['C50.911', 'Malignant neoplasm of unspecified site of right female breast'];

// 21 — chair 1, morning: pembrolizumab, finished and clean.
export function dayPembroChair1() {
  const x = 'day-pembro', enc = 'enc-day-pembro-20260805';
  return story(x, { pt: '8AB1CD2EF21', mrn: 'ED-100121', name: ['Dolores', 'Ferreira'], gender: 'female', birthDate: '1954-06-12' }, (pt) => [
    chair(1),
    visit(enc, pt, 1, { start: at(D, '08:30'), end: at(D, '09:40'), status: 'finished' }),
    PEMBRO_MK,
    medication(`${x}-med-pembrolizumab`, DRUGS.pembrolizumab),
    order(`${x}-rx-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, { dose: [200, 'mg'], text: 'Pembrolizumab 200 mg in 100 mL over 30 min every 3 weeks', rate: 200, volume: 100, reason: LUNG, status: 'completed' }),
    administration(`${x}-ma-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, { kind: 'infusion', start: at(D, '08:45'), end: at(D, '09:16'), dose: [200, 'mg'], rate: 200, request: `${x}-rx-pembrolizumab`, containers: [['00006-3026-02', 2]] }),
  ]);
}

// 22 — chair 1, afternoon: atezolizumab running since 12:30; 250 mL at 250 mL/h → planned end 13:30.
export function dayAtezoChair1() {
  const x = 'day-atezo', enc = 'enc-day-atezo-20260805';
  return story(x, { pt: '8AB1CD2EF22', mrn: 'ED-100122', name: ['Tomasz', 'Wojcik'], gender: 'male', birthDate: '1959-02-03' }, (pt) => [
    chair(1),
    visit(enc, pt, 1, { start: at(D, '12:10'), status: 'in-progress' }),
    medication(`${x}-med-atezolizumab`, DAY_DRUGS.atezolizumab1200),
    order(`${x}-rx-atezolizumab`, pt, enc, `${x}-med-atezolizumab`, { dose: [1200, 'mg'], text: 'Atezolizumab 1200 mg in 250 mL at 250 mL/h every 3 weeks', rate: 250, volume: 250, reason: LUNG }),
    administration(`${x}-ma-atezolizumab`, pt, enc, `${x}-med-atezolizumab`, { kind: 'infusion', status: 'in-progress', start: at(D, '12:30'), dose: [1200, 'mg'], rate: 250, request: `${x}-rx-atezolizumab`, containers: [['50242-0917-01', 1]] }),
  ]);
}

// 23 — chair 2: dexamethasone push, paclitaxel running since 09:30; 500 mL at 150 mL/h → 12:50.
export function dayPaclitaxelChair2() {
  const x = 'day-paclitaxel', enc = 'enc-day-paclitaxel-20260805';
  return story(x, { pt: 'ACM881230023', mrn: 'ED-100123', name: ['Amara', 'Diallo'], gender: 'female', birthDate: '1966-10-30', cov: 'ppo' }, (pt) => [
    chair(2),
    visit(enc, pt, 2, { start: at(D, '08:40'), status: 'in-progress' }),
    medication(`${x}-med-dexamethasone`, DRUGS.dexamethasone10),
    medication(`${x}-med-paclitaxel`, DRUGS.paclitaxel300),
    order(`${x}-rx-dexamethasone`, pt, enc, `${x}-med-dexamethasone`, { dose: [20, 'mg'], text: 'Dexamethasone 20 mg IV push 30 min before paclitaxel', reason: BREAST, status: 'completed' }),
    order(`${x}-rx-paclitaxel`, pt, enc, `${x}-med-paclitaxel`, { dose: [300, 'mg'], text: 'Paclitaxel 175 mg/m2 (BSA 1.71) in 500 mL at 150 mL/h', rate: 150, volume: 500, reason: BREAST }),
    administration(`${x}-ma-dexamethasone`, pt, enc, `${x}-med-dexamethasone`, { kind: 'push', start: at(D, '09:00'), end: at(D, '09:02'), dose: [20, 'mg'], request: `${x}-rx-dexamethasone`, containers: [['63323-0506-01', 2]] }),
    administration(`${x}-ma-paclitaxel`, pt, enc, `${x}-med-paclitaxel`, { kind: 'infusion', status: 'in-progress', start: at(D, '09:30'), dose: [300, 'mg'], rate: 150, request: `${x}-rx-paclitaxel`, containers: [['63323-0763-50', 1]] }),
  ]);
}

// 24 — chair 3: nivolumab running since 11:45; the order gives no rate or volume → planned end not known.
export function dayNivolumabChair3() {
  const x = 'day-nivolumab', enc = 'enc-day-nivolumab-20260805';
  return story(x, { pt: 'ACM881230024', mrn: 'ED-100124', name: ['Hiroshi', 'Tanaka'], gender: 'male', birthDate: '1963-01-25', cov: 'ppo' }, (pt) => [
    chair(3),
    visit(enc, pt, 3, { start: at(D, '11:30'), status: 'in-progress' }),
    medication(`${x}-med-nivolumab`, DRUGS.nivolumab240),
    order(`${x}-rx-nivolumab`, pt, enc, `${x}-med-nivolumab`, { dose: [240, 'mg'], text: 'Nivolumab 240 mg IV every 2 weeks', reason: ['C64.9', 'Malignant neoplasm of unspecified kidney, except renal pelvis'] }),
    administration(`${x}-ma-nivolumab`, pt, enc, `${x}-med-nivolumab`, { kind: 'infusion', status: 'in-progress', start: at(D, '11:45'), dose: [240, 'mg'], request: `${x}-rx-nivolumab`, containers: [['00003-3734-13', 1]] }),
  ]);
}

// 25 — chair 4: bevacizumab charted completed at 09:10 with no stop time; the visit still open.
export function dayBevacizumabChair4() {
  const x = 'day-bevacizumab', enc = 'enc-day-bevacizumab-20260805';
  return story(x, { pt: '8AB1CD2EF25', mrn: 'ED-100125', name: ['Ruth', 'Goldberg'], gender: 'female', birthDate: '1950-08-08' }, (pt) => [
    chair(4),
    visit(enc, pt, 4, { start: at(D, '08:50'), status: 'in-progress' }),
    medication(`${x}-med-bevacizumab`, DRUGS.bevacizumab400),
    order(`${x}-rx-bevacizumab`, pt, enc, `${x}-med-bevacizumab`, { dose: [400, 'mg'], text: 'Bevacizumab 5 mg/kg (80 kg) in 100 mL at 200 mL/h every 2 weeks', rate: 200, volume: 100, reason: COLON, status: 'completed' }),
    administration(`${x}-ma-bevacizumab`, pt, enc, `${x}-med-bevacizumab`, { kind: 'infusion', start: at(D, '09:10'), dose: [400, 'mg'], rate: 200, request: `${x}-rx-bevacizumab`, containers: [['50242-0061-01', 1]] }),
  ]);
}

// 26 — chair 5, morning: rituximab 650 mg from 2 × 500 mg, 350 mg discarded and documented;
// a May claim for rituximab was denied for its NDC (CARC 16 + RARC M119).
export function dayRituximabChair5() {
  const x = 'day-rituximab', enc = 'enc-day-rituximab-20260805';
  return story(x, { pt: 'ACM881230026', mrn: 'ED-100126', name: ['Emmanuel', 'Boateng'], gender: 'male', birthDate: '1957-12-19', cov: 'ppo' }, (pt, cov) => [
    chair(5),
    visit(enc, pt, 5, { start: at(D, '08:00'), end: at(D, '12:30'), status: 'finished' }),
    medication(`${x}-med-rituximab`, DRUGS.rituximab500),
    order(`${x}-rx-rituximab`, pt, enc, `${x}-med-rituximab`, { dose: [650, 'mg'], text: 'Rituximab 375 mg/m2 (BSA 1.73) in 650 mL, rate escalation per protocol', volume: 650, reason: ['C83.30', 'Diffuse large B-cell lymphoma, unspecified site'], status: 'completed' }),
    administration(`${x}-ma-rituximab`, pt, enc, `${x}-med-rituximab`, {
      kind: 'infusion', start: at(D, '08:15'), end: at(D, '12:15'), dose: [650, 'mg'], rate: 163, request: `${x}-rx-rituximab`,
      containers: [['50242-0053-06', 2]], discarded: [350, 'mg'], note: '2 vials of 500 mg opened; 350 mg (35 mL) discarded.',
    }),
    ...deniedClaim(x, pt, cov, {
      date: '2026-05-13', answered: '2026-06-02', insurer: 'org-acme-ppo', disposition: 'Drug line denied: NDC missing or invalid.',
      diagnoses: [['C83.30', 'Diffuse large B-cell lymphoma, unspecified site']],
      items: [
        { code: '96413', units: 1, net: 310, paid: 248 },
        { code: '96415', units: 3, net: 201, paid: 160.8 },
        { code: 'J9312', units: 65, net: 5200, denied: { carc: ['16'], rarc: ['M119'] } },
        { code: 'J9312', units: 35, modifiers: ['JW'], net: 2800, denied: { carc: ['16'], rarc: ['M119'] } },
      ],
    }),
  ]);
}

// 27 — chair 5, afternoon: oxaliplatin 130 mg running since 12:20 from 2 × 100 mg vials, the
// leftover 70 mg not yet documented; 500 mL at 250 mL/h → 14:20.
export function dayOxaliplatinChair5() {
  const x = 'day-oxaliplatin', enc = 'enc-day-oxaliplatin-20260805';
  return story(x, { pt: '8AB1CD2EF27', mrn: 'ED-100127', name: ['Lucia', 'Romano'], gender: 'female', birthDate: '1961-04-02' }, (pt) => [
    chair(5),
    visit(enc, pt, 5, { start: at(D, '12:00'), status: 'in-progress' }),
    medication(`${x}-med-oxaliplatin`, DAY_DRUGS.oxaliplatin100),
    order(`${x}-rx-oxaliplatin`, pt, enc, `${x}-med-oxaliplatin`, { dose: [130, 'mg'], text: 'Oxaliplatin 85 mg/m2 (BSA 1.53) in 500 mL at 250 mL/h', rate: 250, volume: 500, reason: COLON }),
    administration(`${x}-ma-oxaliplatin`, pt, enc, `${x}-med-oxaliplatin`, { kind: 'infusion', status: 'in-progress', start: at(D, '12:20'), dose: [130, 'mg'], rate: 250, request: `${x}-rx-oxaliplatin`, containers: [['63323-0750-20', 2]] }),
  ]);
}

// 28 — chair 6, morning: trial patient (routine-care durvalumab on study NCT09990003), finished.
export function dayTrialChair6() {
  const x = 'day-trial', enc = 'enc-day-trial-20260805', study = 'day-trial-study';
  return story(x, { pt: '8AB1CD2EF28', mrn: 'ED-100128', name: ['Graham', 'Whitfield'], gender: 'male', birthDate: '1952-09-27' }, (pt) => [
    chair(6),
    {
      resourceType: 'Organization', id: `${x}-sponsor`, active: true, name: 'Northeast Lung Trials Network (synthetic sponsor)',
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'edu' }] }],
    },
    researchStudy(study, { nct: 'NCT09990003', title: 'Consolidation durvalumab with an added imaging schedule in stage III NSCLC (synthetic)', focusHcpcs: 'J9173', focusText: 'Durvalumab (approved use, imaging schedule under study)', sponsor: `${x}-sponsor`, start: '2026-02-01' }),
    researchSubject(`${x}-subject`, pt, study, { start: '2026-04-06', arm: 'Added imaging schedule' }),
    visit(enc, pt, 6, { start: at(D, '09:40'), end: at(D, '11:10'), status: 'finished', researchStudy: study }),
    medication(`${x}-med-durvalumab`, DAY_DRUGS.durvalumab500),
    order(`${x}-rx-durvalumab`, pt, enc, `${x}-med-durvalumab`, { dose: [1500, 'mg'], text: 'Durvalumab 1500 mg in 250 mL at 250 mL/h every 4 weeks', rate: 250, volume: 250, reason: LUNG, status: 'completed' }),
    administration(`${x}-ma-durvalumab`, pt, enc, `${x}-med-durvalumab`, { kind: 'infusion', start: at(D, '10:00'), end: at(D, '11:01'), dose: [1500, 'mg'], rate: 250, request: `${x}-rx-durvalumab`, containers: [['00310-4611-50', 3]], researchStudy: study }),
  ]);
}

// 29 — chair 7: pegfilgrastim 6 mg subcutaneous injection; a July claim for it was denied for
// the missing JZ modifier (CARC 4).
export function dayInjectionChair7() {
  const x = 'day-injection', enc = 'enc-day-injection-20260805';
  return story(x, { pt: '8AB1CD2EF29', mrn: 'ED-100129', name: ['Nadia', 'Haddad'], gender: 'female', birthDate: '1971-03-15' }, (pt, cov) => {
    const ma = administration(`${x}-ma-pegfilgrastim`, pt, enc, `${x}-med-pegfilgrastim`, { kind: 'push', start: at(D, '10:30'), end: at(D, '10:31'), dose: [6, 'mg'], request: `${x}-rx-pegfilgrastim`, containers: [['55513-0190-01', 1]], site: 'Left upper arm' });
    ma.dosage.route = SC_ROUTE;
    delete ma.dosage.method;
    const rx = order(`${x}-rx-pegfilgrastim`, pt, enc, `${x}-med-pegfilgrastim`, { dose: [6, 'mg'], text: 'Pegfilgrastim 6 mg subcutaneous once per cycle, 24 h after chemotherapy', reason: BREAST, status: 'completed' });
    rx.dosageInstruction[0].route = SC_ROUTE;
    return [
      chair(7),
      visit(enc, pt, 7, { start: at(D, '10:20'), end: at(D, '10:45'), status: 'finished' }),
      medication(`${x}-med-pegfilgrastim`, DAY_DRUGS.pegfilgrastim6),
      rx,
      ma,
      ...deniedClaim(x, pt, cov, {
        date: '2026-07-15', answered: '2026-07-29', insurer: 'org-medicare-mac', disposition: 'Drug line denied: required modifier missing.',
        diagnoses: [BREAST],
        items: [
          { code: '96372', units: 1, net: 25, paid: 20 },
          { code: 'J2506', units: 12, net: 3300, denied: { carc: ['4'] } },
        ],
      }),
    ];
  });
}

// 30 — chair 8, morning: gemcitabine, finished; a June claim was denied for a missing
// authorization (CARC 197).
export function dayGemcitabineChair8() {
  const x = 'day-gemcitabine', enc = 'enc-day-gemcitabine-20260805';
  const PANCREAS = ['C25.9', 'Malignant neoplasm of pancreas, unspecified'];
  return story(x, { pt: 'ACM881230030', mrn: 'ED-100130', name: ['Victor', 'Lindqvist'], gender: 'male', birthDate: '1958-11-11', cov: 'ppo' }, (pt, cov) => [
    chair(8),
    visit(enc, pt, 8, { start: at(D, '08:45'), end: at(D, '09:50'), status: 'finished' }),
    medication(`${x}-med-gemcitabine`, DRUGS.gemcitabine1g),
    medication(`${x}-med-gemcitabine200`, { ...DRUGS.gemcitabine1g, text: 'Gemcitabine 200 mg vial', ndc: '00409-0185-01', amount: [200, 'mg'] }),
    order(`${x}-rx-gemcitabine`, pt, enc, `${x}-med-gemcitabine`, { dose: [1800, 'mg'], text: 'Gemcitabine 1000 mg/m2 (BSA 1.80) in 250 mL over 30 min', rate: 500, volume: 250, reason: PANCREAS, status: 'completed' }),
    administration(`${x}-ma-gemcitabine`, pt, enc, `${x}-med-gemcitabine`, { kind: 'infusion', start: at(D, '09:00'), end: at(D, '09:31'), dose: [1800, 'mg'], rate: 500, request: `${x}-rx-gemcitabine`, containers: [['00409-0186-01', 1], ['00409-0185-01', 4]] }),
    ...deniedClaim(x, pt, cov, {
      date: '2026-06-17', answered: '2026-07-06', insurer: 'org-acme-ppo', disposition: 'Denied: precertification or authorization absent.',
      diagnoses: [PANCREAS],
      items: [
        { code: '96413', units: 1, net: 310, denied: { carc: ['197'] } },
        { code: 'J9201', units: 9, modifiers: ['JZ'], net: 180, denied: { carc: ['197'] } },
      ],
    }),
  ]);
}

// 31 — chair 6, afternoon: saline hydration running since 12:55; 1000 mL at 500 mL/h → 14:55.
export function dayHydrationChair6() {
  const x = 'day-hydration', enc = 'enc-day-hydration-20260805';
  return story(x, { pt: '8AB1CD2EF31', mrn: 'ED-100131', name: ['Beatrice', 'Okonjo'], gender: 'female', birthDate: '1968-05-05' }, (pt) => [
    chair(6),
    visit(enc, pt, 6, { start: at(D, '12:40'), status: 'in-progress' }),
    medication(`${x}-med-saline`, DRUGS.saline1000),
    order(`${x}-rx-hydration`, pt, enc, `${x}-med-saline`, { dose: [1000, 'mL'], text: 'Sodium chloride 0.9% 1000 mL at 500 mL/h for dehydration', rate: 500, volume: 1000, reason: ['E86.0', 'Dehydration'] }),
    administration(`${x}-ma-hydration`, pt, enc, `${x}-med-saline`, { kind: 'infusion', status: 'in-progress', start: at(D, '12:55'), dose: [1000, 'mL'], rate: 500, request: `${x}-rx-hydration` }),
  ]);
}

// 32 — chair 8, afternoon: ondansetron push 13:00 and fosaprepitant charted completed without
// a stop time; the visit still open.
export function dayFosaprepitantChair8() {
  const x = 'day-fosaprepitant', enc = 'enc-day-fosaprepitant-20260805';
  return story(x, { pt: '8AB1CD2EF32', mrn: 'ED-100132', name: ['Samuel', 'Achterberg'], gender: 'male', birthDate: '1964-07-07' }, (pt) => [
    chair(8),
    visit(enc, pt, 8, { start: at(D, '12:45'), status: 'in-progress' }),
    medication(`${x}-med-ondansetron`, DRUGS.ondansetron4),
    medication(`${x}-med-fosaprepitant`, DRUGS.fosaprepitant150),
    order(`${x}-rx-ondansetron`, pt, enc, `${x}-med-ondansetron`, { dose: [8, 'mg'], text: 'Ondansetron 8 mg IV push before chemotherapy', reason: LUNG, status: 'completed' }),
    order(`${x}-rx-fosaprepitant`, pt, enc, `${x}-med-fosaprepitant`, { dose: [150, 'mg'], text: 'Fosaprepitant 150 mg in 150 mL at 450 mL/h before chemotherapy', rate: 450, volume: 150, reason: LUNG, status: 'completed' }),
    administration(`${x}-ma-ondansetron`, pt, enc, `${x}-med-ondansetron`, { kind: 'push', start: at(D, '13:00'), end: at(D, '13:02'), dose: [8, 'mg'], request: `${x}-rx-ondansetron`, containers: [['63323-0373-02', 2]] }),
    administration(`${x}-ma-fosaprepitant`, pt, enc, `${x}-med-fosaprepitant`, { kind: 'infusion', start: at(D, '13:05'), dose: [150, 'mg'], rate: 450, request: `${x}-rx-fosaprepitant`, containers: [['63323-0972-10', 1]] }),
  ]);
}

/** File name → builder, for build-fixtures.mjs. */
export const CLINIC_DAY = {
  '21-day-chair1-pembrolizumab-clean.json': dayPembroChair1,
  '22-day-chair1-atezolizumab-running.json': dayAtezoChair1,
  '23-day-chair2-paclitaxel-running.json': dayPaclitaxelChair2,
  '24-day-chair3-nivolumab-running-no-rate.json': dayNivolumabChair3,
  '25-day-chair4-bevacizumab-no-stop-time.json': dayBevacizumabChair4,
  '26-day-chair5-rituximab-waste-denied-ndc.json': dayRituximabChair5,
  '27-day-chair5-oxaliplatin-running-waste-open.json': dayOxaliplatinChair5,
  '28-day-chair6-trial-durvalumab.json': dayTrialChair6,
  '29-day-chair7-pegfilgrastim-injection-denied-jz.json': dayInjectionChair7,
  '30-day-chair8-gemcitabine-denied-auth.json': dayGemcitabineChair8,
  '31-day-chair6-hydration-running.json': dayHydrationChair6,
  '32-day-chair8-fosaprepitant-no-stop-time.json': dayFosaprepitantChair8,
};
