// Issue 17 §5: the local EHR's launcher and sign-in pages use EveryDose's design tokens (type
// scale, colours, spacing, touch size from src/components/tokens.css), not colours of their own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { page } from './http-util.ts';

const tokens = readFileSync(new URL('../components/tokens.css', import.meta.url), 'utf8');

describe('launcher page style (issue 17 §5)', () => {
  const html = page('Local EHR launcher', '<main><label for="patient">Patient</label></main>');
  const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
  const own = style.replace(tokens, '');

  it('carries the design tokens', () => {
    expect(style).toContain(tokens);
  });

  it.each([
    ['type scale', 'var(--font-size-root)'],
    ['heading size', 'var(--font-size-xl)'],
    ['text colour', 'var(--color-text)'],
    ['primary action', 'var(--color-primary)'],
    ['spacing', 'var(--space-4)'],
    ['touch target', 'var(--target-min)'],
    ['focus ring', 'var(--focus-ring)'],
  ])('uses the %s token', (_name, token) => {
    expect(own).toContain(token);
  });

  it('writes no colour of its own (no raw hex outside the tokens)', () => {
    expect(own.match(/#[0-9a-f]{3,8}\b/gi) ?? []).toEqual([]);
  });
});
