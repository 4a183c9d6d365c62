// @vitest-environment jsdom
// Issue 17 §5 "screens people trust": the coder's lines as a compact table. One row per line;
// every code with its plain words beside it (the team's words from service-codes.ts, drug codes
// from the reference data) and modifiers in words; the evidence in words behind a disclosure
// (aria-expanded), record ids only after "Show record ids"; the visit total as the last row;
// "Accept all lines without warnings" still skips lines a warning concerns; "Sign off" in the
// sticky sign-off bar with the number of reasons that stop it.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FhirResource, MedicationAdministration } from 'fhir/r4';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DerivedLine, EncounterResult } from '../../engine/index.ts';
import { MemoryGateway } from '../../fhir/test-kit/memory-gateway.ts';
import { builtinReference } from '../../reference/builtin.ts';
import { MODIFIER_WORDS } from '../../reference/service-codes.ts';
import { codeWords, modifierWords, modifiersInWords, NO_DESCRIPTION } from './code-words.ts';
import { CoderReview } from './coder-review.tsx';
import { chemoLine, drugLine, launch, picture, pushLine, result } from './test-kit/coder-data.ts';

const reference = builtinReference();
const NOW = new Date('2026-03-03T15:00:00.000Z');

const a1: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'a1',
  status: 'completed',
  subject: { reference: 'Patient/p1' },
  context: { reference: 'Encounter/e1' },
  medicationCodeableConcept: { text: 'pembrolizumab 200 mg in 100 mL saline' },
  effectivePeriod: { start: '2026-03-02T09:00:00-05:00', end: '2026-03-02T10:02:00-05:00' },
};

const wasteLine: DerivedLine = {
  ...drugLine,
  code: 'J9263',
  drugName: 'oxaliplatin',
  units: 20,
  modifiers: ['JW'],
  sources: ['MedicationAdministration/a1'],
  amount: 50,
};

function setup(r: EncounterResult = result(), resources: FhirResource[] = [...picture, a1]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <CoderReview
        result={r}
        resources={resources}
        gateway={new MemoryGateway(launch, resources)}
        now={() => NOW}
        reference={reference}
      />
    </QueryClientProvider>,
  );
  return { user };
}

const rows = () => screen.getAllByRole('article');
const row = (name: RegExp) => screen.getByRole('article', { name });
/** CPT (5 digits or 4 + F/T/U) and HCPCS Level II codes (a letter and 4 digits). */
const CODE = /\b(?:\d{4}[0-9FTU]|[A-Z]\d{4})\b/g;

beforeEach(() => sessionStorage.clear());
afterEach(cleanup);

describe('issue 17 §5: one row per line', () => {
  it.each<[string, DerivedLine[]]>([
    ['no line', []],
    ['one line', [pushLine]],
    ['three lines (two administration, one drug)', [chemoLine, drugLine, pushLine]],
    ['four lines with a JW waste line', [chemoLine, drugLine, pushLine, wasteLine]],
  ])('%s', (_label, lines) => {
    setup(result({ lines, warnings: [] }));
    expect(screen.queryAllByRole('article')).toHaveLength(lines.length);
    for (const l of lines) {
      const r = row(new RegExp(`^${l.code}\\b`));
      expect(within(r).getByRole('button', { name: 'Accept' })).toBeInTheDocument();
      expect(within(r).getByRole('button', { name: 'Edit' })).toBeInTheDocument();
      expect(within(r).getByRole('button', { name: 'Reject' })).toBeInTheDocument();
      expect(within(r).getByText(String(l.units))).toBeInTheDocument();
    }
  });
});

