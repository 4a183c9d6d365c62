// Writes a FHIR Bundle of about `megabytes` MB (administrations of 5,000 patients in 20,000
// office encounters) without holding it in memory. Test data only.
import { createWriteStream } from 'node:fs';

const HCPCS = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const POS = 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';

export interface BigBundle {
  administrations: number;
  encounters: number;
  bytes: number;
}

export async function writeBigBundle(file: string, megabytes: number): Promise<BigBundle> {
  const out = createWriteStream(file);
  const target = megabytes * 1024 * 1024;
  let bytes = 0;
  const write = async (s: string): Promise<void> => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await new Promise<void>((r) => out.once('drain', () => r()));
  };
  await write('{"resourceType":"Bundle","type":"collection","entry":[\n');
  await write(
    JSON.stringify({
      resource: {
        resourceType: 'Location',
        id: 'l1',
        type: [{ coding: [{ system: POS, code: '11' }] }],
      },
    }),
  );
  let n = 0;
  let encounters = 0;
  while (bytes < target) {
    const p = n % 5000;
    const e = n % 20_000;
    if (n < 20_000) {
      encounters += 1;
      await write(
        `,\n${JSON.stringify({
          resource: {
            resourceType: 'Encounter',
            id: `e${e}`,
            status: 'finished',
            subject: { reference: `Patient/p${p}` },
            period: { start: '2026-08-04T08:00:00-04:00' },
            location: [{ location: { reference: 'Location/l1' } }],
          },
        })}`,
      );
    }
    const hour = String(8 + (n % 8)).padStart(2, '0');
    await write(
      `,\n${JSON.stringify({
        resource: {
          resourceType: 'MedicationAdministration',
          id: `a${n}`,
          status: 'completed',
          medicationCodeableConcept: {
            coding: [{ system: HCPCS, code: n % 2 ? 'J2405' : 'J9271' }],
            text: 'drug',
          },
          subject: { reference: `Patient/p${p}` },
          context: { reference: `Encounter/e${e}` },
          effectivePeriod: {
            start: `2026-08-04T${hour}:00:00-04:00`,
            end: `2026-08-04T${hour}:40:00-04:00`,
          },
          dosage: {
            route: { coding: [{ system: 'http://snomed.info/sct', code: '47625008' }] },
            dose: {
              value: n % 2 ? 8 : 200,
              unit: 'mg',
              system: 'http://unitsofmeasure.org',
              code: 'mg',
            },
          },
          note: [{ text: 'x'.repeat(200) }],
        },
      })}`,
    );
    n += 1;
  }
  await write('\n]}\n');
  await new Promise<void>((r) => out.end(r));
  return { administrations: n, encounters, bytes };
}
