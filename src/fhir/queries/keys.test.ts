// The query-key factory is the one place keys are built (house habit 5): each key as it was
// spelt where it was used, all under [serverUrl, patientId], no two alike.
import { describe, expect, it } from 'vitest';
import { testLaunch } from '../../../test/msw/fhir-server.ts';
import { fhirKeys } from './keys.ts';

const S = 'https://ehr.test/fhir';
const launch = testLaunch();
const noEncounter = testLaunch({ encounterId: undefined });
const day = { kind: 'day', date: '2026-08-07' } as const;

const rows: [string, readonly unknown[], unknown[]][] = [
  ['all', fhirKeys.all(launch), [S, 'p1']],
  ['all without a patient', fhirKeys.all(testLaunch({ patientId: undefined })), [S, null]],
  ['capabilities', fhirKeys.capabilities(launch), [S, 'p1', 'capabilities']],
  ['patient', fhirKeys.patient(launch), [S, 'p1', 'patient']],
  ['billingPicture', fhirKeys.billingPicture(launch), [S, 'p1', 'billing-picture', 'e1']],
  [
    'billingPicture without an encounter',
    fhirKeys.billingPicture(noEncounter),
    [S, 'p1', 'billing-picture', null],
  ],
  ['userRoles', fhirKeys.userRoles(launch), [S, 'p1', 'user-roles', 'Practitioner/clinician-1']],
  ['referenceData', fhirKeys.referenceData(launch), [S, 'p1', 'reference-data']],
  ['signOffs', fhirKeys.signOffs(launch, 'c1'), [S, 'p1', 'sign-offs', 'c1']],
  ['nurseOrders', fhirKeys.nurseOrders(launch), [S, 'p1', 'nurse-orders', 'e1']],
  [
    'nurseOrders without an encounter',
    fhirKeys.nurseOrders(noEncounter),
    [S, 'p1', 'nurse-orders', null],
  ],
  [
    'referenceProducts',
    fhirKeys.referenceProducts(launch),
    [S, 'p1', 'reference-data', 'products'],
  ],
  ['dayAnalyzer', fhirKeys.dayAnalyzer(launch), [S, 'p1', 'reference-data', 'day']],
  ['patientVisits', fhirKeys.patientVisits(launch), [S, 'p1', 'patient-visits']],
  ['plannedOrders', fhirKeys.plannedOrders(launch), [S, 'p1', 'planned-orders']],
  ['plannedChecks', fhirKeys.plannedChecks(launch), [S, 'p1', 'planned-checks', 'e1']],
  [
    'plannedChecks without an encounter',
    fhirKeys.plannedChecks(noEncounter),
    [S, 'p1', 'planned-checks', null],
  ],
  ['worklists', fhirKeys.worklists(launch), [S, 'p1', 'worklist']],
  ['worklist of a day', fhirKeys.worklist(launch, day), [S, 'p1', 'worklist', day]],
  ['worklist not chosen yet', fhirKeys.worklist(launch, undefined), [S, 'p1', 'worklist', null]],
  ['locations', fhirKeys.locations(launch), [S, 'p1', 'locations']],
  ['board', fhirKeys.board(launch, '2026-08-07'), [S, 'p1', 'board', '2026-08-07']],
  [
    'dashboard',
    fhirKeys.dashboard(launch, '2026-07-09', '2026-08-07'),
    [S, 'p1', 'dashboard', '2026-07-09', '2026-08-07'],
  ],
  [
    'dashboardReference',
    fhirKeys.dashboardReference(launch),
    [S, 'p1', 'reference-data', 'dashboard'],
  ],
];

describe('fhirKeys: every query key of the app', () => {
  it.each(rows)('%s', (_name, key, expected) => {
    expect(key).toEqual(expected);
  });

  it('no two keys are alike', () => {
    const spelt = rows.map(([, key]) => JSON.stringify(key));
    expect(new Set(spelt).size).toBe(spelt.length);
  });

  it('a worklist key lies under the key a refresh invalidates', () => {
    expect(fhirKeys.worklist(launch, day).slice(0, 3)).toEqual([...fhirKeys.worklists(launch)]);
  });
});
