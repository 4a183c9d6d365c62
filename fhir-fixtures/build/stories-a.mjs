// Stories 1–5: FOLFOX, pembrolizumab waste, carboplatin/paclitaxel in progress, rituximab restart,
// clinical trial with sponsor-supplied study drug.
import { DRUGS, acmePpo, med, medicareFfs } from './common.mjs';
import { PEMBRO_MK, administration, at, bundle, encounter, medication, patient, request } from './fhir.mjs';
import { researchStudy, researchSubject } from './finance.mjs';

export function folfox() {
  const pt = 'pt-folfox', enc = 'enc-folfox-20260803', d = '2026-08-03', x = 'folfox';
  const ma = (id, medId, o) => administration(`${x}-ma-${id}`, pt, enc, `${x}-med-${medId}`, { request: `${x}-rx-${id}`, ...o });
  const rx = (id, medId, dose, text) => request(`${x}-rx-${id}`, pt, enc, `${x}-med-${medId}`, { dose, text, authoredOn: '2026-08-01', status: 'completed', reason: ['C18.9', 'Malignant neoplasm of colon, unspecified'] });
  return bundle([
    patient(pt, { family: 'Alvarez', given: ['Rosa'], gender: 'female', birthDate: '1956-03-14', mrn: 'ED-100001' }),
    medicareFfs(`${x}-cov`, pt, '1EG4TE5MK71'),
    encounter(enc, pt, { start: at(d, '08:45'), end: at(d, '14:50'), location: 'loc-office-pos11' }),
    med(`${x}-med-ondansetron`, 'ondansetron4'),
    med(`${x}-med-dexamethasone`, 'dexamethasone4'),
    med(`${x}-med-oxaliplatin`, 'oxaliplatin100'),
    medication(`${x}-med-oxaliplatin50`, { ...DRUGS.oxaliplatin100, text: 'Oxaliplatin 50 mg/10 mL vial', ndc: '63323-0750-10', amount: [50, 'mg'], volumeMl: 10 }),
    med(`${x}-med-leucovorin`, 'leucovorin200'),
    med(`${x}-med-fluorouracil`, 'fluorouracil500'),
    med(`${x}-med-saline`, 'saline1000'),
    med(`${x}-med-flush`, 'salineFlush'),
    rx('ondansetron', 'ondansetron', [8, 'mg'], 'Ondansetron 8 mg IV push before chemotherapy'),
    rx('dexamethasone', 'dexamethasone', [12, 'mg'], 'Dexamethasone 12 mg IV push before chemotherapy'),
    rx('oxaliplatin', 'oxaliplatin', [150, 'mg'], 'Oxaliplatin 85 mg/m2 (BSA 1.76) IV over 2 h'),
    rx('leucovorin', 'leucovorin', [800, 'mg'], 'Leucovorin 400 mg/m2 IV over 2 h'),
    rx('fluorouracil', 'fluorouracil', [700, 'mg'], 'Fluorouracil 400 mg/m2 IV push'),
    rx('hydration', 'saline', [1000, 'mL'], 'Sodium chloride 0.9% 1000 mL IV over 1 h after chemotherapy (renal protection)'),
    ma('ondansetron', 'ondansetron', { kind: 'push', start: at(d, '09:02'), end: at(d, '09:04'), dose: [8, 'mg'], containers: [['63323-0373-02', 2]] }),
    ma('dexamethasone', 'dexamethasone', { kind: 'push', start: at(d, '09:06'), end: at(d, '09:08'), dose: [12, 'mg'], containers: [['63323-0165-01', 3]] }),
    ma('oxaliplatin', 'oxaliplatin', { kind: 'infusion', start: at(d, '09:15'), end: at(d, '11:15'), dose: [150, 'mg'], rate: 250, containers: [['63323-0750-20', 1], ['63323-0750-10', 1]] }),
    ma('leucovorin', 'leucovorin', { kind: 'infusion', start: at(d, '11:20'), end: at(d, '13:20'), dose: [800, 'mg'], rate: 125, containers: [['00143-9368-01', 4]] }),
    ma('fluorouracil', 'fluorouracil', { kind: 'push', start: at(d, '13:25'), end: at(d, '13:28'), dose: [700, 'mg'], containers: [['63323-0117-10', 2]], discarded: [300, 'mg'] }),
    ma('hydration', 'saline', { kind: 'infusion', start: at(d, '13:30'), end: at(d, '14:35'), dose: [1000, 'mL'], rate: 1000 }),
    administration(`${x}-ma-flush`, pt, enc, `${x}-med-flush`, { kind: 'flush', start: at(d, '14:36'), end: at(d, '14:37'), dose: [10, 'mL'] }),
  ]);
}

