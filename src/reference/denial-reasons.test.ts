import { describe, expect, it } from 'vitest';
import { CARC, classifyDenial, DENIAL_CAUSES, RARC } from './denial-reasons.ts';

interface Line {
  code?: string;
  modifiers?: string[];
  trial?: boolean;
}

describe('classifyDenial: CARC/RARC → root cause', () => {
  it.each([
    // [carcs, rarcs, line, cause]
    [['197'], [], {}, 'authorization'],
    [['198'], [], {}, 'authorization'],
    [['15'], [], {}, 'authorization'],
    [['27'], [], {}, 'coverage'],
    [['109'], [], {}, 'wrong-payer'],
    [['151'], [], {}, 'units-mue'],
    [['16'], ['N362'], {}, 'units-mue'],
    [['236'], [], {}, 'ncci-bundling'],
    [['97'], ['M80'], {}, 'ncci-bundling'],
    [['181'], [], {}, 'code-not-valid-for-date'],
    [['16'], ['M119'], {}, 'ndc'],
    [['16'], [], {}, 'other'], // CARC 16 alone says only "information missing"
    [['16'], ['N29'], {}, 'documentation'],
    [['18'], [], {}, 'duplicate'],
    [['999'], ['ZZ1'], {}, 'other'], // unknown codes are never guessed
    // a modifier denial: on a drug line without JW/JZ it is JW/JZ; with Q0/Q1 it is trial coding
    [['4'], [], { code: 'J9271', modifiers: [] }, 'jw-jz'],
    [['4'], ['N822'], { code: 'J9271', modifiers: ['JZ'] }, 'modifier'],
    [['4'], [], { code: '96413', modifiers: ['Q1'] }, 'trial-coding'],
    [['4'], [], { code: '96413', modifiers: [], trial: true }, 'trial-coding'],
    [['4'], [], { code: '96413', modifiers: [] }, 'modifier'],
    [['0197'], [], {}, 'authorization'], // leading zeros as some payers send them
  ] as [string[], string[], Line, string][])(
    'CARC %j RARC %j line %j → %s',
    (carcs, rarcs, line, cause) => {
      expect(classifyDenial(carcs, rarcs, line).cause).toBe(cause);
    },
  );

  it('names every code that decided, with its words', () => {
    expect(classifyDenial(['16'], ['M119']).reasons).toEqual([
      'RARC M119: NDC missing, incomplete or invalid',
      'CARC 16: Claim lacks information or has a billing error (see the remark codes)',
    ]);
  });

  it('every cause a code maps to has words and lists warnings that exist as strings', () => {
    for (const row of [...Object.values(CARC), ...Object.values(RARC)]) {
      const info = DENIAL_CAUSES[row.cause];
      expect(info.label.length).toBeGreaterThan(5);
      for (const w of info.preventedBy) expect(w).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });
});
