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
  /** Its drug lines (codes that are not administration codes), with units. */
  drugLines?: Record<string, number>;
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
  {
    ref: MA('medadmin0305'),
    route: 'iv',
    chemo: true,
    rule: 'ENCOUNTER_SUBJECT_MISMATCH (issue 13 §4): Adcetris on Encounter/f001, which belongs to Patient/f001; not billed',
    noLine: true,
    warnings: ['ENCOUNTER_SUBJECT_MISMATCH'],
  },
  {
    ref: MA('medadmin0306'),
    route: 'oral',
    rule: "ENCOUNTER_SUBJECT_MISMATCH (issue 13 §4): oral azithromycin on another patient's encounter; no line",
    noLine: true,
    warnings: ['ENCOUNTER_SUBJECT_MISMATCH'],
  },
  {
    ref: MA('medadmin0307'),
    route: 'iv',
    rule: "ENCOUNTER_SUBJECT_MISMATCH (issue 13 §4): lorazepam IV on another patient's encounter; no line",
    noLine: true,
    warnings: ['ENCOUNTER_SUBJECT_MISMATCH'],
  },
  {
    ref: MA('medadmin0308'),
    route: 'sc',
    rule: 'R20.3 hold: Lantus SC on pat1 2015-01-15, where medadmin0312/0313 have no route; no 96372',
    lines: {},
    warnings: ['UNKNOWN_DRUG_CATEGORY'],
  },
  {
    ref: MA('medicationadministration-example'),
    route: 'sc',
    rule: 'R21.1 Lantus SC (263887005), therapeutic: 96372 x1',
    lines: { '96372': 1 },
  },
  // eCQM QI-Core 2024 test cases (ecqm-qicore-2024/): minimal records, RxNorm only, most
  // without route or encounter link, as the measure authors wrote them.
  {
    ref: MA('077d3d0c-2ab9-4e6c-b437-d2a8471f111d'),
    route: 'none',
    chemo: true,
    rule: 'R1.1 not-done BCG instillation: never billed, named by NOT_GIVEN_NOT_BILLED',
    noLine: true,
    warnings: ['NOT_GIVEN_NOT_BILLED'],
  },
  {
    ref: MA('f2cedb15-7fc5-4b6e-901d-1f08fe545306'),
    route: 'none',
    rule: 'R1.1 status unknown (warfarin): never billed',
    noLine: true,
    warnings: ['NOT_GIVEN_NOT_BILLED'],
  },
  {
    ref: MA('888733a2-da18-48b1-8172-76b9a9eb815b'),
    route: 'none',
    chemo: true,
    rule: 'R1.1 in-progress BCG injection: not billed yet',
    noLine: true,
    warnings: ['NOT_COMPLETED_EXCLUDED'],
  },
  {
    ref: MA('211f7ada-6a9d-4a7e-b5bb-c9af97634906'),
    route: 'none',
    chemo: true,
    rule: 'R1.1 in-progress, subject an absolute URL to a Patient not in the input: still named',
    noLine: true,
    warnings: ['NOT_COMPLETED_EXCLUDED'],
  },
  {
    ref: MA('578e852e-b7a2-4c6b-814d-52bf371ac368'),
    route: 'none',
    chemo: true,
    rule: 'medication-vocabulary §1.3 step 6 + R20.5: no route; BCG is intravesical although its RxNorm dose form reads Topical Suspension: no IV line, ROUTE_OUT_OF_SCOPE',
    noLine: true,
    warnings: ['ROUTE_OUT_OF_SCOPE'],
  },
  {
    ref: MA('2fbbca88-758b-4928-bf0b-57ecdf867d0d'),
    route: 'none',
    rule: 'R20.4 no route, dose form Oral Tablet (warfarin): no line',
    noLine: true,
    warnings: ['ORAL_ROUTE_NOT_BILLABLE'],
  },
  {
    ref: MA('d11443fc-eed9-4aa0-97b0-dc2110edab98'),
    route: 'none',
    rule: 'R20.3/R20.4 no route, an RxNorm Pack of oral tablets (vocabulary: Pack is unknown): no line',
    noLine: true,
    oneOf: ['ORAL_ROUTE_NOT_BILLABLE', 'ROUTE_UNKNOWN'],
  },
  {
    ref: MA('6922657f-59a1-45b1-9f15-8b7c46e32d2e'),
    route: 'none',
    rule: 'R20.3 RxNorm code only, no route, no name: ROUTE_UNKNOWN, never assumed IV',
    noLine: true,
    warnings: ['ROUTE_UNKNOWN'],
  },
  {
    ref: MA('c9916091-3c17-4d78-a884-602d758641e9'),
    route: 'none',
    rule: 'R20.3 + R-04 alteplase by RxNorm, no route and no dose: ROUTE_UNKNOWN, no drug line',
    noLine: true,
    warnings: ['ROUTE_UNKNOWN', 'UNIT_CONVERSION_MISSING'],
  },
  {
    ref: MA('9cdd2ab6-82f3-4591-a08f-b6415b471877'),
    route: 'sc',
    rule: 'R21.1 heparin SC (34206005), therapeutic: 96372 x1, no stop time needed (R21.10)',
    lines: { '96372': 1 },
  },
  {
    ref: MA('3892af13-9caa-491d-82ad-3bfe7d313832'),
    route: 'iv',
    rule: 'R2.5/R4.4 heparin IV (418114005) 06:00-07:00, 60 min, therapeutic: 96365 x1, no add-on hour',
    lines: { '96365': 1 },
  },
  {
    ref: MA('3554eabb-c778-4b17-a280-624a596b6456'),
    route: 'iv',
    rule: 'R9.12 heparin IV over six days (> 8 h): coder review, no administration line',
    lines: {},
    warnings: ['PROLONGED_PUMP_INFUSION_REVIEW'],
  },
  {
    ref: MA('56b688e7-27d1-45eb-b452-3495369107ed'),
    route: 'sc',
    rule: 'R20.3 hold (ROUTE_UNKNOWN on 6922657f, same patient and day) keeps 96372 back; R-01/R-03 naloxone 0.4 mg / 0.01 mg = J2312 x40',
    lines: {},
    drugLines: { J2312: 40 },
  },
  {
    ref: MA('153d7760-5581-481f-905f-4ffe076c0377'),
    route: 'sc',
    rule: 'R20.3 hold (ROUTE_UNKNOWN on ef0ab28d, same patient and day); nalmefene has no HCPCS: no line',
    noLine: true,
    warnings: ['UNKNOWN_DRUG_CATEGORY'],
  },
];