export function pembroWaste() {
  const pt = 'pt-pembro-waste', enc = 'enc-pembro-waste-20260803', d = '2026-08-03', x = 'pembro-waste';
  return bundle([
    patient(pt, { family: 'Okafor', given: ['James'], gender: 'male', birthDate: '1951-11-02', mrn: 'ED-100002' }),
    medicareFfs(`${x}-cov`, pt, '2FH7UK3PL02'),
    encounter(enc, pt, { start: at(d, '09:40'), end: at(d, '10:45'), location: 'loc-office-pos11' }),
    PEMBRO_MK,
    med(`${x}-med-pembrolizumab`, 'pembrolizumab'),
    request(`${x}-rx-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, { dose: [144, 'mg'], text: 'Pembrolizumab 2 mg/kg (72 kg) IV over 30 min every 3 weeks', authoredOn: '2026-07-31', status: 'completed', reason: ['C43.9', 'Malignant melanoma of skin, unspecified'] }),
    administration(`${x}-ma-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, {
      kind: 'infusion', start: at(d, '10:00'), end: at(d, '10:31'), dose: [144, 'mg'], rate: 200,
      request: `${x}-rx-pembrolizumab`, containers: [['00006-3026-02', 2]], discarded: [56, 'mg'],
      note: '2 vials of 100 mg opened; 56 mg (2.24 mL) discarded.',
    }),
  ]);
}

export function carboPacli() {
  const pt = 'pt-carbo-pacli', enc = 'enc-carbo-pacli-20260804', d = '2026-08-04', x = 'carbo-pacli';
  const rx = (id, medId, dose, text) => request(`${x}-rx-${id}`, pt, enc, `${x}-med-${medId}`, { dose, text, authoredOn: '2026-08-03', reason: ['C34.90', 'Malignant neoplasm of unspecified part of unspecified bronchus or lung'] });
  return bundle([
    patient(pt, { family: 'Nguyen', given: ['Linh'], gender: 'female', birthDate: '1962-07-21', mrn: 'ED-100003' }),
    acmePpo(`${x}-cov`, pt, 'ACM443210987'),
    encounter(enc, pt, { start: at(d, '08:15'), location: 'loc-office-pos11', status: 'in-progress' }),
    med(`${x}-med-dexamethasone`, 'dexamethasone10'),
    med(`${x}-med-diphenhydramine`, 'diphenhydramine50'),
    med(`${x}-med-paclitaxel`, 'paclitaxel300'),
    med(`${x}-med-carboplatin`, 'carboplatin600'),
    rx('dexamethasone', 'dexamethasone', [20, 'mg'], 'Dexamethasone 20 mg IV push 30 min before paclitaxel'),
    rx('diphenhydramine', 'diphenhydramine', [50, 'mg'], 'Diphenhydramine 50 mg IV push before paclitaxel'),
    rx('paclitaxel', 'paclitaxel', [300, 'mg'], 'Paclitaxel 175 mg/m2 (BSA 1.72) IV over 3 h'),
    rx('carboplatin', 'carboplatin', [600, 'mg'], 'Carboplatin AUC 6 IV over 30 min after paclitaxel'),
    administration(`${x}-ma-dexamethasone`, pt, enc, `${x}-med-dexamethasone`, { kind: 'push', start: at(d, '08:30'), end: at(d, '08:32'), dose: [20, 'mg'], request: `${x}-rx-dexamethasone`, containers: [['63323-0506-01', 2]] }),
    administration(`${x}-ma-diphenhydramine`, pt, enc, `${x}-med-diphenhydramine`, { kind: 'push', start: at(d, '08:35'), end: at(d, '08:37'), dose: [50, 'mg'], request: `${x}-rx-diphenhydramine`, containers: [['63323-0664-01', 1]] }),
    administration(`${x}-ma-paclitaxel`, pt, enc, `${x}-med-paclitaxel`, { kind: 'infusion', status: 'in-progress', start: at(d, '09:00'), dose: [300, 'mg'], rate: 183, request: `${x}-rx-paclitaxel`, containers: [['63323-0763-50', 1]] }),
  ]);
}

