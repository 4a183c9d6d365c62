// Story 16: a payer that answers claims only with an ExplanationOfBenefit (as Epic and CARIN
// Blue Button payers report them), never a ClaimResponse. The patient's pembrolizumab claim of
// 22 July 2026 was denied on its drug line (CARC 4 with RARC N822: the required modifier was
// missing, billed without JW or JZ); today (12 August 2026) the same drug is given again, so the
// coder sees "denied before for this" on the J9271 line (issue 17 §4).
import { DRUGS, acmePpo } from './common.mjs';
import { PEMBRO_MK, SYS, administration, at, bundle, encounter, medication, patient, ref, request } from './fhir.mjs';
import { claim, money } from './finance.mjs';

const CARC = 'https://x12.org/codes/claim-adjustment-reason-codes';
const RARC = 'https://x12.org/codes/remittance-advice-remark-codes';
const ADJ = 'http://terminology.hl7.org/CodeSystem/adjudication';
const C4BB_ADJ = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudicationDiscriminator';
const MELANOMA = ['C43.9', 'Malignant melanoma of skin, unspecified'];

/** The payer's ExplanationOfBenefit for a billed claim (CARIN BB shape), one item per claim line. */
function explanationOfBenefit(id, pt, c, o) {
  return {
    resourceType: 'ExplanationOfBenefit',
    id,
    status: 'active',
    type: { coding: [{ system: SYS.claimType, code: 'professional' }] },
    use: 'claim',
    patient: ref(`Patient/${pt}`),
    billablePeriod: { start: o.date, end: o.date },
    created: o.answered,
    insurer: ref(`Organization/${o.insurer}`),
    provider: ref('Organization/org-clinic'),
    claim: ref(`Claim/${c.id}`),
    outcome: 'complete',
    disposition: o.disposition,
    insurance: [{ focal: true, coverage: ref(`Coverage/${o.coverage}`) }],
    item: c.item.map((line, i) => {
      const it = o.items[i];
      const item = {
        sequence: line.sequence,
        productOrService: line.productOrService,
        servicedDate: o.date,
        adjudication: [{ category: { coding: [{ system: ADJ, code: 'submitted' }] }, amount: money(it.net) }],
      };
      if (line.modifier) item.modifier = line.modifier;
      if (it.denied) {
        item.adjudication.push(
          {
            category: { coding: [{ system: C4BB_ADJ, code: 'denialreason' }] },
            reason: { coding: [...it.denied.carc.map((code) => ({ system: CARC, code })), ...it.denied.rarc.map((code) => ({ system: RARC, code }))] },
          },
          { category: { coding: [{ system: ADJ, code: 'benefit' }] }, amount: money(0) },
        );
      } else {
        item.adjudication.push({ category: { coding: [{ system: ADJ, code: 'benefit' }] }, amount: money(it.paid) });
      }
      return item;
    }),
  };
}

export function eobDenied() {
  const x = 'eob-denied', pt = `pt-${x}`, enc = `enc-${x}-20260812`, d = '2026-08-12', cov = `${x}-cov`;
  const items = [
    { code: '96413', units: 1, net: 310, paid: 248 },
    { code: 'J9271', units: 200, net: 10200, denied: { carc: ['4'], rarc: ['N822'] } },
  ];
  const past = claim(`${x}-claim-2026-07-22`, pt, {
    status: 'active', created: '2026-07-22', insurer: 'org-acme-ppo', coverage: cov, diagnoses: [MELANOMA],
    items: items.map(({ code, units, net }) => ({ code, units, net, date: '2026-07-22' })),
  });
  return bundle([
    patient(pt, { family: 'Marchetti', given: ['Elena'], gender: 'female', birthDate: '1957-04-09', mrn: 'ED-100016' }),
    acmePpo(cov, pt, 'ACM550016016'),
    past,
    explanationOfBenefit(`${x}-eob-2026-07-22`, pt, past, {
      date: '2026-07-22', answered: '2026-08-04', insurer: 'org-acme-ppo', coverage: cov, items,
      disposition: 'Drug line denied: required modifier missing.',
    }),
    encounter(enc, pt, { start: at(d, '09:00'), end: at(d, '10:10'), location: 'loc-office-pos11' }),
    PEMBRO_MK,
    medication(`${x}-med-pembrolizumab`, DRUGS.pembrolizumab),
    request(`${x}-rx-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, { dose: [200, 'mg'], text: 'Pembrolizumab 200 mg IV over 30 min every 3 weeks', authoredOn: '2026-08-11', status: 'completed', reason: MELANOMA }),
    administration(`${x}-ma-pembrolizumab`, pt, enc, `${x}-med-pembrolizumab`, {
      kind: 'infusion', start: at(d, '09:15'), end: at(d, '09:46'), dose: [200, 'mg'], rate: 200,
      request: `${x}-rx-pembrolizumab`, containers: [['00006-3026-02', 2]],
    }),
  ]);
}
