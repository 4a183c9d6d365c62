// Small FHIR R4 builders for the worked cases (written from contract.md §2, not from the engine).
// Every id is prefixed with the case name so that all cases can be read in one audit run.
const EXT = 'https://everydose.dev/fhir/StructureDefinition/';
const NDC = 'http://hl7.org/fhir/sid/ndc';
const HCPCS = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const V3ROUTE = 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration';
const POS = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';
const UCUM = 'http://unitsofmeasure.org';
const CPT = 'http://www.ama-assn.org/go/cpt';
const ICD10 = 'http://hl7.org/fhir/sid/icd-10-cm';
const METHOD = 'https://everydose.dev/fhir/CodeSystem/administration-method';

/** One NDC package per drug key: labeled content, volume, container type (same in every case). */
export const DRUGS = {
  pembro: { ndc: '00006-3026-02', hcpcs: 'J9271', mg: 100, ml: 4, type: 'single-dose' },
  // Only used to show that a MedicationKnowledge container type overrides the built-in data.
  pembroMdc: { ndc: '00006-3026-04', hcpcs: 'J9271', mg: 100, ml: 4, type: 'multi-dose' },
  nivo100: { ndc: '00003-3774-12', hcpcs: 'J9299', mg: 100, ml: 10, type: 'single-dose' },
  nivo40: { ndc: '00003-3772-11', hcpcs: 'J9299', mg: 40, ml: 4, type: 'single-dose' },
  bev400: { ndc: '50242-0061-01', hcpcs: 'J9035', mg: 400, ml: 16, type: 'single-dose' },
  oxali50: { ndc: '63323-0750-10', hcpcs: 'J9263', mg: 50, ml: 10, type: 'single-dose' },
  oxali100: { ndc: '63323-0750-20', hcpcs: 'J9263', mg: 100, ml: 20, type: 'single-dose' },
  carbo450: { ndc: '61703-0339-50', hcpcs: 'J9045', mg: 450, ml: 45, type: 'multi-dose' },
  cyclo1g: { ndc: '10019-0956-01', hcpcs: 'J9075', mg: 1000, ml: null, type: 'single-dose' },
  palono: { ndc: '00409-2504-10', hcpcs: 'J2469', mg: 0.25, ml: 5, type: 'single-dose' },
  granis: { ndc: '63323-0318-01', hcpcs: 'J1626', mg: 1, ml: 1, type: 'single-dose' },
  ondan: { ndc: '63323-0373-02', hcpcs: 'J2405', mg: 4, ml: 2, type: 'single-dose' },
  dexa: { ndc: '63323-0506-01', hcpcs: 'J1100', mg: 10, ml: 1, type: 'single-dose' },
  doxo50: { ndc: '00069-3032-20', hcpcs: 'J9000', mg: 50, ml: 25, type: 'single-dose' },
  durva120: { ndc: '00310-4500-12', hcpcs: 'J9173', mg: 120, ml: 2.4, type: 'single-dose' },
  durva500: { ndc: '00310-4611-50', hcpcs: 'J9173', mg: 500, ml: 10, type: 'single-dose' },
  bortez: { ndc: '63020-0049-01', hcpcs: 'J9041', mg: 3.5, ml: null, type: 'single-dose' },
  pegfil: { ndc: '55513-0192-01', hcpcs: 'J2506', mg: 6, ml: 0.6, type: 'single-dose' },
  denos: { ndc: '55513-0710-01', hcpcs: 'J0897', mg: 60, ml: 1, type: 'single-dose' },
  // Fulvestrant 250 mg/5 mL prefilled syringe (J9395 is per 25 mg: 10 units a syringe).
  fulv: { ndc: '00143-9022-02', hcpcs: 'J9395', mg: 250, ml: 5, type: 'single-dose' },
};
/** Route codes of the v3 RouteOfAdministration system (contract §2.1); 'none' leaves no route. */
const ROUTES = { SQ: 'SQ', IM: 'IM' };

const q = (value, code) => ({ value, unit: code, system: UCUM, code });
const ref = (r) => ({ reference: r });
const entry = (resource) => ({
  fullUrl: `https://ehr.example/fhir/${resource.resourceType}/${resource.id}`,
  resource,
});

export function medicationKnowledge(id, key) {
  const d = DRUGS[key];
  return {
    resourceType: 'MedicationKnowledge',
    id: `${id}-mk-${key}`,
    status: 'active',
    code: {
      coding: [
        { system: NDC, code: d.ndc },
        { system: HCPCS, code: d.hcpcs },
      ],
    },
    amount: d.ml ? q(d.ml, 'mL') : q(d.mg, 'mg'),
    ...(d.ml
      ? {
          ingredient: [
            {
              itemCodeableConcept: { text: key },
              isActive: true,
              strength: { numerator: q(d.mg, 'mg'), denominator: q(d.ml, 'mL') },
            },
          ],
        }
      : {}),
    packaging: {
      type: {
        coding: [{ system: 'https://everydose.dev/fhir/CodeSystem/container-type', code: d.type }],
      },
    },
  };
}