describe('issue 17 §5: every code on screen has words beside it', () => {
  it.each<[string, string, string]>([
    ['chemo infusion, first hour', '96413', 'Chemotherapy IV infusion, first hour'],
    ['IV push of another drug', '96375', 'IV push of another non-chemo drug'],
    ['drug code: name and billing unit from the reference', 'J9271', 'pembrolizumab, per 1 mg'],
    ['drug code, half-milligram unit', 'J9263', 'oxaliplatin, per 0.5 mg'],
  ])('%s: %s', (_label, code, words) => {
    setup(result({ lines: [chemoLine, drugLine, pushLine, wasteLine], warnings: [] }));
    const r = row(new RegExp(`^${code}\\b`));
    const codeEl = within(r).getByText(code, { selector: '.code' });
    expect(codeEl.nextElementSibling?.textContent).toBe(words);
  });

  it('no code in the lines table appears without its description', () => {
    setup(result({ lines: [chemoLine, drugLine, pushLine, wasteLine], warnings: [] }));
    const table = screen.getByRole('region', { name: 'Lines to bill' });
    // Every text node holding a code: the element around it also holds the code's words.
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    const seen: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of (n.textContent ?? '').matchAll(CODE)) {
        const code = m[0];
        seen.push(code);
        const words = codeWords(code, { reference, dos: '2026-03-02' });
        expect(words).not.toBe(NO_DESCRIPTION);
        const around = n.parentElement?.parentElement?.textContent ?? '';
        expect(around, `${code} shown without its words`).toContain(`${code} ${words}`);
      }
    }
    expect(seen.sort()).toEqual(['96375', '96413', 'J9263', 'J9271']);
  });

  it('a drug code before the reference data is loaded shows the drug name, never the bare code', () => {
    expect(codeWords('J9271', { drugName: 'pembrolizumab' })).toBe('pembrolizumab');
    expect(codeWords('J9999')).toBe(NO_DESCRIPTION);
  });

  it.each<[string, string[], string]>([
    ['none', [], 'no modifiers'],
    ['JW', ['JW'], `JW — ${MODIFIER_WORDS['JW'] ?? ''}`],
    ['JZ', ['JZ'], 'JZ — no drug discarded'],
    ['JZ and Q1', ['JZ', 'Q1'], 'JZ — no drug discarded; Q1 — routine care in a clinical trial'],
    ['unknown modifier keeps its code, says no description', ['ZZ'], 'ZZ — no description'],
  ])('modifiers in words: %s', (_label, mods, words) => {
    expect(modifiersInWords(mods)).toBe(words);
  });

  it('the JW line shows its modifier in words in its row', () => {
    setup(result({ lines: [wasteLine], warnings: [] }));
    expect(within(row(/^J9263/)).getByText(modifierWords('JW'))).toHaveTextContent(
      'JW — drug discarded',
    );
  });
});

describe('issue 17 §5: evidence in words behind a disclosure, ids on demand', () => {
  it('the evidence opens with aria-expanded and says drug, times and minutes in words', async () => {
    const { user } = setup();
    const r = row(/^96413$/);
    const toggle = within(r).getByRole('button', { name: 'Evidence' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(r).queryByText(/minutes counted/)).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(r).getByText('pembrolizumab 200 mg in 100 mL saline 09:00–10:02, 62 minutes counted'),
    ).toBeInTheDocument();
    expect(within(r).getByText('62 in total')).toBeInTheDocument();
    // No record id until asked for.
    expect(r.textContent).not.toMatch(/\ba1\b|MedicationAdministration/);
    const ids = within(r).getByRole('button', { name: 'Show record ids' });
    expect(ids).toHaveAttribute('aria-expanded', 'false');
    await user.click(ids);
    expect(ids).toHaveAttribute('aria-expanded', 'true');
    expect(within(r).getByText('administration a1: 62 minutes counted')).toBeInTheDocument();
    await user.click(toggle);
    expect(within(r).queryByText(/minutes counted/)).toBeNull();
  });

  it.each<[string, Partial<MedicationAdministration>, string]>([
    ['start and stop', {}, 'pembrolizumab 200 mg in 100 mL saline 09:00–10:02'],
    [
      'no stop recorded',
      { effectivePeriod: { start: '2026-03-02T09:00:00-05:00' } },
      'pembrolizumab 200 mg in 100 mL saline 09:00–stop not recorded',
    ],
    [
      'a push at one instant',
      { effectiveDateTime: '2026-03-02T09:05:00-05:00', effectivePeriod: undefined },
      'pembrolizumab 200 mg in 100 mL saline given at 09:05',
    ],
  ])('source in words: %s', async (_label, over, words) => {
    const { user } = setup(result({ lines: [pushLine], warnings: [] }), [
      ...picture,
      { ...a1, id: 'a2', ...over },
    ]);
    const r = row(/^96375$/);
    await user.click(within(r).getByRole('button', { name: 'Evidence' }));
    expect(within(r).getByText(words)).toBeInTheDocument();
  });

  it('vials and the billed NDC of a drug line are in the evidence', async () => {
    const { user } = setup();
    const r = row(/J9271/);
    await user.click(within(r).getByRole('button', { name: 'Evidence' }));
    expect(within(r).getByText('2 × NDC 00006302602')).toBeInTheDocument();
    expect(within(r).getByText('200 mg')).toBeInTheDocument();
  });
});

