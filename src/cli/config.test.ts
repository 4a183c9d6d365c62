import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { MEDICARE_RULES } from '../engine/index.ts';
import { parseAuditArgs } from './args.ts';
import { buildConfig } from './config.ts';
import { UsageError } from './errors.ts';

describe('config file (contract §1)', () => {
  it('defaults to the medicare profile', () => {
    const c = buildConfig({}, '/cfg');
    expect(c.engine.payerProfile).toBe('medicare');
    expect(c.engine.rules).toEqual(MEDICARE_RULES);
    expect(c.engine.entity340b).toBeNull();
    expect(c.engine.setting).toBeUndefined();
    expect(c.reference).toEqual({});
  });

  it('merges rules and trial key by key over the profile; paths relative to the config file', () => {
    const c = buildConfig(
      {
        setting: 'facility',
        payerProfile: 'commercial',
        entity340b: 'TB',
        reference: { mue: 'cms/mue.csv', paymentLimits: '/abs/asp.csv' },
        rules: { missingStopTime: 'hold', doseDeviationPercent: 5 },
        trial: { requireNct: true, studies: { '09990001': { qualifying: false } } },
      },
      '/cfg',
    );
    expect(c.engine).toMatchObject({
      setting: 'facility',
      payerProfile: 'commercial',
      entity340b: 'TB',
    });
    expect(c.engine.rules).toEqual({
      ...MEDICARE_RULES,
      missingStopTime: 'hold',
      doseDeviationPercent: 5,
    });
    expect(c.engine.trial).toMatchObject({
      requireNct: true,
      requireConditionCode30: false,
      studies: { '09990001': { qualifying: false } },
    });
    expect(c.reference).toEqual({
      mue: resolve('/cfg/cms/mue.csv'),
      paymentLimits: '/abs/asp.csv',
    });
  });

  it('R25.1: the NCCI PTP tables are reference paths like the others', () => {
    const c = buildConfig(
      {
        reference: { ptpPractitioner: 'cms/ccipra.txt', ptpHospital: '/abs/ccioph.txt' },
        rules: { distinctServiceModifier: 'XU', ptpIndicator0Action: 'remove_column2' },
      },
      '/cfg',
    );
    expect(c.reference).toEqual({
      ptpPractitioner: resolve('/cfg/cms/ccipra.txt'),
      ptpHospital: '/abs/ccioph.txt',
    });
    expect(c.engine.rules).toMatchObject({
      distinctServiceModifier: 'XU',
      ptpIndicator0Action: 'remove_column2',
    });
  });

  it.each([
    ['unknown top-level key', { colour: 'blue' }, /unknown key "colour"/],
    ['unknown rule key', { rules: { missingStop: 'push' } }, /unknown key "missingStop" in rules/],
    ['unknown trial key', { trial: { nct: true } }, /unknown key "nct" in trial/],
    ['unknown reference key', { reference: { ncci: 'x.csv' } }, /unknown key "ncci" in reference/],
    [
      'bad rule value',
      { rules: { missingStopTime: 'maybe' } },
      /rules\.missingStopTime has a value that is not allowed/,
    ],
    ['bad profile', { payerProfile: 'medigap' }, /payerProfile has a value that is not allowed/],
    ['bad 340B', { entity340b: 'JX' }, /entity340b/],
    ['not an object', [1, 2], /config/],
  ])('%s is a usage error', (_n, raw, message) => {
    expect(() => buildConfig(raw, '/cfg', 'audit.json')).toThrow(UsageError);
    expect(() => buildConfig(raw, '/cfg', 'audit.json')).toThrow(message);
  });
});

describe('arguments', () => {
  it('reads options and paths', () => {
    expect(parseAuditArgs(['--setting', 'facility', '--format', 'table', 'a.json', 'dir'])).toEqual(
      {
        setting: 'facility',
        format: 'table',
        paths: ['a.json', 'dir'],
        help: false,
      },
    );
  });

  it.each([
    [[], /no input given/],
    [['--setting', 'home', 'a.json'], /--setting must be/],
    [['--format', 'xml', 'a.json'], /--format must be/],
    [['--verbose', 'a.json'], /Unknown option/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseAuditArgs(argv)).toThrow(message);
  });
});
