import { describe, expect, it } from 'vitest';
import type { EncounterResult, InputIssue, PatientInput } from '../../engine/index.ts';
import { placeUnplacedIssues } from './place-issues.ts';
import { defined } from '../../../test/defined.ts';

const issue = (source: string, place: Partial<InputIssue>): InputIssue => ({
  code: 'INVALID_RESOURCE',
  severity: 'error',
  message: `${source} could not be read`,
  sources: [source],
  patient: 'Patient/p1',
  ...place,
});

const patient = (issues: InputIssue[]): PatientInput => ({
  patient: 'Patient/p1',
  administrations: [],
  encounters: [
    {
      ref: 'Encounter/e2',
      patient: 'Patient/p1',
      sponsorPaidVisit: false,
      period: {
        start: { ms: Date.UTC(2026, 2, 3, 14), offsetMin: -300, iso: '2026-03-03T09:00:00-05:00' },
      },
    },
  ],
  coverages: [],
  authRequirements: [],
  preAuthorizations: [],
  researchSubjects: [],
  researchStudies: [],
  claims: [],
  readable: { coverage: true, claims: true, research: true, eligibility: true },
  issues,
});

const result = (encounter: string | null, date: string): EncounterResult => ({
  patient: 'Patient/p1',
  encounter,
  dateOfService: date,
  setting: 'professional',
  lines: [],
  warnings: [],
});

describe('placeUnplacedIssues', () => {
  it.each<[string, InputIssue, [string | null, string][]]>([
    [
      'placed by analyze: untouched',
      issue('MedicationAdministration/x', { encounter: 'Encounter/e1', date: '2026-03-02' }),
      [['Encounter/e1', '2026-03-02']],
    ],
    [
      'encounter with no administration left: own entry dated by the encounter',
      issue('MedicationAdministration/x', { encounter: 'Encounter/e2' }),
      [
        ['Encounter/e1', '2026-03-02'],
        ['Encounter/e2', '2026-03-03'],
      ],
    ],
    [
      'no encounter, other date: own entry',
      issue('MedicationAdministration/x', { encounter: null, date: '2026-03-05' }),
      [
        ['Encounter/e1', '2026-03-02'],
        [null, '2026-03-05'],
      ],
    ],
  ])('%s', (_n, i, entries) => {
    const base = [result('Encounter/e1', '2026-03-02')];
    const analysed =
      i.encounter === 'Encounter/e1'
        ? [
            {
              ...defined(base[0]),
              warnings: [
                { code: i.code, severity: i.severity, message: i.message, sources: i.sources },
              ],
            },
          ]
        : base;
    const out = placeUnplacedIssues(patient([i]), analysed, () => 'facility');
    expect(out.map((r) => [r.encounter, r.dateOfService])).toEqual(entries);
    expect(out.flatMap((r) => r.warnings.map((w) => w.sources[0]))).toEqual([
      'MedicationAdministration/x',
    ]);
  });

  it('a patient-level issue goes to every encounter of the patient', () => {
    const out = placeUnplacedIssues(
      patient([issue('Coverage/c1', { severity: 'warning' })]),
      [result('Encounter/e1', '2026-03-02'), result('Encounter/e3', '2026-03-09')],
      () => 'professional',
    );
    expect(out.map((r) => r.warnings.map((w) => w.sources))).toEqual([
      [['Coverage/c1']],
      [['Coverage/c1']],
    ]);
  });

  it('a patient with nothing else still gets an entry', () => {
    const out = placeUnplacedIssues(patient([issue('Coverage/c1', {})]), [], () => 'professional');
    expect(out).toEqual([
      expect.objectContaining({
        encounter: null,
        dateOfService: 'unknown',
        lines: [],
        setting: 'professional',
      }),
    ]);
  });
});
