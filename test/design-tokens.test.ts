// Design tokens (issue 17 §5): colours are written once, in src/components/tokens.css, and every
// text/background pair the views use meets WCAG 2.1 AA contrast (1.4.3: 4.5:1 for text; 1.4.11:
// 3:1 for control borders and the focus ring). Every stylesheet and view uses the tokens.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const TOKENS = 'src/components/tokens.css';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = resolve(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every stylesheet and view of the app: src/**\/*.css, src/**\/*.tsx (not tests), public/*.css. */
const styled = [...walk(resolve(root, 'src')), ...walk(resolve(root, 'public'))]
  .map((p) => relative(root, p))
  .filter((p) => /\.(css|tsx)$/.test(p) && !/\.test\.tsx$/.test(p) && p !== TOKENS);

/** A raw hex colour (#abc, #abcd, #aabbcc, #aabbccdd); not an HTML entity like &#123;. */
const HEX = /(?<![&\w])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])/g;

export function rawHexColours(text: string): string[] {
  return [...text.matchAll(HEX)].map((m) => m[0]);
}

function tokens(): Map<string, string> {
  const text = readFileSync(resolve(root, TOKENS), 'utf8');
  const out = new Map<string, string>();
  for (const m of text.matchAll(/(--[\w-]+):\s*([^;]+);/g))
    out.set(m[1] ?? '', (m[2] ?? '').trim());
  return out;
}

function hexOf(name: string, all: Map<string, string>): string {
  let v = all.get(name);
  for (let guard = 0; v?.startsWith('var(') && guard < 5; guard += 1)
    v = all.get(/var\((--[\w-]+)\)/.exec(v)?.[1] ?? '');
  if (!v || !/^#[0-9a-f]{6}$/i.test(v)) throw new Error(`${name} is not a 6-digit hex colour`);
  return v;
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => {
    const s = parseInt(hex.slice(i, i + 2), 16) / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('design tokens: one place for colours', () => {
  it('finds raw hex colours, and not entities or ids', () => {
    expect(rawHexColours('a { color: #1f5f8b; border: 1px solid #FFF; }')).toEqual([
      '#1f5f8b',
      '#FFF',
    ]);
    expect(rawHexColours("x &#123; href={`#line-1`} '#main' #abcdefg")).toEqual([]);
  });

  it.each(styled)('%s has no raw hex colour (uses the tokens)', (file) => {
    expect(rawHexColours(readFileSync(resolve(root, file), 'utf8'))).toEqual([]);
  });

  it('the tokens are imported by the app entry pages only', () => {
    const importers = walk(resolve(root, 'src'))
      .filter((p) => /\.(ts|tsx)$/.test(p) && !/\.test\./.test(p))
      .filter((p) => /import\s+['"][./]*components\/tokens\.css['"]/.test(readFileSync(p, 'utf8')))
      .map((p) => relative(root, p))
      .sort();
    expect(importers).toEqual(['src/launch.ts', 'src/main.tsx']);
  });
});

describe('design tokens: WCAG 2.1 AA contrast', () => {
  const all = tokens();
  // [foreground, background, minimum]: 4.5 for text (1.4.3), 3 for non-text (1.4.11).
  const pairs: [string, string, number][] = [
    ['--color-text', '--color-bg', 4.5],
    ['--color-text', '--color-surface', 4.5],
    ['--color-text', '--color-surface-sunken', 4.5],
    ['--color-text', '--color-warning-bg', 4.5],
    ['--color-text', '--color-error-bg', 4.5],
    ['--color-text', '--color-caution-bg', 4.5],
    ['--color-text', '--color-running-bg', 4.5],
    ['--color-text-muted', '--color-surface', 4.5],
    ['--color-text-muted', '--color-bg', 4.5],
    ['--color-text-muted', '--color-surface-sunken', 4.5],
    ['--color-text-muted', '--color-info-bg', 4.5],
    ['--color-primary', '--color-surface', 4.5],
    ['--color-primary', '--color-bg', 4.5],
    ['--color-primary', '--color-info-bg', 4.5],
    ['--color-on-primary', '--color-primary', 4.5],
    ['--color-on-primary', '--color-primary-strong', 4.5],
    ['--color-on-primary', '--color-running', 4.5],
    ['--color-running', '--color-surface', 4.5],
    ['--color-running', '--color-running-bg', 4.5],
    ['--color-error', '--color-surface', 4.5],
    ['--color-error', '--color-error-bg', 4.5],
    ['--color-warning', '--color-surface', 4.5],
    ['--color-warning', '--color-warning-bg', 4.5],
    ['--color-success', '--color-surface', 4.5],
    ['--color-success', '--color-success-bg', 4.5],
    ['--color-info', '--color-info-bg', 4.5],
    ['--color-border-strong', '--color-surface', 3],
    ['--color-border-strong', '--color-bg', 3],
    ['--color-focus', '--color-surface', 3],
    ['--color-focus', '--color-bg', 3],
    ['--color-focus', '--color-running-bg', 3],
    ['--color-focus', '--color-info-bg', 3],
  ];
  it.each(pairs)('%s on %s ≥ %s:1', (fg, bg, min) => {
    expect(contrast(hexOf(fg, all), hexOf(bg, all))).toBeGreaterThanOrEqual(min);
  });

  it('computes the WCAG ratio (black on white 21:1, boundary 4.5:1 grey #767676)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
});
