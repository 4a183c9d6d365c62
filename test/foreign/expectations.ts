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
  /** Some line from it has one of these codes. */
  oneOfCodes?: string[];
}

const MA = (id: string) => `MedicationAdministration/${id}`;

export const EXPECTATIONS: Expectation[] = [
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
  {
    ref: MA('medadmin0309'),
    route: 'iv',
    rule: 'R20.3 hold: ROUTE_UNKNOWN on medadmin0312/0313 holds the administration lines of the same patient and date',
    lines: {},
  },
  {
    ref: MA('medadmin0310'),
    route: 'oral',
    chemo: true,
    rule: 'R20.4 oral busulfan: no administration line',
    warnings: ['ORAL_ROUTE_NOT_BILLABLE'],
    lines: {},
  },
  {
    ref: MA('medadmin0311'),
    route: 'oral',
    rule: 'R20.4 oral alprazolam: no line',
    noLine: true,
    warnings: ['ORAL_ROUTE_NOT_BILLABLE'],
  },
  {
    ref: MA('medadmin0312'),
    route: 'none',
    rule: 'contract §2.1 / R20.3: no route; a transdermal patch is non-IV, or the route is unknown',
    noLine: true,
    oneOf: ['ORAL_ROUTE_NOT_BILLABLE', 'ROUTE_UNKNOWN'],
  },
  {
    ref: MA('medadmin0313'),
    route: 'none',
    rule: 'contract §2.1 / R20.3: no route; a rectal suppository is non-IV, or the route is unknown',
    noLine: true,
    oneOf: ['ORAL_ROUTE_NOT_BILLABLE', 'ROUTE_UNKNOWN'],
  },
  {
    ref: MA('medicationadministrationone-example'),
    route: 'oral',
    rule: 'R20.4 oral route: no line',
    noLine: true,
    warnings: ['ORAL_ROUTE_NOT_BILLABLE'],
  },
  {
    ref: MA('cancer-related-medication-admin-doxorubicin-jenny-m'),
    route: 'iv',
    chemo: true,
    rule: 'infusion-rules §2 chemotherapy by RxNorm 1790099 (doxorubicin)',
    oneOfCodes: ['96409', '96411', '96413', '96415', '96417'],
  },
  {
    ref: MA('cancer-related-medication-admin-vincristine-brian-l'),
    route: 'iv',
    chemo: true,
    rule: 'infusion-rules §2 chemotherapy by RxNorm 11202 (vincristine)',
    oneOfCodes: ['96409', '96411', '96413', '96415', '96417'],
  },
  {
    ref: MA('cancer-related-medication-admin-idarubicin-brian-l'),
    route: 'iv',
    chemo: true,
    rule: 'infusion-rules §2 chemotherapy by RxNorm 5650 (idarubicin)',
    oneOfCodes: ['96409', '96411', '96413', '96415', '96417'],
  },
  {
    ref: MA('cancer-related-medication-admin-paclitaxel-jenny-m'),
    route: 'iv',
    chemo: true,
    rule: 'infusion-rules §2 chemotherapy by RxNorm 56946 (paclitaxel)',
    oneOfCodes: ['96409', '96411', '96413', '96415', '96417'],
  },
  {
    ref: MA('cancer-related-medication-admin-cyclophosphamide-jenny-m'),
    route: 'iv',
    chemo: true,
    rule: 'infusion-rules §2 chemotherapy by RxNorm 3002 (cyclophosphamide)',
    oneOfCodes: ['96409', '96411', '96413', '96415', '96417'],
  },
  {
    ref: MA('cancer-related-medication-admin-cyclophosphamide-brian-l'),
    route: 'iv',
    chemo: true,
    rule: 'infusion-rules §2 chemotherapy by RxNorm 3002 (cyclophosphamide)',
    oneOfCodes: ['96409', '96411', '96413', '96415', '96417'],
  },
];
