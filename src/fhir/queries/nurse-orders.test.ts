import type { FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { FhirError } from '../gateway.ts';
import { MemoryGateway, TEST_LAUNCH } from '../test-kit/memory-gateway.ts';
import { nurseOrdersQuery } from './nurse-orders.ts';

const resources: FhirResource[] = [
  {
    resourceType: 'MedicationRequest',
    id: 'rx1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e1' },
    medicationReference: { reference: 'Medication/carbo' },
  },
  {
    resourceType: 'MedicationRequest',
    id: 'rx-other',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e2' },
    medicationCodeableConcept: { text: 'Other visit' },
  },
  { resourceType: 'Medication', id: 'carbo', code: { text: 'Carboplatin' } },
  { resourceType: 'Medication', id: 'unrelated', code: { text: 'Unrelated' } },
];

async function run(gateway: MemoryGateway) {
  const q = nurseOrdersQuery(gateway);
  const fn = q.queryFn as () => Promise<{ resources: FhirResource[]; unavailable?: string }>;
  return fn();
}

describe('nurseOrdersQuery', () => {
  it("reads the visit's orders and the Medications they name", async () => {
    const out = await run(new MemoryGateway(TEST_LAUNCH, resources));
    expect(out.resources.map((r) => `${r.resourceType}/${r.id}`).sort()).toEqual([
      'Medication/carbo',
      'MedicationRequest/rx1',
    ]);
    expect(nurseOrdersQuery(new MemoryGateway(TEST_LAUNCH)).queryKey).toEqual([
      'https://ehr.test/fhir',
      'p1',
      'nurse-orders',
      'e1',
    ]);
  });

  it('says plainly when orders cannot be read (never "no orders")', async () => {
    const out = await run(
      new MemoryGateway(TEST_LAUNCH, resources, { forbidden: ['MedicationRequest'] }),
    );
    expect(out.resources).toEqual([]);
    expect(out.unavailable).toMatch(/could not be read/);
  });

  it('passes other failures on to the screen', async () => {
    const gateway = new MemoryGateway(TEST_LAUNCH, resources);
    gateway.search = () => Promise.reject(new FhirError('server', 'down', 500));
    await expect(run(gateway)).rejects.toThrow('down');
  });
});