export function rituxRestart() {
  const pt = 'pt-ritux-restart', enc = 'enc-ritux-restart-20260804', d = '2026-08-04', x = 'ritux-restart';
  return bundle([
    patient(pt, { family: 'Kowalski', given: ['Henry'], gender: 'male', birthDate: '1948-01-30', mrn: 'ED-100004' }),
    medicareFfs(`${x}-cov`, pt, '3JK2ME8RT44'),
    encounter(enc, pt, { start: at(d, '09:10'), end: at(d, '14:30'), location: 'loc-office-pos11' }),
    med(`${x}-med-rituximab`, 'rituximab500'),
    medication(`${x}-med-rituximab100`, { ...DRUGS.rituximab500, text: 'Rituximab 100 mg/10 mL vial', ndc: '50242-0051-21', amount: [100, 'mg'], volumeMl: 10 }),
    med(`${x}-med-diphenhydramine`, 'diphenhydramine50'),
    request(`${x}-rx-rituximab`, pt, enc, `${x}-med-rituximab`, { dose: [700, 'mg'], text: 'Rituximab 375 mg/m2 (BSA 1.87) IV, rate escalation per protocol', authoredOn: '2026-08-03', status: 'completed', reason: ['C83.30', 'Diffuse large B-cell lymphoma, unspecified site'] }),
    request(`${x}-rx-diphenhydramine`, pt, enc, `${x}-med-diphenhydramine`, { dose: [50, 'mg'], text: 'Diphenhydramine 50 mg IV push for infusion reaction', authoredOn: at(d, '10:51'), status: 'completed', reason: ['T80.89XA', 'Other complications following infusion, transfusion and therapeutic injection, initial encounter'] }),
    administration(`${x}-ma-rituximab-1`, pt, enc, `${x}-med-rituximab`, {
      kind: 'infusion', start: at(d, '09:30'), end: at(d, '10:50'), dose: [200, 'mg'], rate: 150, request: `${x}-rx-rituximab`,
      containers: [['50242-0053-06', 1], ['50242-0051-21', 2]],
      note: 'Paused at 10:50 for an infusion reaction (rigors); restarted at half rate at 11:20.',
    }),
    administration(`${x}-ma-diphenhydramine`, pt, enc, `${x}-med-diphenhydramine`, { kind: 'push', start: at(d, '10:52'), end: at(d, '10:54'), dose: [50, 'mg'], request: `${x}-rx-diphenhydramine`, containers: [['63323-0664-01', 1]] }),
    administration(`${x}-ma-rituximab-2`, pt, enc, `${x}-med-rituximab`, { kind: 'infusion', start: at(d, '11:20'), end: at(d, '14:05'), dose: [500, 'mg'], rate: 182, request: `${x}-rx-rituximab`, partOf: `${x}-ma-rituximab-1` }),
  ]);
}

