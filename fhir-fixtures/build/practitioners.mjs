// Users, clinic, payers and locations shared by every story (fhir-fixtures/practitioners.json).
import { SYS, bundle, ref } from './fhir.mjs';

function user(id, { family, given, prefix, suffix, role, standard }) {
  const name = { use: 'official', family, given };
  if (prefix) name.prefix = prefix;
  if (suffix) name.suffix = suffix;
  return [
    {
      resourceType: 'Practitioner',
      id,
      active: true,
      identifier: [{ system: 'https://everydose.dev/fhir/sid/synthetic-staff-id', value: id }],
      name: [name],
    },
    {
      resourceType: 'PractitionerRole',
      id: `${id}-role`,
      active: true,
      practitioner: ref(`Practitioner/${id}`),
      organization: ref('Organization/org-clinic'),
      location: [ref('Location/loc-office-pos11'), ref('Location/loc-hopd-pos22')],
      code: [{ coding: [{ system: SYS.appRole, code: role, display: role[0].toUpperCase() + role.slice(1) }, standard] }],
    },
  ];
}

function org(id, name, type) {
  return {
    resourceType: 'Organization',
    id,
    active: true,
    name,
    type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/organization-type', code: type }] }],
  };
}

function location(id, name, pos, posDisplay) {
  return {
    resourceType: 'Location',
    id,
    status: 'active',
    name,
    type: [{ coding: [{ system: SYS.pos, code: pos, display: posDisplay }] }],
    managingOrganization: ref('Organization/org-clinic'),
    address: { line: ['100 Example Way'], city: 'Springfield', state: 'NY', postalCode: '10001', country: 'US' },
  };
}

export function practitioners() {
  return bundle([
    org('org-clinic', 'EveryDose Oncology Clinic (synthetic)', 'prov'),
    org('org-medicare-mac', 'Medicare Part B (MAC)', 'ins'),
    org('org-acme-ppo', 'Acme Health PPO (synthetic payer)', 'ins'),
    org('org-acme-ma', 'Acme Medicare Advantage (synthetic payer)', 'ins'),
    location('loc-office-pos11', 'Infusion suite, physician office', '11', 'Office'),
    location('loc-hopd-pos22', 'Hospital outpatient infusion center', '22', 'On Campus-Outpatient Hospital'),
    ...user('nurse-1', {
      family: 'Chen', given: ['Avery'], suffix: ['RN'], role: 'nurse',
      standard: { system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'nurse', display: 'Nurse' },
    }),
    ...user('clinician-1', {
      family: 'Okonkwo', given: ['Samuel'], prefix: ['Dr.'], role: 'clinician',
      standard: { system: 'http://terminology.hl7.org/CodeSystem/practitioner-role', code: 'doctor', display: 'Doctor' },
    }),
    ...user('manager-1', {
      family: 'Rivera', given: ['Morgan'], role: 'manager',
      standard: { system: 'https://www.bls.gov/soc', code: '11-9111', display: 'Medical and Health Services Managers' },
    }),
    ...user('coder-1', {
      family: 'Patel', given: ['Jordan'], suffix: ['CPC'], role: 'coder',
      standard: { system: 'https://www.bls.gov/soc', code: '29-2072', display: 'Medical Records Specialists' },
    }),
  ]);
}
