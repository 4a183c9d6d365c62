import { describe, expect, it } from 'vitest';
import type { PriorDenial } from '../../engine/index.ts';
import { visitDateText } from '../../hooks/visit-words.ts';
import { CAUSE_WORDS, priorDenialNote } from './prior-denial-notes.ts';

function denial(over: Partial<PriorDenial>): PriorDenial {
  return {
    code: 'J9312',
    date: '2026-07-12',
    cause: 'ndc',
    label: '',
    reasons: [],
    preventedBy: [],
    source: 'ClaimResponse/cr1',
    carcs: ['16'],
    rarcs: ['M119'],
    ...over,
  };
}

describe('issue 17 §4 "Denied before for this": the note in words per root cause', () => {
  it.each<[PriorDenial['cause'], string[], string[], string]>([
    ['ndc', ['16'], ['M119'], 'the NDC was missing or invalid (CARC 16, M119)'],
    ['jw-jz', ['4'], [], 'the discarded-drug modifier (JW/JZ) was missing or wrong (CARC 4)'],
    ['modifier', ['4'], [], 'a modifier was missing or did not fit the code (CARC 4)'],
    ['units-mue', ['151'], [], 'the units were above the medically unlikely edit (MUE) (CARC 151)'],
    [
      'ncci-bundling',
      ['97'],
      [],
      'it was bundled with another service the same day (NCCI) (CARC 97)',
    ],
    [
      'authorization',
      ['197'],
      [],
      'the prior authorization was missing, expired or exceeded (CARC 197)',
    ],
    ['coverage', ['27'], [], 'the coverage was not active on the date of service (CARC 27)'],
    ['wrong-payer', ['109'], [], 'the claim went to the wrong payer (CARC 109)'],
    [
      'trial-coding',
      ['16'],
      ['MA50'],
      'the clinical-trial coding (Q0/Q1, Z00.6, trial number) was missing or wrong (CARC 16, MA50)',
    ],
    [
      'code-not-valid-for-date',
      ['181'],
      [],
      'the code or modifier was not valid on the date of service (CARC 181)',
    ],
    ['diagnosis', ['11'], [], 'the diagnosis was missing or did not support the service (CARC 11)'],
    [
      'documentation',
      ['16'],
      ['M127'],
      'the documentation (times, waste, orders) was missing (CARC 16, M127)',
    ],
    ['duplicate', ['18'], [], 'it was billed twice (CARC 18)'],
    ['other', ['45'], [], 'for a reason our checks do not cover (CARC 45)'],
    // boundary: a RARC sent in lower case is shown as published; no reason codes → no brackets
    ['ndc', ['16'], ['m119'], 'the NDC was missing or invalid (CARC 16, M119)'],
    ['ndc', [], [], 'the NDC was missing or invalid'],
  ])('cause %s with CARC %j RARC %j → "… — %s"', (cause, carcs, rarcs, words) => {
    expect(priorDenialNote(denial({ cause, carcs, rarcs }), 'Acme PPO')).toBe(
      `Denied before for this: 12 Jul 2026, Acme PPO — ${words}`,
    );
  });

  it('has words for every cause the reason-code table can give', () => {
    for (const w of Object.values(CAUSE_WORDS)) expect(w).toMatch(/^[a-z]/);
  });

  it.each<[string, Partial<PriorDenial>, string | undefined, string]>([
    [
      'the brief’s example',
      {},
      'Acme PPO',
      'Denied before for this: 12 Jul 2026, Acme PPO — the NDC was missing or invalid (CARC 16, M119)',
    ],
    // a payer that could not be named is left out, never guessed
    [
      'payer unknown',
      {},
      undefined,
      'Denied before for this: 12 Jul 2026 — the NDC was missing or invalid (CARC 16, M119)',
    ],
    // an undated answer says so rather than borrowing a date
    [
      'no date',
      { date: undefined },
      'Acme PPO',
      'Denied before for this: date not on the payer’s answer, Acme PPO — the NDC was missing or invalid (CARC 16, M119)',
    ],
  ])('%s', (_name, over, payer, text) => {
    const d = denial(over);
    if (over.date === undefined && 'date' in over) delete d.date;
    expect(priorDenialNote(d, payer)).toBe(text);
  });

  it.each([
    ['2026-07-12', '12 Jul 2026'],
    ['2026-01-01', '1 Jan 2026'],
    ['2026-12-31', '31 Dec 2026'],
    ['2026-13-01', '2026-13-01'], // no 13th month: shown as given
    ['July', 'July'],
  ])('date %s reads %s', (iso, words) => {
    expect(visitDateText(iso)).toBe(words);
  });
});