/**
 * A MedicationAdministration. opts: drug (DRUGS key) or hcpcs/text, start, end, dateTime,
 * push, dose [value, unit], containers [[key, count]], discarded [value, unit], status, site,
 * justified, primary, partOf, study, sponsorSupplied, role, flush, rate (default on infusions),
 * service (administration-method code: pump-initiation, pump-refill, pump-disconnect, port-flush),
 * siteText (dosage.site as text), route (v3 'SQ' or 'IM', or 'none' for no dosage.route),
 * onBody (dosage.method administration-method#on-body-injector), methodText (dosage.method
 * text), device (a device reference display).
 */
export function admin(c, id, o) {
  const d = o.drug ? DRUGS[o.drug] : null;
  const ext = [];
  for (const [k, n] of o.containers ?? []) {
    ext.push({
      url: `${EXT}container`,
      extension: [
        { url: 'product', valueCodeableConcept: { coding: [{ system: NDC, code: DRUGS[k].ndc }] } },
        { url: 'count', valuePositiveInt: n },
      ],
    });
  }
  if (o.discarded) ext.push({ url: `${EXT}discarded-amount`, valueQuantity: q(...o.discarded) });
  if (o.justified) ext.push({ url: `${EXT}separate-access-justified`, valueBoolean: true });
  if (o.primary) ext.push({ url: `${EXT}primary-reason`, valueBoolean: true });
  if (o.sponsorSupplied) ext.push({ url: `${EXT}sponsor-supplied`, valueBoolean: true });
  if (o.shared) ext.push({ url: `${EXT}shared-container`, valueBoolean: true });
  if (o.sponsorPaid) ext.push({ url: `${EXT}sponsor-paid`, valueBoolean: true });
  if (o.role) ext.push({ url: `${EXT}trial-item-role`, valueCode: o.role });
  if (o.study) {
    ext.push({
      url: 'http://hl7.org/fhir/StructureDefinition/workflow-researchStudy',
      valueReference: ref(`ResearchStudy/${c}-study`),
    });
  }
  const coding =
    o.coding ??
    (d
      ? [{ system: NDC, code: o.ndcCode ?? d.ndc }]
      : [{ system: HCPCS, code: o.hcpcs, display: o.text }]);
  const push = o.push === true;
  const dosage = {
    ...(o.flush ? { text: 'Saline flush' } : {}),
    ...(o.dosageText ? { text: o.dosageText } : {}),
    ...(o.method ? { method: { coding: [{ system: V3ROUTE, code: o.method }] } } : {}),
    ...(o.service ? { method: { coding: [{ system: METHOD, code: o.service }] } } : {}),
    ...(o.onBody
      ? {
          method: {
            coding: [{ system: METHOD, code: 'on-body-injector', display: 'On-body injector' }],
          },
        }
      : {}),
    ...(o.methodText ? { method: { text: o.methodText } } : {}),
    site: o.siteText
      ? { text: o.siteText }
      : { coding: [{ system: 'http://snomed.info/sct', code: o.site ?? '368208006' }] },
    ...(o.route === 'none'
      ? {}
      : {
          route: {
            coding: [{ system: V3ROUTE, code: o.route ? ROUTES[o.route] : push ? 'IVPUSH' : 'IV' }],
          },
        }),
    ...(o.dose ? { dose: q(...o.dose) } : {}),
    ...(!push && o.rate !== false && !o.route
      ? { rateQuantity: q(o.rateValue ?? 100, 'mL/h') }
      : {}),
  };
  const effective = o.dateTime
    ? { effectiveDateTime: o.dateTime }
    : { effectivePeriod: { start: o.start, ...(o.end ? { end: o.end } : {}) } };
  return {
    resourceType: 'MedicationAdministration',
    id: `${c}-${id}`,
    ...(ext.length ? { extension: ext } : {}),
    status: o.status ?? 'completed',
    ...(o.contained
      ? { contained: [{ ...o.contained, id: 'med' }], medicationReference: ref('#med') }
      : { medicationCodeableConcept: { coding, ...(o.text ? { text: o.text } : {}) } }),
    subject: ref(`Patient/${c}`),
    ...(o.noContext ? {} : { context: ref(`Encounter/${o.encounter ?? `${c}-enc`}`) }),
    ...(o.request ? { request: ref(`MedicationRequest/${c}-${o.request}`) } : {}),
    ...effective,
    ...(o.partOf ? { partOf: [ref(`MedicationAdministration/${c}-${o.partOf}`)] } : {}),
    ...(o.device ? { device: [{ display: o.device }] } : {}),
    dosage,
  };
}