describe('issue 17 §5: total row, bulk accept, sticky sign-off bar', () => {
  it('the visit total is the last row of the lines table', () => {
    setup();
    const table = screen.getByRole('region', { name: 'Lines to bill' });
    const total = within(table).getByText(/^Visit total: \$10,000\.00$/);
    const articles = rows();
    const last = articles[articles.length - 1];
    expect(last?.compareDocumentPosition(total)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('bulk accept still skips the lines a warning concerns', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'Accept all lines without warnings' }));
    expect(within(row(/^96375$/)).getByText('Accepted')).toBeInTheDocument();
    expect(within(row(/^96413$/)).getByText('No decision yet')).toBeInTheDocument();
    expect(within(row(/J9271/)).getByText('No decision yet')).toBeInTheDocument();
  });

  it('"Sign off" sits in the sign-off bar with the count of reasons that stop it', async () => {
    const { user } = setup();
    const bar = screen.getByRole('region', { name: 'Sign-off bar' });
    expect(within(bar).getByRole('button', { name: 'Sign off' })).toBeInTheDocument();
    const count = within(bar).getByRole('button', { name: /reasons? stops? sign-off/ });
    expect(count).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Before you can sign off:')).toBeNull();
    await user.click(count);
    expect(count).toHaveAttribute('aria-expanded', 'true');
    const list = document.getElementById(count.getAttribute('aria-controls') ?? '');
    expect(list && bar.contains(list)).toBe(true);
    expect(list).toHaveTextContent('Before you can sign off:');
    const reasons = list?.querySelectorAll('li').length ?? 0;
    expect(count).toHaveTextContent(`${reasons} reason${reasons === 1 ? '' : 's'} stop`);
    // Deciding every line removes the undecided-lines reason: the count follows.
    for (const a of rows()) await user.click(within(a).getByRole('button', { name: 'Accept' }));
    const left = document.getElementById(count.getAttribute('aria-controls') ?? '');
    expect(left?.querySelectorAll('li').length ?? 0).toBeLessThan(reasons);
  });

  it('a refused sign-off opens the reasons in the bar as an alert', async () => {
    const { user } = setup();
    const bar = screen.getByRole('region', { name: 'Sign-off bar' });
    await user.click(within(bar).getByRole('button', { name: 'Sign off' }));
    const alert = within(bar).getByRole('alert');
    expect(alert).toHaveTextContent('Sign-off refused:');
    expect(alert).toHaveFocus();
  });

  it('the bar is sticky at the bottom of the viewport (coder.css)', () => {
    const css = readFileSync(resolve(import.meta.dirname, 'coder.css'), 'utf8');
    const rule = /\.sign-off-bar\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toMatch(/position:\s*sticky/);
    expect(rule).toMatch(/bottom:\s*0/);
  });
});
