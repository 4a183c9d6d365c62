import { describe, expect, it } from 'vitest';
import type { Warning, WarningCode } from '../../engine/index.ts';
import { nurseTasks } from './billing-todo.tsx';

const names = new Map([
  ['MedicationAdministration/a1', 'Paclitaxel'],
  ['MedicationAdministration/a2', 'Pembrolizumab'],
]);
const w = (code: WarningCode, ...sources: string[]): Warning => ({
  code,
  severity: 'warning',
  message: 'engine words',
  sources,
});

describe('what billing still needs from the nurse (contract §2.1, §2.3)', () => {
  it.each<[string, Warning[], string[]]>([
    [
      'NOT_COMPLETED_EXCLUDED → a stop time',
      [w('NOT_COMPLETED_EXCLUDED', 'MedicationAdministration/a1')],
      ['Paclitaxel: needs a stop time before it can be billed.'],
    ],
    [
      'MISSING_STOP_TIME and NOT_COMPLETED_EXCLUDED on one record say it once',
      [
        w('MISSING_STOP_TIME', 'MedicationAdministration/a1'),
        w('NOT_COMPLETED_EXCLUDED', 'MedicationAdministration/a1'),
      ],
      ['Paclitaxel: needs a stop time before it can be billed.'],
    ],
    [
      'WASTE_NOT_DOCUMENTED and VIALS_NOT_DOCUMENTED',
      [
        w('VIALS_NOT_DOCUMENTED', 'MedicationAdministration/a2'),
        w('WASTE_NOT_DOCUMENTED', 'MedicationAdministration/a2'),
      ],
      [
        'Pembrolizumab: the containers opened are not listed.',
        'Pembrolizumab: the amount discarded is not documented.',
      ],
    ],
    [
      'coder-only warnings are not the nurse’s',
      [w('AUTH_MISSING', 'MedicationAdministration/a2')],
      [],
    ],
    ['a record not on the screen', [w('WASTE_NOT_DOCUMENTED', 'MedicationAdministration/zz')], []],
  ])('%s', (_n, warnings, want) => {
    expect(nurseTasks(warnings, names)).toEqual(want);
  });
});
