import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { testLaunch } from '../../../test/msw/fhir-server.ts';
import { invalidateAfterWrite } from './invalidate.ts';
import { fhirKeys } from './keys.ts';

describe('invalidateAfterWrite', () => {
  it('makes this launch’s patient data stale, not server facts, other patients or other servers', async () => {
    const qc = new QueryClient();
    const launch = testLaunch();
    const other = testLaunch({ patientId: 'p2' });
    const otherServer = testLaunch({ serverUrl: 'https://other.test/fhir' });
    const keys = [
      fhirKeys.billingPicture(launch),
      fhirKeys.patient(launch),
      [...fhirKeys.all(launch), 'nurse-task'],
      fhirKeys.capabilities(launch),
      fhirKeys.userRoles(launch),
      fhirKeys.referenceData(launch),
      fhirKeys.billingPicture(other),
      fhirKeys.billingPicture(otherServer),
    ];
    for (const k of keys) qc.setQueryData(k, 1);
    await invalidateAfterWrite(qc, launch);
    const stale = keys.map((k) => qc.getQueryState(k)?.isInvalidated);
    expect(stale).toEqual([true, true, true, false, false, false, false, false]);
  });

  it('keys start with the server and patient', () => {
    expect(fhirKeys.billingPicture(testLaunch()).slice(0, 2)).toEqual([
      'https://ehr.test/fhir',
      'p1',
    ]);
  });
});
