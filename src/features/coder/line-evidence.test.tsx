// @vitest-environment jsdom
// Issue #13 part 2: the line's evidence says in words how the drug was identified (contract §2.2
// order: NDC, HCPCS, RxNorm RxCUI, RxNorm name, code text).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrugIdentification } from '../../engine/index.ts';
import { LineEvidence } from './line-evidence.tsx';
import { drugLine } from './test-kit/coder-data.ts';

afterEach(cleanup);

describe('contract §2.2: the drug line says how the drug was identified', () => {
  it.each<[string, DrugIdentification, string]>([
    ['NDC, shown 5-4-2', { by: 'ndc', value: '00409018101' }, 'Identified by NDC 00409-0181-01'],
    [
      'HCPCS coding',
      { by: 'hcpcs', value: 'J9267' },
      'Identified by the HCPCS code on the record, J9267',
    ],
    [
      'RxNorm ingredient with its display',
      { by: 'rxnorm', value: '56946', display: 'paclitaxel', candidates: ['J9267', 'J9264'] },
      'Identified by RxNorm 56946 (paclitaxel); no NDC decides the product, it may bill under J9267, J9264',
    ],
    ['RxNorm without a display', { by: 'rxnorm', value: '3639' }, 'Identified by RxNorm 3639'],
    [
      'RxNorm name',
      {
        by: 'rxnorm-name',
        value: '10 ML Doxorubicin Hydrochloride 2 MG/ML Injection',
        ingredient: 'doxorubicin',
      },
      'Identified by RxNorm name “10 ML Doxorubicin Hydrochloride 2 MG/ML Injection” (doxorubicin)',
    ],
    [
      'code text',
      { by: 'text', value: 'CISplatin IV infusion', ingredient: 'cisplatin' },
      'Identified by name “CISplatin IV infusion” (cisplatin)',
    ],
    [
      'one candidate: nothing to pick',
      { by: 'text', value: 'cisplatin', candidates: ['J9060'] },
      'Identified by name “cisplatin”',
    ],
  ])('%s', (_label, identity, words) => {
    render(<LineEvidence line={{ ...drugLine, evidence: { ...drugLine.evidence, identity } }} />);
    expect(screen.getByText('Drug').nextElementSibling?.textContent).toBe(words);
  });

  it('a line with no identity (administration code) says nothing about it', () => {
    render(<LineEvidence line={drugLine} />);
    expect(screen.queryByText('Drug')).toBeNull();
  });
});
