import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildDraftClaim, type SignedLine } from '../write/claim-builder.ts';
import { signedLinesCsvFile, safeCell, CSV_COLUMNS } from './claim-csv.ts';
import { claimJsonFile, exportBaseName } from './claim-json.ts';

const lines: SignedLine[] = [
  {
    code: '96413',
    units: 1,
    modifiers: [],
    date: '2026-03-02',
    sources: ['MedicationAdministration/a1'],
    decision: 'accepted',
  },
  {
    code: 'J9271',
    units: 56,
    modifiers: ['JW', 'Q1'],
    date: '2026-03-02',
    sources: ['MedicationAdministration/a1', 'MedicationAdministration/a2'],
    ndc: { code: '00006302602', quantity: 2.24, unit: 'ML' },
    amount: 312.5,
    decision: 'edited',
    reason: '=HYPERLINK("x"), per pharmacy log',
  },
];
const header = { patient: 'Patient/p1', encounter: 'Encounter/e1', dateOfService: '2026-03-02' };

describe('FHIR JSON download', () => {
  it('holds the draft Claim without server id or meta, named by encounter and date', () => {
    const claim = buildDraftClaim({
      patient: 'Patient/p1',
      encounter: 'Encounter/e1',
      setting: 'professional',
      lines,
      diagnoses: ['C34.90'],
      preAuthRefs: [],
      provider: 'Organization/clinic',
      created: '2026-03-03T10:00:00Z',
      id: 'claim-1',
    });
    const file = claimJsonFile(
      { ...claim, meta: { versionId: '2' } },
      'Encounter/e1',
      '2026-03-02',
    );
    expect(file.filename).toBe('claim-e1-2026-03-02.json');
    expect(file.mimeType).toBe('application/fhir+json');
    const parsed: unknown = JSON.parse(file.content);
    expect(parsed).toMatchObject({ resourceType: 'Claim', status: 'draft', use: 'claim' });
    expect(parsed).not.toHaveProperty('id');
    expect(parsed).not.toHaveProperty('meta');
    expect((parsed as { item: unknown[] }).item).toHaveLength(2);
  });

  it.each([
    [null, '2026-03-02', 'claim-no-encounter-2026-03-02'],
    ['Encounter/a b/c', '2026-03-02', 'claim-c-2026-03-02'],
    ['Encounter/x?y', '2026-03-02', 'claim-x_y-2026-03-02'],
  ])('file name for %s', (enc, date, name) => {
    expect(exportBaseName(enc, date)).toBe(name);
  });
});

describe('CSV download', () => {
  it('has one row per signed line with codes, units, NDC, amount and decision', () => {
    const file = signedLinesCsvFile(header, lines);
    expect(file.filename).toBe('claim-e1-2026-03-02.csv');
    const parsed = Papa.parse<Record<string, string>>(file.content.trim(), { header: true });
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data).toEqual([
      {
        patient: 'Patient/p1',
        encounter: 'Encounter/e1',
        date_of_service: '2026-03-02',
        line: '1',
        code: '96413',
        modifiers: '',
        units: '1',
        ndc: '',
        ndc_quantity: '',
        ndc_unit: '',
        amount_usd: '',
        decision: 'accepted',
        reason: '',
        sources: 'MedicationAdministration/a1',
      },
      {
        patient: 'Patient/p1',
        encounter: 'Encounter/e1',
        date_of_service: '2026-03-02',
        line: '2',
        code: 'J9271',
        modifiers: 'JW Q1',
        units: '56',
        ndc: '00006302602',
        ndc_quantity: '2.24',
        ndc_unit: 'ML',
        amount_usd: '312.50',
        decision: 'edited',
        reason: `'=HYPERLINK("x"), per pharmacy log`,
        sources: 'MedicationAdministration/a1 MedicationAdministration/a2',
      },
    ]);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM', "'@SUM"],
    ['plain note', 'plain note'],
  ])('defuses formula-looking text %s', (raw, safe) => {
    expect(safeCell(raw)).toBe(safe);
  });
});
