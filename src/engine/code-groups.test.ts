import { describe, expect, it } from 'vitest';
import { isIvTimedCode, isTpdIvCode } from './code-groups.ts';

describe('code groups (one home for the code lists R3–R7 and R23.4 read)', () => {
  it.each<[string, boolean, boolean, string]>([
    ['96359', false, false, 'below the hydration range'],
    ['96360', true, true, 'R3 hydration first hour: first TPD code'],
    ['96361', true, true, 'R3 hydration additional hour'],
    ['96365', true, true, 'R4 TPD infusion first hour'],
    ['96368', true, true, 'R4 concurrent infusion: last TPD infusion code'],
    ['96369', false, false, 'R22 SC infusion is not IV'],
    ['96372', false, false, 'R21 SC/IM injection is not IV'],
    ['96373', false, false, 'intra-arterial push is not IV'],
    ['96374', true, true, 'R5 TPD push initial'],
    ['96376', true, true, 'R5 same-drug push: last TPD code'],
    ['96377', false, false, 'R20.7 on-body injector'],
    ['96401', false, false, 'R21 chemo injection SC/IM'],
    ['96409', false, true, 'R6 chemo push initial'],
    ['96411', false, true, 'R6 chemo push additional'],
    ['96413', false, true, 'R7 chemo infusion first hour'],
    ['96415', false, true, 'R7 chemo infusion additional hour'],
    ['96416', false, false, 'R23 pump initiation: its stop is the disconnect'],
    ['96417', false, true, 'R7 chemo infusion sequential'],
    ['96418', false, false, 'above the chemo IV range'],
    ['G0498', false, false, 'R23.5 pump initiation (facility)'],
  ])('R3–R7, R23.4 %s: TPD IV %s, IV timed %s (%s)', (code, tpd, timed) => {
    expect(isTpdIvCode(code)).toBe(tpd);
    expect(isIvTimedCode(code)).toBe(timed);
  });
});
