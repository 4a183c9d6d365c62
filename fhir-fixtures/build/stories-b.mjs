// Stories 6–10: authorization expired, coverage ended, hospital outpatient with concurrent
// infusions, a drafted claim with errors, and a clean day.
import { DRUGS, acmePpo, med, medicareFfs } from './common.mjs';
import { PEMBRO_MK, administration, at, bundle, encounter, medication, patient, request } from './fhir.mjs';
import { claim, claimResponse, eligibility } from './finance.mjs';

export function authExpired() {
  const pt = 'pt-auth-expired', enc = 'enc-auth-expired-20260805', d = '2026-08-05', x = 'auth-expired';
  const next = 'enc-auth-expired-20260819';
  return bundle([
    patient(pt, { family: 'Haddad', given: ['Samir'], gender: 'male', birthDate: '1960-05-17', mrn: 'ED-100006' }),
    acmePpo(`${x}-cov`, pt, 'ACM551209876'),
    encounter(enc, pt, { start: at(d, '13:00'), end: at(d, '14:05'), location: 'loc-office-pos11' }),
    med(`${x}-med-nivolumab`, 'nivolumab240'),
    ...eligibility(`${x}-elig`, pt, { created: '2026-01-20', insurer: 'org-acme-ppo', coverage: `${x}-cov`, hcpcs: 'J9299' }),
    claim(`${x}-pa-request`, pt, {
      use: 'preauthorization', status: 'active', created: '2026-01-22', insurer: 'org-acme-ppo', coverage: `${x}-cov`,
      items: [{ code: 'J9299', units: 2880 }], diagnoses: [['C64.9', 'Malignant neoplasm of unspecified kidney, except renal pelvis']],
    }),
    claimResponse(`${x}-pa-response`, pt, {
      created: '2026-01-29', insurer: 'org-acme-ppo', request: `${x}-pa-request`, preAuthRef: 'PA-55120',
      start: '2026-02-01', end: '2026-07-29', disposition: 'Nivolumab 240 mg every 2 weeks approved for 6 months.',
    }),
    request(`${x}-rx-nivolumab`, pt, enc, `${x}-med-nivolumab`, { dose: [240, 'mg'], text: 'Nivolumab 240 mg IV over 30 min every 2 weeks', authoredOn: '2026-08-04', status: 'completed', reason: ['C64.9', 'Malignant neoplasm of unspecified kidney, except renal pelvis'] }),
    administration(`${x}-ma-nivolumab`, pt, enc, `${x}-med-nivolumab`, { kind: 'infusion', start: at(d, '13:20'), end: at(d, '13:51'), dose: [240, 'mg'], rate: 100, request: `${x}-rx-nivolumab`, containers: [['00003-3734-13', 1]] }),
    // The next cycle: booked and ordered, not yet given (planned-dose checks, billing-rules P-1–P-8).
    encounter(next, pt, { start: at('2026-08-19', '13:00'), location: 'loc-office-pos11', status: 'planned' }),
    request(`${x}-rx-nivolumab-cycle2`, pt, next, `${x}-med-nivolumab`, { dose: [240, 'mg'], text: 'Nivolumab 240 mg IV over 30 min every 2 weeks (cycle 2)', authoredOn: '2026-08-05', status: 'active', reason: ['C64.9', 'Malignant neoplasm of unspecified kidney, except renal pelvis'] }),
  ]);
}

export function coverageEnded() {
  const pt = 'pt-coverage-ended', enc = 'enc-coverage-ended-20260806', d = '2026-08-06', x = 'coverage-ended';
  return bundle([
    patient(pt, { family: 'Morrison', given: ['Claire'], gender: 'female', birthDate: '1970-12-05', mrn: 'ED-100007' }),
    acmePpo(`${x}-cov`, pt, 'ACM660012345', '2026-07-31'),
    encounter(enc, pt, { start: at(d, '10:40'), end: at(d, '11:40'), location: 'loc-office-pos11' }),
    med(`${x}-med-bevacizumab`, 'bevacizumab400'),
    request(`${x}-rx-bevacizumab`, pt, enc, `${x}-med-bevacizumab`, { dose: [400, 'mg'], text: 'Bevacizumab 5 mg/kg (80 kg) IV over 30 min every 2 weeks', authoredOn: '2026-08-05', status: 'completed', reason: ['C18.9', 'Malignant neoplasm of colon, unspecified'] }),
    administration(`${x}-ma-bevacizumab`, pt, enc, `${x}-med-bevacizumab`, { kind: 'infusion', start: at(d, '11:00'), end: at(d, '11:32'), dose: [400, 'mg'], rate: 200, request: `${x}-rx-bevacizumab`, containers: [['50242-0061-01', 1]] }),
  ]);
}

