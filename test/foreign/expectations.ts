// Expectations for the foreign-data corpus, worked out by hand from the rule files and the
// records themselves (not from the program's output). Each row cites the rule that decides it.
export type RouteClass = 'iv' | 'sc' | 'oral' | 'none';

export interface Expectation {
  ref: string;
  /** Route as the record states it (SNOMED 47625008 / 255560000 = IV, 263887005 = SC, 26643006 = oral). */
  route: RouteClass;
  /** Chemotherapy (J9xxx / catalog chemotherapy by its RxNorm ingredient). */
  chemo?: boolean;
  rule: string;
  /** No line of any kind names it. */
  noLine?: boolean;
  /** These administration codes (with units) come from it. */
  lines?: Record<string, number>;
  /** Each of these warnings names it. */
  warnings?: string[];
  /** At least one of these warnings names it. */
  oneOf?: string[];
}

const MA = (id: string) => `MedicationAdministration/${id}`;

export const EXPECTATIONS: Expectation[] = [
  // R4 specification examples (Patient/pat1; Encounter/f001 belongs to Patient/f001)
  {
    ref: MA('medadmin0301'),
    route: 'iv',
    rule: 'contract §2.1 in-progress not billed yet',
    noLine: true,
    warnings: ['NOT_COMPLETED_EXCLUDED'],
  },
  {
    ref: MA('medadminexample03'),
    route: 'none',
    rule: 'contract §2.1 on-hold not billed yet',
    noLine: true,
    warnings: ['NOT_COMPLETED_EXCLUDED'],
  },
  {
    ref: MA('medadmin0303'),
    route: 'iv',
    rule: 'contract §2.1 entered-in-error never billed',
    noLine: true,
  },
];
