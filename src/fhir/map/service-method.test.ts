// contract §2.1 / injection-pump-rules R26.4, R27.11: pump and port services in dosage.method.
import { describe, expect, it } from 'vitest';
import { ADMINISTRATION_METHOD_SYSTEM } from '../extensions.ts';
import { mapPatientInputs } from './patient-input.ts';
import { administration, concept, dosage, V3, type Json } from '../test-kit/resources.ts';

function mapOne(ma: Json) {
  const a = mapPatientInputs([ma])[0]?.administrations[0];
  if (!a) throw new Error('not mapped');
  return a;
}

describe('R26.4 administration-method codes', () => {
  it.each<[string, Json, string | undefined, boolean | undefined]>([
    [
      'pump-initiation',
      concept(ADMINISTRATION_METHOD_SYSTEM, 'pump-initiation'),
      'pump-initiation',
      undefined,
    ],
    ['pump-refill', concept(ADMINISTRATION_METHOD_SYSTEM, 'pump-refill'), 'pump-refill', undefined],
    [
      'pump-disconnect',
      concept(ADMINISTRATION_METHOD_SYSTEM, 'pump-disconnect'),
      'pump-disconnect',
      undefined,
    ],
    ['port-flush', concept(ADMINISTRATION_METHOD_SYSTEM, 'port-flush'), 'port-flush', undefined],
    ['R26.4 IVFLUSH alone is not a port flush', concept(V3, 'IVFLUSH'), undefined, undefined],
    [
      'an unknown code of the system',
      concept(ADMINISTRATION_METHOD_SYSTEM, 'pump-repair'),
      undefined,
      undefined,
    ],
    [
      'the right code in another system',
      concept('http://example.org/methods', 'port-flush'),
      undefined,
      undefined,
    ],
    [
      'R27.11 refill whose method text says implanted',
      { ...concept(ADMINISTRATION_METHOD_SYSTEM, 'pump-refill'), text: 'Refill of implanted pump' },
      'pump-refill',
      true,
    ],
  ])('%s', (_name, method, serviceMethod, implanted) => {
    const a = mapOne(administration(dosage({ route: concept(V3, 'IV'), method })));
    expect(a.serviceMethod).toBe(serviceMethod);
    expect(a.pumpImplanted).toBe(implanted);
  });

  it('R27.11 implanted pump named by the device reference display', () => {
    const a = mapOne(
      administration({
        ...dosage({
          route: concept(V3, 'IV'),
          method: concept(ADMINISTRATION_METHOD_SYSTEM, 'pump-refill'),
        }),
        device: [{ reference: 'Device/d1', display: 'Implanted intrathecal pump' }],
      }),
    );
    expect(a.pumpImplanted).toBe(true);
  });
});