export function hopdConcurrent() {
  const pt = 'pt-hopd-concurrent', enc = 'enc-hopd-concurrent-20260806', d = '2026-08-06', x = 'hopd-concurrent';
  const rx = (id, medId, dose, text) => request(`${x}-rx-${id}`, pt, enc, `${x}-med-${medId}`, { dose, text, authoredOn: '2026-08-05', status: 'completed', reason: ['C34.90', 'Malignant neoplasm of unspecified part of unspecified bronchus or lung'] });
  return bundle([
    patient(pt, { family: 'Reyes', given: ['Marco'], gender: 'male', birthDate: '1955-04-11', mrn: 'ED-100008' }),
    medicareFfs(`${x}-cov`, pt, '5NP3QR7ST88'),
    encounter(enc, pt, { start: at(d, '08:50'), end: at(d, '11:10'), location: 'loc-hopd-pos22' }),
    PEMBRO_MK,
    med(`${x}-med-ondansetron`, 'ondansetron4'),
    med(`${x}-med-pembrolizumab`, 'pembrolizumab'),
    med(`${x}-med-carboplatin`, 'carboplatin450'),
    med(`${x}-med-fosaprepitant`, 'fosaprepitant150'),
    rx('ondansetron', 'ondansetron', [8, 'mg'], 'Ondansetron 8 mg IV push'),
    rx('pembrolizumab', 'pembrolizumab', [200, 'mg'], 'Pembrolizumab 200 mg IV over 30 min'),
    rx('carboplatin', 'carboplatin', [450, 'mg'], 'Carboplatin AUC 5 IV over 45 min'),
    rx('fosaprepitant', 'fosaprepitant', [150, 'mg'], 'Fosaprepitant 150 mg IV over 20 min (separate bag, same line)'),
    administration(`${x}-ma-ondansetron`, pt, enc, `${x}-med-ondansetron`, { kind: 'push', start: at(d, '09:10'), end: at(d, '09:12'), dose: [8, 'mg'], request: `${x}-rx-ondansetron`, containers: [['63323-0373-02', 2]], site: 'Left forearm' }),
    administration(`${x}-ma-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, { kind: 'infusion', start: at(d, '09:20'), end: at(d, '09:50'), dose: [200, 'mg'], rate: 200, request: `${x}-rx-pembrolizumab`, containers: [['00006-3026-02', 2]], site: 'Left forearm' }),
    administration(`${x}-ma-carboplatin`, pt, enc, `${x}-med-carboplatin`, { kind: 'infusion', start: at(d, '10:00'), end: at(d, '10:45'), dose: [450, 'mg'], rate: 400, request: `${x}-rx-carboplatin`, containers: [['61703-0339-50', 1]], site: 'Left forearm' }),
    administration(`${x}-ma-fosaprepitant`, pt, enc, `${x}-med-fosaprepitant`, { kind: 'infusion', start: at(d, '10:05'), end: at(d, '10:25'), dose: [150, 'mg'], rate: 450, request: `${x}-rx-fosaprepitant`, containers: [['63323-0972-10', 1]], site: 'Left forearm' }),
  ]);
}

export function claimErrors() {
  const pt = 'pt-claim-errors', enc = 'enc-claim-errors-20260807', d = '2026-08-07', x = 'claim-errors';
  const rx = (id, medId, dose, text) => request(`${x}-rx-${id}`, pt, enc, `${x}-med-${medId}`, { dose, text, authoredOn: '2026-08-06', status: 'completed', reason: ['C90.00', 'Multiple myeloma not having achieved remission'] });
  return bundle([
    patient(pt, { family: 'Thompson', given: ['Grace'], gender: 'female', birthDate: '1953-08-28', mrn: 'ED-100009' }),
    medicareFfs(`${x}-cov`, pt, '6QR8ST1UV99'),
    encounter(enc, pt, { start: at(d, '09:15'), end: at(d, '13:45'), location: 'loc-office-pos11' }),
    med(`${x}-med-dexamethasone`, 'dexamethasone10'),
    med(`${x}-med-diphenhydramine`, 'diphenhydramine50'),
    med(`${x}-med-daratumumab`, 'daratumumab400'),
    rx('dexamethasone', 'dexamethasone', [20, 'mg'], 'Dexamethasone 20 mg IV push before daratumumab'),
    rx('diphenhydramine', 'diphenhydramine', [50, 'mg'], 'Diphenhydramine 50 mg IV push before daratumumab'),
    rx('daratumumab', 'daratumumab', [1120, 'mg'], 'Daratumumab 16 mg/kg (70 kg) IV over 3.5 h'),
    administration(`${x}-ma-dexamethasone`, pt, enc, `${x}-med-dexamethasone`, { kind: 'push', start: at(d, '09:30'), end: at(d, '09:32'), dose: [20, 'mg'], request: `${x}-rx-dexamethasone`, containers: [['63323-0506-01', 2]] }),
    administration(`${x}-ma-diphenhydramine`, pt, enc, `${x}-med-diphenhydramine`, { kind: 'push', start: at(d, '09:35'), end: at(d, '09:37'), dose: [50, 'mg'], request: `${x}-rx-diphenhydramine`, containers: [['63323-0664-01', 1]] }),
    administration(`${x}-ma-daratumumab`, pt, enc, `${x}-med-daratumumab`, {
      kind: 'infusion', start: at(d, '10:00'), end: at(d, '13:30'), dose: [1120, 'mg'], rate: 100, request: `${x}-rx-daratumumab`,
      containers: [['57894-0505-20', 3]], discarded: [80, 'mg'], note: '3 vials of 400 mg opened; 80 mg (4 mL) discarded.',
    }),
    claim(`${x}-claim`, pt, {
      status: 'draft', created: '2026-08-07', insurer: 'org-medicare-mac', coverage: `${x}-cov`, encounter: enc,
      diagnoses: [['C90.00', 'Multiple myeloma not having achieved remission']],
      items: [
        { code: '96413', units: 1, date: d, net: 310 },
        { code: '96375', units: 2, date: d, net: 90 },
        { code: 'J9145', units: 112, modifiers: ['JZ'], date: d, net: 8000, ndc: ['57894050520', 56, 'ML'] },
        { code: 'J1100', units: 20, modifiers: ['JZ'], date: d, net: 4, ndc: ['63323050601', 2, 'ML'] },
        { code: 'J1200', units: 1, modifiers: ['JZ'], date: d, net: 2, ndc: ['63323066401', 1, 'ML'] },
      ],
    }),
  ]);
}

export function cleanDay() {
  const pt = 'pt-clean-day', enc = 'enc-clean-day-20260807', d = '2026-08-07', x = 'clean-day';
  return bundle([
    patient(pt, { family: 'Bennett', given: ['Walter'], gender: 'male', birthDate: '1949-02-19', mrn: 'ED-100010' }),
    medicareFfs(`${x}-cov`, pt, '7ST2UV4WX10'),
    encounter(enc, pt, { start: at(d, '09:10'), end: at(d, '10:20'), location: 'loc-office-pos11' }),
    PEMBRO_MK,
    medication(`${x}-med-pembrolizumab`, DRUGS.pembrolizumab),
    request(`${x}-rx-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, { dose: [200, 'mg'], text: 'Pembrolizumab 200 mg IV over 30 min every 3 weeks', authoredOn: '2026-08-06', status: 'completed', reason: ['C34.90', 'Malignant neoplasm of unspecified part of unspecified bronchus or lung'] }),
    administration(`${x}-ma-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, { kind: 'infusion', start: at(d, '09:30'), end: at(d, '10:01'), dose: [200, 'mg'], rate: 200, request: `${x}-rx-pembrolizumab`, containers: [['00006-3026-02', 2]] }),
  ]);
}
