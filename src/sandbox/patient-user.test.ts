// The local EHR signs in a patient as themself (issue 14 part 5): EHR launch and standalone
// picker give fhirUser Patient/<id>, only read scopes, and the FHIR server refuses their writes.
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientUserMayHave } from './interaction.ts';
import type { EhrServer } from './server.ts';
import { headlessLaunch } from './test-kit/smart-client.ts';
import { ENC1, launchToken, PT1, PT2, REDIRECT_URI, startTestEhr } from './test-kit/ehr-server.ts';

const READS = 'patient/Patient.rs patient/Claim.rs patient/Provenance.rs user/Medication.rs';
const WRITES = 'patient/Claim.cu patient/Provenance.c patient/MedicationAdministration.cu';
const SCOPE = `launch openid fhirUser online_access ${READS} ${WRITES} user/Claim.rs`;

let ehr: EhrServer;
beforeAll(async () => {
  ehr = await startTestEhr();
});
afterAll(() => ehr.close());

describe('patient user scopes', () => {
  it.each([
    ['patient/*.read', true],
    ['patient/Claim.rs', true],
    ['patient/Claim.r', true],
    ['user/Medication.rs', true],
    ['user/Practitioner.read', true],
    ['patient/Claim.cu', false],
    ['patient/Claim.crus', false],
    ['patient/Provenance.c', false],
    ['patient/*.write', false],
    ['patient/*.*', false],
    ['user/Claim.rs', false],
    ['user/*.rs', false],
    ['system/Patient.rs', false],
    ['openid', false],
  ])('%s → %s', (scope, allowed) => {
    expect(patientUserMayHave(scope)).toBe(allowed);
  });
});

describe('patient user sign-in', () => {
  it('EHR launch: fhirUser names the Patient, no intent, only read scopes granted', async () => {
    const res = await launchToken(ehr, { scope: SCOPE, encounterId: ENC1, patientUser: true });
    expect(res.status).toBe(200);
    expect(res.body['patient']).toBe(PT1);
    expect(res.body['intent']).toBeUndefined();
    const granted = String(res.body['scope']).split(' ');
    expect(granted).toEqual(expect.arrayContaining(READS.split(' ')));
    for (const w of [...WRITES.split(' '), 'user/Claim.rs']) expect(granted).not.toContain(w);
    const idToken = decodeJwt(String(res.body['id_token']));
    expect(idToken['fhirUser']).toBe(`${ehr.fhirBase}/Patient/${PT1}`);
    const at = decodeJwt(String(res.body['access_token']));
    expect(at['fhirUser']).toBe(`${ehr.fhirBase}/Patient/${PT1}`);
  });

  it('the FHIR server reads for a patient user and refuses their writes', async () => {
    const res = await launchToken(ehr, { scope: SCOPE, patientUser: true });
    const token = String(res.body['access_token']);
    const auth = { authorization: `Bearer ${token}` };
    expect((await fetch(`${ehr.fhirBase}/Patient/${PT1}`, { headers: auth })).status).toBe(200);
    const write = await fetch(`${ehr.fhirBase}/Provenance`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Provenance',
        target: [{ reference: `Patient/${PT1}` }],
        recorded: '2026-08-07T15:00:00Z',
        agent: [{ who: { reference: `Patient/${PT1}` } }],
      }),
    });
    expect(write.status).toBe(403);
  });

  it('standalone picker: the patient user choice signs in as the chosen Patient', async () => {
    const res = await headlessLaunch({
      issuer: ehr.issuer,
      fhirBase: ehr.fhirBase,
      redirectUri: REDIRECT_URI,
      clientId: 'everydose',
      scope: `launch/patient openid fhirUser ${READS} ${WRITES}`,
      pick: { patient: PT2, role: 'patient' },
    });
    expect(res.status).toBe(200);
    expect(res.body['patient']).toBe(PT2);
    expect(decodeJwt(String(res.body['id_token']))['fhirUser']).toBe(
      `${ehr.fhirBase}/Patient/${PT2}`,
    );
    expect(String(res.body['scope'])).not.toContain('.cu');
  });
});
