// Story 11: Medicare Advantage patient in a trial whose drafted claim went to the MA plan.
import { DRUGS } from './common.mjs';
import { PEMBRO_MK, administration, at, bundle, coverage, encounter, medication, patient, request } from './fhir.mjs';
import { claim, researchStudy, researchSubject } from './finance.mjs';

export function trialMaClaim() {
  const pt = 'pt-trial-ma', enc = 'enc-trial-ma-20260806', d = '2026-08-06', x = 'trial-ma';
  const study = `${x}-study`;
  return bundle([
    patient(pt, { family: 'Sato', given: ['Keiko'], gender: 'female', birthDate: '1957-10-03', mrn: 'ED-100011' }),
    coverage(`${x}-cov`, pt, { payor: 'org-acme-ma', payorName: 'Acme Medicare Advantage', sopt: '112', soptDisplay: 'Medicare PPO', start: '2026-01-01', memberId: 'AMA77120034' }),
    {
      resourceType: 'Organization', id: `${x}-sponsor`, active: true, name: 'Cooperative Oncology Group (synthetic sponsor)',
      type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: 'edu' }] }],
    },
    researchStudy(study, { nct: 'NCT09990002', title: 'Pembrolizumab schedule study in NSCLC (synthetic)', focusHcpcs: 'J9271', focusText: 'Pembrolizumab (every-6-week schedule under study)', sponsor: `${x}-sponsor`, start: '2025-11-01' }),
    researchSubject(`${x}-subject`, pt, study, { start: '2026-03-02', arm: 'Every 6 weeks' }),
    encounter(enc, pt, { start: at(d, '13:40'), end: at(d, '14:40'), location: 'loc-office-pos11', researchStudy: study }),
    PEMBRO_MK,
    medication(`${x}-med-pembrolizumab`, DRUGS.pembrolizumab),
    request(`${x}-rx-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, { dose: [400, 'mg'], text: 'Pembrolizumab 400 mg IV over 30 min every 6 weeks per protocol', authoredOn: '2026-08-05', status: 'completed', reason: ['C34.90', 'Malignant neoplasm of unspecified part of unspecified bronchus or lung'] }),
    administration(`${x}-ma-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, {
      kind: 'infusion', start: at(d, '14:00'), end: at(d, '14:31'), dose: [400, 'mg'], rate: 200, request: `${x}-rx-pembrolizumab`,
      containers: [['00006-3026-02', 4]], researchStudy: study,
    }),
    claim(`${x}-claim`, pt, {
      status: 'draft', created: '2026-08-06', insurer: 'org-acme-ma', coverage: `${x}-cov`, encounter: enc,
      diagnoses: [['C34.90', 'Malignant neoplasm of unspecified part of unspecified bronchus or lung']],
      trialNumber: 'CT09990002',
      items: [
        { code: '96413', units: 1, modifiers: ['Q0'], date: d, net: 310 },
        { code: 'J9271', units: 400, modifiers: ['JZ', 'Q0'], date: d, net: 24258, ndc: ['00006302602', 16, 'ML'] },
      ],
    }),
  ]);
}