export function trialSponsor() {
  const pt = 'pt-trial-sponsor', enc = 'enc-trial-sponsor-20260805', d = '2026-08-05', x = 'trial-sponsor';
  const study = `${x}-study`;
  const link = { researchStudy: study };
  return bundle([
    patient(pt, { family: 'Brooks', given: ['Evelyn'], gender: 'female', birthDate: '1958-09-09', mrn: 'ED-100005' }),
    medicareFfs(`${x}-cov`, pt, '4LM9PQ2ZX55'),
    {
      resourceType: 'Organization', id: `${x}-sponsor`, active: true, name: 'Synthetic Biotherapeutics Inc. (study sponsor)',
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'bus' }] }],
    },
    researchStudy(study, { nct: 'NCT09990001', title: 'ABC-7 plus gemcitabine in advanced pancreatic cancer (synthetic)', focusHcpcs: 'J9999', focusText: 'ABC-7 investigational antibody', sponsor: `${x}-sponsor`, start: '2026-01-15' }),
    researchSubject(`${x}-subject`, pt, study, { start: '2026-06-01', arm: 'ABC-7 + gemcitabine' }),
    encounter(enc, pt, { start: at(d, '08:40'), end: at(d, '10:40'), location: 'loc-office-pos11', researchStudy: study }),
    medication(`${x}-med-abc7`, { text: 'ABC-7 investigational antibody (study supply)', hcpcs: 'J9999', amount: [500, 'mg'], volumeMl: 10, perMl: [50, 'mg'], ingredient: 'ABC-7' }),
    med(`${x}-med-gemcitabine`, 'gemcitabine1g'),
    medication(`${x}-med-gemcitabine200`, { ...DRUGS.gemcitabine1g, text: 'Gemcitabine 200 mg vial', ndc: '00409-0185-01', amount: [200, 'mg'] }),
    med(`${x}-med-ondansetron`, 'ondansetron4'),
    request(`${x}-rx-abc7`, pt, enc, `${x}-med-abc7`, { dose: [680, 'mg'], text: 'ABC-7 10 mg/kg (68 kg) IV over 40 min per protocol', authoredOn: '2026-08-04', status: 'completed', reason: ['C25.9', 'Malignant neoplasm of pancreas, unspecified'] }),
    request(`${x}-rx-gemcitabine`, pt, enc, `${x}-med-gemcitabine`, { dose: [1800, 'mg'], text: 'Gemcitabine 1000 mg/m2 (BSA 1.80) IV over 30 min', authoredOn: '2026-08-04', status: 'completed', reason: ['C25.9', 'Malignant neoplasm of pancreas, unspecified'] }),
    request(`${x}-rx-ondansetron`, pt, enc, `${x}-med-ondansetron`, { dose: [8, 'mg'], text: 'Ondansetron 8 mg IV push per protocol', authoredOn: '2026-08-04', status: 'completed' }),
    administration(`${x}-ma-ondansetron`, pt, enc, `${x}-med-ondansetron`, { kind: 'push', start: at(d, '08:50'), end: at(d, '08:52'), dose: [8, 'mg'], request: `${x}-rx-ondansetron`, containers: [['63323-0373-02', 2]], ...link }),
    administration(`${x}-ma-abc7`, pt, enc, `${x}-med-abc7`, { kind: 'infusion', start: at(d, '09:00'), end: at(d, '09:40'), dose: [680, 'mg'], rate: 150, request: `${x}-rx-abc7`, sponsorSupplied: true, trialItemRole: 'investigational', ...link }),
    administration(`${x}-ma-gemcitabine`, pt, enc, `${x}-med-gemcitabine`, { kind: 'infusion', start: at(d, '09:45'), end: at(d, '10:15'), dose: [1800, 'mg'], rate: 500, request: `${x}-rx-gemcitabine`, containers: [['00409-0186-01', 1], ['00409-0185-01', 4]], ...link }),
  ]);
}

