// NCCI PTP parser (injection-pump-rules R25.1): the CMS quarterly layouts and the derived subset.
import { describe, expect, it } from 'vitest';
import { ptpTable } from '../cms-tables.ts';
import { HAS_SHARED, shared } from '../test-kit/cms-files.ts';
import { parsePtp } from './ptp.ts';

// The tab-delimited text form: banner rows, then a header split over several rows.
const TEXT_LAYOUT = [
  'CPT only copyright 2025 American Medical Association. All rights reserved.',
  '',
  'Column1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale',
  '\t\tprior to 1996\tDate\tDate\t0=not allowed\t',
  '\t\t\t\t*=no data\t1=allowed\t',
  '\t\t\t\t\t9=not applicable\t',
  '96413\t96372\t\t20090101\t*\t1\tMisuse of column two code with column one code',
  '96416\t96521\t\t20060101\t*\t0\tMutually exclusive procedures',
  '96360\t96523\t\t20100101\t20250101\t0\tStandards of medical / surgical services',
  '96413\t36000\t*\t19960101\t*\t9\tCPT Manual or CMS manual coding instructions',
].join('\r\n');

// The spreadsheet form saved as CSV: one header row.
const CSV_LAYOUT = [
  '"CPT only copyright 2025 American Medical Association, all rights reserved."',
  'Column 1,Column 2,"*=in existence prior to 1996",Effective Date,"Deletion Date *=no data","Modifier 0=not allowed 1=allowed 9=not applicable",PTP Edit Rationale',
  '96413,96372,,20090101,*,1,Misuse of column two code with column one code',
  '96416,G0498,,20160101,*,0,Mutually exclusive procedures',
].join('\n');

describe('parsePtp (R25.1 CMS layouts)', () => {
  it.each([
    [
      'tab-delimited text, header over four rows',
      TEXT_LAYOUT,
      [
        { column1: '96413', column2: '96372', indicator: 1, from: '2009-01-01' },
        { column1: '96416', column2: '96521', indicator: 0, from: '2006-01-01' },
        {
          column1: '96360',
          column2: '96523',
          indicator: 0,
          from: '2010-01-01',
          deleted: '2025-01-01',
        },
        { column1: '96413', column2: '36000', indicator: 9, from: '1996-01-01' },
      ],
    ],
    [
      'spreadsheet saved as CSV',
      CSV_LAYOUT,
      [
        { column1: '96413', column2: '96372', indicator: 1, from: '2009-01-01' },
        { column1: '96416', column2: 'G0498', indicator: 0, from: '2016-01-01' },
      ],
    ],
    [
      'derived three-column subset',
      'Column 1,Column 2,Modifier Indicator\n96360,0543T,1\n96416,96523,0\n',
      [
        { column1: '96360', column2: '0543T', indicator: 1 },
        { column1: '96416', column2: '96523', indicator: 0 },
      ],
    ],
  ])('%s', (_name, text, rows) => {
    expect(parsePtp(text).rows).toEqual(rows);
  });

  it('rejects a file that is not a PTP table', () => {
    expect(() => parsePtp('HCPCS,MUE\n96413,1\n')).toThrow(/PTP/);
  });

  it('keeps a deleted pair as a dated span', () => {
    const t = ptpTable(parsePtp(TEXT_LAYOUT), 'practitioner');
    expect(t.pairs['96360']?.['96523']).toEqual([[0, '2010-01-01', '2025-01-01']]);
  });

  it.skipIf(!HAS_SHARED)('reads the shipped hospital subset: 2,832 active pairs (S60)', () => {
    const rows = parsePtp(shared('ccioph-v323r0_active_col1_96360-96549_subset.csv')).rows;
    expect(rows).toHaveLength(2832);
    expect(new Set(rows.map((r) => r.column1)).size).toBe(38);
  });
});
