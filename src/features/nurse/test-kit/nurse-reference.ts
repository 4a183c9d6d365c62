// A small ReferenceData for nurse tests (real catalog NDCs, trimmed). Test-only.
import type { Presentation, ReferenceData } from '../../../reference/types.ts';

function p(
  ndc11: string,
  hcpcs: string,
  mg: string,
  container: Presentation['container'],
  concentration?: string,
): Presentation {
  return {
    ndc11,
    hcpcs,
    amount: { value: mg, unit: 'mg' },
    container,
    marketed: true,
    ndcUnit: 'ML',
    ...(concentration ? { concentrationPerMl: { value: concentration, unit: 'mg' } } : {}),
  };
}

export const TEST_PRODUCTS: Presentation[] = [
  p('00006302602', 'J9271', '100', 'single-dose', '25'),
  p('00003377212', 'J9299', '40', 'single-dose', '10'),
  p('00003377412', 'J9299', '100', 'single-dose', '10'),
  p('00003373413', 'J9299', '240', 'single-dose', '10'),
  p('00310450012', 'J9173', '120', 'single-dose', '50'),
  p('00310461150', 'J9173', '500', 'single-dose', '50'),
  p('11111000001', 'J9999', '100', 'single-dose'),
  p('11111000002', 'J9999', '400', 'single-dose'),
  p('61703033922', 'J9045', '450', 'multi-dose', '10'),
];

export function testReference(products: Presentation[] = TEST_PRODUCTS): ReferenceData {
  return {
    productByNdc: (n) => products.find((x) => x.ndc11 === n),
    presentationsForHcpcs: (h) => products.filter((x) => x.hcpcs === h),
    hcpcs: () => undefined,
    hcpcsKnown: () => false,
    hcpcsForNdc: () => [],
    hcpcsForRxnorm: () => undefined,
    categoryByRxnorm: () => undefined,
    paymentLimit: () => undefined,
    oppsStatusIndicator: () => undefined,
    mue: () => undefined,
  };
}
