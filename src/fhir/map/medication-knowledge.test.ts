import { describe, expect, it } from 'vitest';
import type { Presentation, ReferenceData } from '../../reference/types.ts';
import { CONTAINER_TYPE_SYSTEM } from '../extensions.ts';
import { withMedicationKnowledge } from './patient-input.ts';
import { bundle, concept, HCPCS, NDC } from '../test-kit/resources.ts';

const builtin: Presentation = {
  ndc11: '00006302602',
  hcpcs: 'J9271',
  amount: { value: '100', unit: 'mg' },
  volumeMl: '4',
  concentrationPerMl: { value: '25', unit: 'mg' },
  container: null,
  marketed: true,
  ndcUnit: 'ML',
};

const base: ReferenceData = {
  productByNdc: (n) => (n === builtin.ndc11 ? builtin : undefined),
  presentationsForHcpcs: (h) => (h === 'J9271' ? [builtin] : []),
  hcpcs: () => undefined,
  hcpcsKnown: () => false,
  hcpcsForNdc: (n) => (n === builtin.ndc11 ? ['J9271'] : []),
  hcpcsForRxnorm: () => undefined,
  categoryByRxnorm: () => undefined,
  paymentLimit: () => undefined,
  oppsStatusIndicator: () => undefined,
  mue: () => undefined,
};

const knowledge = (ndc: string, over: Record<string, unknown> = {}) => ({
  resourceType: 'MedicationKnowledge',
  id: `mk-${ndc}`,
  code: {
    coding: [
      { system: NDC, code: ndc },
      { system: HCPCS, code: 'J9271' },
    ],
  },
  amount: { value: 4, code: 'mL' },
  ingredient: [
    {
      itemCodeableConcept: { text: 'pembrolizumab' },
      isActive: true,
      strength: { numerator: { value: 100, code: 'mg' }, denominator: { value: 4, code: 'mL' } },
    },
  ],
  packaging: { type: concept(CONTAINER_TYPE_SYSTEM, 'single-dose') },
  ...over,
});

describe('MedicationKnowledge overlay (contract §2.3)', () => {
  it('takes precedence for its NDC: container type, concentration, amount from volume', () => {
    const ref = withMedicationKnowledge(base, [bundle(knowledge('0006-3026-02'))]);
    expect(ref.productByNdc('00006302602')).toEqual({
      ...builtin,
      container: 'single-dose',
      amount: { value: '100', unit: 'mg' },
    });
  });

  it('adds a new NDC to its HCPCS presentations and crosswalk', () => {
    const ref = withMedicationKnowledge(base, [
      knowledge('0006-3026-04', {
        amount: { value: 50, code: 'mg' },
        ingredient: [],
        packaging: { type: concept(CONTAINER_TYPE_SYSTEM, 'multi-dose') },
      }),
    ]);
    const p = ref.productByNdc('00006302604');
    expect(p).toMatchObject({
      hcpcs: 'J9271',
      amount: { value: '50', unit: 'mg' },
      container: 'multi-dose',
      ndcUnit: 'UN',
    });
    expect(ref.presentationsForHcpcs('J9271').map((x) => x.ndc11)).toEqual([
      '00006302604',
      '00006302602',
    ]);
    expect(ref.hcpcsForNdc('00006302604', '2026-03-02')).toEqual(['J9271']);
  });

  it.each([
    ['inactive status: not marketed', { status: 'inactive' }, { marketed: false }],
    [
      'packaging in another system: built-in container kept',
      { packaging: { type: concept('urn:x', 'single-dose') } },
      { container: null },
    ],
  ])('%s', (_n, over, expected) => {
    const ref = withMedicationKnowledge(base, [knowledge('0006-3026-02', over)]);
    expect(ref.productByNdc('00006302602')).toMatchObject(expected);
  });

  it('no MedicationKnowledge (or an invalid one) leaves the base as is', () => {
    expect(withMedicationKnowledge(base, [])).toBe(base);
    expect(
      withMedicationKnowledge(base, [{ resourceType: 'MedicationKnowledge', code: 'x' }]),
    ).toBe(base);
  });
});
