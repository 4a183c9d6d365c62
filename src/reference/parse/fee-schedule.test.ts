import { describe, expect, it } from 'vitest';
import { parseFeeSchedule } from './fee-schedule.ts';

describe('practice fee schedule CSV (billing-rules PR-3)', () => {
  it('reads code,modifier,amount rows in any column order and case', () => {
    const text = 'Amount,Code,Modifier\r\n"$1,234.50",96413,\r\n15,96372,59\r\n\r\n.5,g0498,\r\n';
    expect(parseFeeSchedule(text)).toEqual([
      { code: '96413', modifier: '', amount: '1234.50' },
      { code: '96372', modifier: '59', amount: '15' },
      { code: 'G0498', modifier: '', amount: '0.5' },
    ]);
  });

  it.each([
    ['no header', '96413,,10\n', /no "code,modifier,amount" header/],
    ['no code', 'code,modifier,amount\n,,10\n', /row 2: no code/],
    ['amount not a number', 'code,modifier,amount\n96413,,ten\n', /row 2: amount "ten"/],
    ['empty amount', 'code,modifier,amount\n96413,,\n', /row 2: amount ""/],
    ['negative amount', 'code,modifier,amount\n96413,,-1\n', /not a price/],
    [
      'listed twice',
      'code,modifier,amount\n96372,59,1\n96372,59,2\n',
      /row 3: 96372-59 is listed twice/,
    ],
  ])('PR-4 %s is an error naming the row, never a guessed price', (_name, text, message) => {
    expect(() => parseFeeSchedule(text)).toThrow(message);
  });
});
