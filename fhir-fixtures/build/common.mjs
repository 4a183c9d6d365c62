// Shared pieces of the stories: coverages and drug products from drug-catalog.json.
import { coverage, medication } from './fhir.mjs';

export const medicareFfs = (id, pt, memberId) =>
  coverage(id, pt, { payor: 'org-medicare-mac', payorName: 'Medicare Part B', sopt: '121', soptDisplay: 'Medicare FFS', start: '2020-01-01', memberId });
export const acmePpo = (id, pt, memberId, end) =>
  coverage(id, pt, { payor: 'org-acme-ppo', payorName: 'Acme Health PPO', sopt: '512', soptDisplay: 'Commercial Managed Care - PPO', start: '2025-01-01', end, memberId });

/** Products (real NDCs, HCPCS and RxNorm from ../shared/domain/drug-catalog.json). */
export const DRUGS = {
  pembrolizumab: { text: 'Pembrolizumab 100 mg/4 mL vial', ndc: '00006-3026-02', hcpcs: 'J9271', amount: [100, 'mg'], volumeMl: 4, perMl: [25, 'mg'], ingredient: 'Pembrolizumab' },
  nivolumab240: { text: 'Nivolumab 240 mg/24 mL vial', ndc: '00003-3734-13', hcpcs: 'J9299', amount: [240, 'mg'], volumeMl: 24, perMl: [10, 'mg'], ingredient: 'Nivolumab' },
  bevacizumab400: { text: 'Bevacizumab 400 mg/16 mL vial', ndc: '50242-0061-01', hcpcs: 'J9035', amount: [400, 'mg'], volumeMl: 16, perMl: [25, 'mg'], ingredient: 'Bevacizumab' },
  rituximab500: { text: 'Rituximab 500 mg/50 mL vial', ndc: '50242-0053-06', hcpcs: 'J9312', amount: [500, 'mg'], volumeMl: 50, perMl: [10, 'mg'], ingredient: 'Rituximab' },
  daratumumab400: { text: 'Daratumumab 400 mg/20 mL vial', ndc: '57894-0505-20', hcpcs: 'J9145', amount: [400, 'mg'], volumeMl: 20, perMl: [20, 'mg'], ingredient: 'Daratumumab' },
  carboplatin450: { text: 'Carboplatin 450 mg/45 mL multiple-dose vial', ndc: '61703-0339-50', hcpcs: 'J9045', rxnorm: '597195', amount: [450, 'mg'], volumeMl: 45, perMl: [10, 'mg'], ingredient: 'Carboplatin' },
  carboplatin600: { text: 'Carboplatin 600 mg/60 mL multiple-dose vial', ndc: '16729-0295-12', hcpcs: 'J9045', rxnorm: '597195', amount: [600, 'mg'], volumeMl: 60, perMl: [10, 'mg'], ingredient: 'Carboplatin' },
  paclitaxel300: { text: 'Paclitaxel 300 mg/50 mL multiple-dose vial', ndc: '63323-0763-50', hcpcs: 'J9267', rxnorm: '312199', amount: [300, 'mg'], volumeMl: 50, perMl: [6, 'mg'], ingredient: 'Paclitaxel' },
  oxaliplatin100: { text: 'Oxaliplatin 100 mg/20 mL vial', ndc: '63323-0750-20', hcpcs: 'J9263', amount: [100, 'mg'], volumeMl: 20, perMl: [5, 'mg'], ingredient: 'Oxaliplatin' },
  fluorouracil500: { text: 'Fluorouracil 500 mg/10 mL vial', ndc: '63323-0117-10', amount: [500, 'mg'], volumeMl: 10, perMl: [50, 'mg'], ingredient: 'Fluorouracil' },
  gemcitabine1g: { text: 'Gemcitabine 1 g vial', ndc: '00409-0186-01', hcpcs: 'J9201', amount: [1000, 'mg'], ingredient: 'Gemcitabine' },
  ondansetron4: { text: 'Ondansetron 4 mg/2 mL vial', ndc: '63323-0373-02', hcpcs: 'J2405', amount: [4, 'mg'], volumeMl: 2, perMl: [2, 'mg'], ingredient: 'Ondansetron' },
  dexamethasone4: { text: 'Dexamethasone sodium phosphate 4 mg/mL vial', ndc: '63323-0165-01', hcpcs: 'J1100', amount: [4, 'mg'], volumeMl: 1, perMl: [4, 'mg'], ingredient: 'Dexamethasone sodium phosphate' },
  dexamethasone10: { text: 'Dexamethasone sodium phosphate 10 mg/mL vial', ndc: '63323-0506-01', hcpcs: 'J1100', amount: [10, 'mg'], volumeMl: 1, perMl: [10, 'mg'], ingredient: 'Dexamethasone sodium phosphate' },
  diphenhydramine50: { text: 'Diphenhydramine 50 mg/mL vial', ndc: '63323-0664-01', hcpcs: 'J1200', amount: [50, 'mg'], volumeMl: 1, perMl: [50, 'mg'], ingredient: 'Diphenhydramine hydrochloride' },
  fosaprepitant150: { text: 'Fosaprepitant 150 mg vial', ndc: '63323-0972-10', hcpcs: 'J1453', amount: [150, 'mg'], ingredient: 'Fosaprepitant dimeglumine' },
  // Not in drug-catalog.json: NDC, HCPCS and content from the CMS January 2026 ASP crosswalk.
  leucovorin200: { text: 'Leucovorin calcium 200 mg vial', ndc: '00143-9368-01', hcpcs: 'J0640', amount: [200, 'mg'], ingredient: 'Leucovorin calcium' },
  saline1000: { text: 'Sodium chloride 0.9% 1000 mL', hcpcs: 'J7050', ingredient: 'Sodium chloride 0.9%' },
  salineFlush: { text: 'Sodium chloride 0.9% 10 mL flush syringe' },
};

export const med = (id, key) => medication(id, DRUGS[key]);
