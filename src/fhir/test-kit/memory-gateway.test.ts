import type { MedicationAdministration } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { testLaunch } from '../../../test/msw/fhir-server.ts';
import { MemoryGateway } from './memory-gateway.ts';

const ma: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'a1',
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Paclitaxel' },
  effectivePeriod: { start: '2026-11-26T09:00:00-05:00' },
};

describe('MemoryGateway', () => {
  it('versions updates and enforces If-Match', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    const { etag } = await gw.read<MedicationAdministration>('MedicationAdministration', 'a1');
    expect(etag).toBe('W/"1"');
    const updated = await gw.update({ ...ma, id: 'a1', status: 'completed' }, 'W/"1"');
    expect(updated.etag).toBe('W/"2"');
    await expect(gw.update({ ...ma, id: 'a1' }, 'W/"1"')).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect(gw.writes.map((w) => w.method)).toEqual(['update']);
  });

  it('refuses forbidden types with 403 and searches by patient', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma], { forbidden: ['Claim'] });
    await expect(gw.search('Claim', { patient: 'p1' })).rejects.toMatchObject({ status: 403 });
    expect(await gw.search('MedicationAdministration', { patient: 'p1' })).toHaveLength(1);
    expect(await gw.search('MedicationAdministration', { patient: 'p2' })).toHaveLength(0);
  });
});
