import type { DocumentReference, MedicationAdministration } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { testLaunch } from '../../../../test/msw/fhir-server.ts';
import { FhirError } from '../../gateway.ts';
import { MemoryGateway } from '../../test-kit/memory-gateway.ts';
import { sendEntry } from './pending-sender.ts';
import type { PendingEntry } from './pending-types.ts';

const ma: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'a1',
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  context: { reference: 'Encounter/e1' },
  medicationCodeableConcept: { text: 'Paclitaxel' },
  effectivePeriod: { start: '2026-11-26T09:00:00-05:00' },
};
const entry: PendingEntry = {
  key: 'k1',
  scope: 's',
  target: 'MedicationAdministration/a1',
  baseEtag: 'W/"1"',
  change: { kind: 'stop', at: '2026-11-26T10:31:00-05:00' },
  label: 'Stop time 10:31',
  state: 'waiting',
  attempts: 0,
};

function gateway(status: number, scopes: string[], noteStatus?: number): MemoryGateway {
  const gw = new MemoryGateway({ ...testLaunch(), grantedScopes: scopes }, [ma]);
  gw.update = () => Promise.reject(new FhirError('invalid', 'refused', status));
  if (noteStatus) gw.create = () => Promise.reject(new FhirError('invalid', 'refused', noteStatus));
  return gw;
}

describe('nurse entry where the EHR does not let apps change the MAR (issue #19)', () => {
  it.each<[string, number, string[], number | undefined, string]>([
    [
      '405: MAR update not offered → chart note',
      405,
      ['patient/DocumentReference.c'],
      undefined,
      'clinical-note',
    ],
    ['501 → chart note', 501, [], undefined, 'clinical-note'],
    [
      '403 without the update scope → chart note',
      403,
      ['patient/MedicationAdministration.rs'],
      undefined,
      'clinical-note',
    ],
    ['405 and the note refused too → MAR task list', 405, [], 405, 'task-list'],
  ])('%s', async (_name, status, scopes, noteStatus, channel) => {
    const gw = gateway(status, scopes, noteStatus);
    const out = await sendEntry(gw, entry);
    expect(out.kind).toBe('noted');
    if (out.kind !== 'noted') return;
    expect(out.result.channel).toBe(channel);
    if (out.result.channel === 'task-list') {
      expect(out.result.text).toContain(
        'MedicationAdministration/a1): stop time 2026-11-26T10:31:00-05:00',
      );
    } else {
      const [saved] = (await gw.search('DocumentReference', {
        patient: 'p1',
      })) as DocumentReference[];
      expect(saved?.context?.related?.[0]?.reference).toBe('MedicationAdministration/a1');
    }
  });

  it.each<[string, number, string[], string]>([
    [
      '403 with the update scope granted stays a failure to show',
      403,
      ['patient/MedicationAdministration.u'],
      'failed',
    ],
    ['500 is retried, not noted', 500, [], 'retry'],
  ])('%s', async (_name, status, scopes, kind) => {
    const gw = gateway(status, scopes);
    gw.update = () =>
      Promise.reject(new FhirError(status === 500 ? 'server' : 'forbidden', 'no', status));
    expect((await sendEntry(gw, entry)).kind).toBe(kind);
  });
});
