// Claims, authorizations, eligibility and research resources for the fixtures.
import { SYS, qty, ref } from './fhir.mjs';

const money = (value) => ({ value, currency: 'USD' });

function codeOf(code) {
  return /^\d/.test(code) ? { system: SYS.cpt, code } : { system: SYS.hcpcs, code };
}

/** items: [{ code, units, modifiers?, date, net?, ndc? }] */
export function claim(id, patientId, o) {
  const c = {
    resourceType: 'Claim',
    id,
    status: o.status ?? 'draft',
    type: { coding: [{ system: SYS.claimType, code: o.type ?? 'professional' }] },
    use: o.use ?? 'claim',
    patient: ref(`Patient/${patientId}`),
    created: o.created,
    insurer: ref(`Organization/${o.insurer}`),
    provider: ref('Organization/org-clinic'),
    priority: { coding: [{ system: SYS.processPriority, code: 'normal' }] },
    insurance: [{ sequence: 1, focal: true, coverage: ref(`Coverage/${o.coverage}`) }],
    item: o.items.map((it, i) => {
      const item = {
        sequence: i + 1,
        productOrService: { coding: [codeOf(it.code)] },
        quantity: { value: it.units },
      };
      if (it.modifiers?.length) {
        item.modifier = it.modifiers.map((m) => ({ coding: [{ system: /^\d/.test(m) ? SYS.cpt : SYS.hcpcs, code: m }] }));
      }
      if (it.date) item.servicedDate = it.date;
      if (it.net !== undefined) item.net = money(it.net);
      if (o.encounter) item.encounter = [ref(`Encounter/${o.encounter}`)];
      if (it.ndc) {
        item.detail = [
          { sequence: 1, productOrService: { coding: [{ system: SYS.ndc, code: it.ndc[0] }] }, quantity: { value: it.ndc[1], unit: it.ndc[2] } },
        ];
      }
      return item;
    }),
  };
  if (o.diagnoses) {
    c.diagnosis = o.diagnoses.map(([code, display], i) => ({
      sequence: i + 1,
      diagnosisCodeableConcept: { coding: [{ system: SYS.icd10cm, code, display }] },
    }));
  }
  if (o.preAuthRef) c.insurance[0].preAuthRef = [o.preAuthRef];
  if (o.trialNumber) {
    c.supportingInfo = [
      {
        sequence: 1,
        category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory', code: 'info' }] },
        valueString: o.trialNumber,
      },
    ];
  }
  return c;
}

export function claimResponse(id, patientId, o) {
  return {
    resourceType: 'ClaimResponse',
    id,
    status: 'active',
    type: { coding: [{ system: SYS.claimType, code: 'professional' }] },
    use: 'preauthorization',
    patient: ref(`Patient/${patientId}`),
    created: o.created,
    insurer: ref(`Organization/${o.insurer}`),
    request: ref(`Claim/${o.request}`),
    outcome: o.outcome ?? 'complete',
    disposition: o.disposition,
    preAuthRef: o.preAuthRef,
    preAuthPeriod: { start: o.start, end: o.end },
  };
}

export function eligibility(idBase, patientId, o) {
  const item = { productOrService: { coding: [{ system: SYS.hcpcs, code: o.hcpcs }] } };
  return [
    {
      resourceType: 'CoverageEligibilityRequest',
      id: `${idBase}-req`,
      status: 'active',
      purpose: ['auth-requirements'],
      patient: ref(`Patient/${patientId}`),
      created: o.created,
      insurer: ref(`Organization/${o.insurer}`),
      provider: ref('Organization/org-clinic'),
      insurance: [{ focal: true, coverage: ref(`Coverage/${o.coverage}`) }],
      item: [item],
    },
    {
      resourceType: 'CoverageEligibilityResponse',
      id: `${idBase}-resp`,
      status: 'active',
      purpose: ['auth-requirements'],
      patient: ref(`Patient/${patientId}`),
      created: o.created,
      request: ref(`CoverageEligibilityRequest/${idBase}-req`),
      outcome: 'complete',
      insurer: ref(`Organization/${o.insurer}`),
      insurance: [
        {
          coverage: ref(`Coverage/${o.coverage}`),
          inforce: true,
          item: [{ ...item, authorizationRequired: true }],
        },
      ],
    },
  ];
}

export function researchStudy(id, o) {
  return {
    resourceType: 'ResearchStudy',
    id,
    identifier: [{ system: SYS.nct, value: o.nct }],
    title: o.title,
    status: 'active',
    phase: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/research-study-phase', code: 'phase-2' }] },
    focus: [{ coding: [{ system: SYS.hcpcs, code: o.focusHcpcs }], text: o.focusText }],
    sponsor: ref(`Organization/${o.sponsor}`),
    period: { start: o.start },
  };
}

export function researchSubject(id, patientId, studyId, o) {
  return {
    resourceType: 'ResearchSubject',
    id,
    status: o.status ?? 'on-study',
    period: o.end ? { start: o.start, end: o.end } : { start: o.start },
    study: ref(`ResearchStudy/${studyId}`),
    individual: ref(`Patient/${patientId}`),
    assignedArm: o.arm,
  };
}

export { money };
