// Builders for the synthetic fixtures: plain FHIR R4 JSON, stable ids, `Type/id` references.
// Run `node fhir-fixtures/build/build-fixtures.mjs` to rewrite fhir-fixtures/*.json.
export const SYS = {
  ndc: 'http://hl7.org/fhir/sid/ndc',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  cpt: 'http://www.ama-assn.org/go/cpt',
  v3Route: 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  sopt: 'https://nahdo.org/sopt',
  pos: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  nct: 'https://clinicaltrials.gov',
  mrn: 'https://everydose.dev/fhir/sid/synthetic-mrn',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  containerType: 'https://everydose.dev/fhir/CodeSystem/container-type',
  appRole: 'https://everydose.dev/fhir/CodeSystem/app-role',
};
export const EXT = 'https://everydose.dev/fhir/StructureDefinition/';
export const WORKFLOW_RESEARCH_STUDY = 'http://hl7.org/fhir/StructureDefinition/workflow-researchStudy';

/** Clinic local time in August 2026 (America/New_York, EDT). */
export const at = (date, hm) => `${date}T${hm}:00-04:00`;
export const qty = (value, unit) => ({ value, unit, system: SYS.ucum, code: unit });
export const ref = (r, display) => (display ? { reference: r, display } : { reference: r });

export function bundle(entries) {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: entries.map((resource) => ({
      fullUrl: `${resource.resourceType}/${resource.id}`,
      resource,
      request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}` },
    })),
  };
}

export function patient(id, { family, given, gender, birthDate, mrn }) {
  return {
    resourceType: 'Patient',
    id,
    identifier: [
      {
        use: 'usual',
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' }] },
        system: SYS.mrn,
        value: mrn,
      },
    ],
    active: true,
    name: [{ use: 'official', family, given }],
    gender,
    birthDate,
    managingOrganization: ref('Organization/org-clinic'),
  };
}

export function coverage(id, patientId, { payor, payorName, sopt, soptDisplay, start, end, status = 'active', order = 1, memberId }) {
  const c = {
    resourceType: 'Coverage',
    id,
    status,
    type: { coding: [{ system: SYS.sopt, code: sopt, display: soptDisplay }], text: payorName },
    subscriberId: memberId,
    beneficiary: ref(`Patient/${patientId}`),
    relationship: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship', code: 'self' }] },
    period: end ? { start, end } : { start },
    payor: [ref(`Organization/${payor}`, payorName)],
    order,
  };
  return c;
}

export function encounter(id, patientId, { start, end, location, status = 'finished', researchStudy, sponsorPaidVisit }) {
  const e = {
    resourceType: 'Encounter',
    id,
    status,
    class: { system: SYS.actCode, code: 'AMB', display: 'ambulatory' },
    type: [{ text: 'Infusion chair visit' }],
    subject: ref(`Patient/${patientId}`),
    participant: [{ individual: ref('Practitioner/nurse-1') }, { individual: ref('Practitioner/clinician-1') }],
    period: end ? { start, end } : { start },
    location: [{ location: ref(`Location/${location}`) }],
    serviceProvider: ref('Organization/org-clinic'),
  };
  const ext = [];
  if (researchStudy) ext.push({ url: WORKFLOW_RESEARCH_STUDY, valueReference: ref(`ResearchStudy/${researchStudy}`) });
  if (sponsorPaidVisit !== undefined) ext.push({ url: `${EXT}sponsor-paid-visit`, valueBoolean: sponsorPaidVisit });
  if (ext.length) e.extension = ext;
  return e;
}

/** A Medication: NDC (+ HCPCS, RxNorm), labeled content and concentration. */
export function medication(id, { text, ndc, hcpcs, rxnorm, amount, volumeMl, perMl, ingredient }) {
  const coding = [];
  if (ndc) coding.push({ system: SYS.ndc, code: ndc });
  if (hcpcs) coding.push({ system: SYS.hcpcs, code: hcpcs });
  if (rxnorm) coding.push({ system: SYS.rxnorm, code: rxnorm });
  const m = { resourceType: 'Medication', id, code: { coding, text }, status: 'active' };
  if (amount) {
    m.amount = volumeMl
      ? { numerator: qty(amount[0], amount[1]), denominator: qty(volumeMl, 'mL') }
      : { numerator: qty(amount[0], amount[1]), denominator: { value: 1, unit: 'vial' } };
  }
  if (ingredient) {
    const ing = { itemCodeableConcept: { text: ingredient }, isActive: true };
    if (perMl) ing.strength = { numerator: qty(perMl[0], perMl[1]), denominator: qty(1, 'mL') };
    m.ingredient = [ing];
  }
  return m;
}

const IV_ROUTE = {
  coding: [
    { system: SYS.snomed, code: '47625008', display: 'Intravenous route' },
    { system: SYS.v3Route, code: 'IV', display: 'Injection, intravenous' },
  ],
};

export function request(id, patientId, encounterId, med, { dose, text, authoredOn, status = 'active', reason, timing }) {
  const r = {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    medicationReference: ref(`Medication/${med}`),
    subject: ref(`Patient/${patientId}`),
    encounter: ref(`Encounter/${encounterId}`),
    authoredOn,
    requester: ref('Practitioner/clinician-1'),
    dosageInstruction: [{ text, route: IV_ROUTE, doseAndRate: [{ doseQuantity: qty(dose[0], dose[1]) }] }],
  };
  if (timing) r.dosageInstruction[0].timing = timing;
  if (reason) r.reasonCode = [{ coding: [{ system: SYS.icd10cm, code: reason[0], display: reason[1] }] }];
  return r;
}

/**
 * A MedicationAdministration. kind: 'push' | 'infusion' | 'flush'. containers: [[ndc, count]].
 */
export function administration(id, patientId, encounterId, med, o) {
  const dosage = { route: IV_ROUTE, site: { text: o.site ?? 'Right chest port' }, dose: qty(o.dose[0], o.dose[1]) };
  if (o.kind === 'push') dosage.method = { coding: [{ system: SYS.v3Route, code: 'IVPUSH', display: 'Push, intravenous' }] };
  if (o.kind === 'flush') {
    dosage.method = { coding: [{ system: SYS.v3Route, code: 'IVFLUSH', display: 'Flush, intravenous catheter' }] };
    dosage.text = 'Line flush';
  }
  if (o.rate) dosage.rateQuantity = qty(o.rate, 'mL/h');
  const a = {
    resourceType: 'MedicationAdministration',
    id,
    status: o.status ?? 'completed',
    medicationReference: ref(`Medication/${med}`),
    subject: ref(`Patient/${patientId}`),
    context: ref(`Encounter/${encounterId}`),
    effectivePeriod: o.end ? { start: o.start, end: o.end } : { start: o.start },
    performer: [{ actor: ref('Practitioner/nurse-1') }],
    dosage,
  };
  if (o.request) a.request = ref(`MedicationRequest/${o.request}`);
  if (o.partOf) a.partOf = [ref(`MedicationAdministration/${o.partOf}`)];
  if (o.note) a.note = [{ text: o.note }];
  const ext = [];
  for (const [ndc, count] of o.containers ?? []) {
    ext.push({
      url: `${EXT}container`,
      extension: [
        { url: 'product', valueCodeableConcept: { coding: [{ system: SYS.ndc, code: ndc }] } },
        { url: 'count', valuePositiveInt: count },
      ],
    });
  }
  if (o.discarded) ext.push({ url: `${EXT}discarded-amount`, valueQuantity: qty(o.discarded[0], o.discarded[1]) });
  if (o.researchStudy) ext.push({ url: WORKFLOW_RESEARCH_STUDY, valueReference: ref(`ResearchStudy/${o.researchStudy}`) });
  if (o.sponsorSupplied) ext.push({ url: `${EXT}sponsor-supplied`, valueBoolean: true });
  if (o.trialItemRole) ext.push({ url: `${EXT}trial-item-role`, valueCode: o.trialItemRole });
  if (ext.length) a.extension = ext;
  return a;
}

/** MedicationKnowledge for one NDC package (contract §2.3): content, concentration, container type. */
export function medicationKnowledge(id, { ndc, hcpcs, text, amount, perMl, volumeMl, container }) {
  return {
    resourceType: 'MedicationKnowledge',
    id,
    code: { coding: [{ system: SYS.ndc, code: ndc }, { system: SYS.hcpcs, code: hcpcs }], text },
    status: 'active',
    amount: qty(amount[0], amount[1]),
    ingredient: [
      { itemCodeableConcept: { text }, isActive: true, strength: { numerator: qty(perMl[0], perMl[1]), denominator: qty(1, 'mL') } },
    ],
    packaging: {
      type: { coding: [{ system: SYS.containerType, code: container, display: container === 'single-dose' ? 'Single-dose container' : 'Multiple-dose container' }] },
      quantity: qty(volumeMl, 'mL'),
    },
  };
}

export const PEMBRO_MK = medicationKnowledge('mk-pembrolizumab-00006302602', {
  ndc: '00006-3026-02',
  hcpcs: 'J9271',
  text: 'Pembrolizumab 100 mg/4 mL single-dose vial',
  amount: [100, 'mg'],
  perMl: [25, 'mg'],
  volumeMl: 4,
  container: 'single-dose',
});