export function encounter(c, id, pos, start, end, extra = {}) {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: ref(`Patient/${c}`),
    period: { start, end },
    ...(pos ? { location: [{ location: ref(`Location/${c}-loc${pos}`) }] } : {}),
    ...extra,
  };
}

export function base(c, { pos = '11', coverage = 'active', encounters, sopt = '121' } = {}) {
  const res = [{ resourceType: 'Patient', id: c, name: [{ family: 'Case', given: [c] }] }];
  if (pos)
    res.push({
      resourceType: 'Location',
      id: `${c}-loc${pos}`,
      name: pos === '11' ? 'Oncology office' : 'Hospital infusion center',
      type: [{ coding: [{ system: POS, code: pos }] }],
    });
  if (coverage !== 'none') {
    res.push({
      resourceType: 'Coverage',
      id: `${c}-cov`,
      status: 'active',
      beneficiary: ref(`Patient/${c}`),
      payor: [{ display: 'Medicare Part B' }],
      order: 1,
      type: { coding: [{ system: 'https://nahdo.org/sopt', code: sopt }] },
      ...(coverage === 'no-period'
        ? {}
        : {
            period:
              coverage === 'active'
                ? { start: '2025-01-01', end: '2027-12-31' }
                : { start: '2024-01-01', end: '2025-12-31' },
          }),
    });
  }
  for (const e of encounters ?? [['enc', '2026-03-02T08:00:00-05:00', '2026-03-02T17:00:00-05:00']])
    res.push(encounter(c, `${c}-${e[0]}`, pos, e[1], e[2], e[3] ?? {}));
  return res;
}

export function bundle(c, resources, drugKeys) {
  const mks = [...new Set(drugKeys)].map((k) => medicationKnowledge(c, k));
  return {
    resourceType: 'Bundle',
    id: `${c}-bundle`,
    type: 'collection',
    entry: [...resources, ...mks].map(entry),
  };
}

/** An existing Claim for the encounter. items: [code, units, modifiers[], net?]. */
export function claim(
  c,
  { type = 'professional', items, diagnoses = ['C34.90'], nct, preAuthRef },
) {
  return {
    resourceType: 'Claim',
    id: `${c}-claim`,
    status: 'draft',
    use: 'claim',
    type: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: type }],
    },
    patient: ref(`Patient/${c}`),
    created: '2026-03-02',
    provider: { display: 'Oncology practice' },
    priority: { coding: [{ code: 'normal' }] },
    insurance: [
      {
        sequence: 1,
        focal: true,
        coverage: ref(`Coverage/${c}-cov`),
        ...(preAuthRef ? { preAuthRef: [preAuthRef] } : {}),
      },
    ],
    diagnosis: diagnoses.map((code, i) => ({
      sequence: i + 1,
      diagnosisCodeableConcept: { coding: [{ system: ICD10, code }] },
    })),
    ...(nct
      ? {
          supportingInfo: [
            {
              sequence: 1,
              category: {
                coding: [
                  {
                    system: 'http://terminology.hl7.org/CodeSystem/claiminformationcategory',
                    code: 'info',
                  },
                ],
              },
              valueString: nct,
            },
          ],
        }
      : {}),
    item: items.map(([code, units, mods, net], i) => ({
      sequence: i + 1,
      productOrService: {
        coding: [{ system: /^\d/.test(code) ? CPT : HCPCS, code }],
      },
      ...(mods.length ? { modifier: mods.map((m) => ({ coding: [{ code: m }] })) } : {}),
      servicedDate: '2026-03-02',
      quantity: { value: units },
      ...(net !== undefined ? { net: { value: net, currency: 'USD' } } : {}),
      encounter: [ref(`Encounter/${c}-enc`)],
    })),
  };
}

/** A MedicationRequest whose first doseQuantity is the ordered dose. */
export function order(c, id, value, unit) {
  return {
    resourceType: 'MedicationRequest',
    id: `${c}-${id}`,
    status: 'completed',
    intent: 'order',
    medicationCodeableConcept: { text: 'ordered drug' },
    subject: ref(`Patient/${c}`),
    dosageInstruction: [{ doseAndRate: [{ doseQuantity: q(value, unit) }] }],
  };
}

export const CODES = { CPT, HCPCS, NDC, UCUM, ICD10, V3ROUTE };
