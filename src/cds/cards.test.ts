// Planned-dose warnings → cards: indicator per warning (critical only for an expired or missing
// authorization), clinician items only (billing-rules P-8), suggestions that change the draft (P-6).
import type { MedicationRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { PlannedResult, PlannedWarning } from '../engine/index.ts';
import { cardsFor, indicatorOf, unreadableCard, type CardContext } from './cards.ts';

const warning = (over: Partial<PlannedWarning>): PlannedWarning => ({
  code: 'AUTH_EXPIRED',
  severity: 'error',
  message: 'Nivolumab planned for 2026-08-19: authorization PA-55120 ended on 29 July.',
  sources: ['MedicationRequest/d1'],
  audience: 'clinician',
  summary: 'Nivolumab: prior authorization PA-55120 ended 29 July 2026',
  ...over,
});

const draft: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'd1',
  status: 'draft',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 240, unit: 'mg' } }] }],
};

const ctx: CardContext = {
  patientId: 'p1',
  appLaunchUrl: 'https://app.example/launch.html',
  drafts: new Map([['MedicationRequest/d1', draft]]),
};

const result = (warnings: PlannedWarning[]): PlannedResult => ({
  dose: {
    ref: 'MedicationRequest/d1',
    encounter: null,
    date: '2026-08-19',
    drug: { ndc: [], hcpcs: ['J9299'], rxnorm: [] },
    ingredients: [],
    dose: { value: '240', unit: 'mg' },
    sponsorSupplied: false,
    sponsorPaid: false,
  },
  drugName: 'Nivolumab',
  hcpcs: 'J9299',
  units: 240,
  amount: 8213.28,
  warnings,
});

describe('P-4 card indicator per warning', () => {
  it.each([
    ['AUTH_EXPIRED', 'error', 'critical'],
    ['AUTH_MISSING', 'error', 'critical'],
    ['AUTH_UNITS_EXCEEDED', 'error', 'warning'],
    ['COVERAGE_NOT_ACTIVE', 'error', 'warning'],
    ['AUTH_UNKNOWN', 'warning', 'warning'],
    ['TRIAL_PLANNED', 'info', 'info'],
  ] as const)('P-4 %s (%s) → %s', (code, severity, indicator) => {
    expect(indicatorOf(warning({ code, severity }))).toBe(indicator);
  });
});

describe('P-8 cards carry the clinician’s warnings only, worst first', () => {
  it('P-8 drops coder-only items and sorts critical before info', () => {
    const cards = cardsFor(
      [
        result([
          warning({ code: 'TRIAL_PLANNED', severity: 'info' }),
          warning({ code: 'CONTAINER_TYPE_UNKNOWN', severity: 'warning', audience: 'coder' }),
          warning({ amountAtStake: 8213.28 }),
        ]),
      ],
      ctx,
    );
    expect(cards.map((c) => c.source.topic?.code)).toEqual(['AUTH_EXPIRED', 'TRIAL_PLANNED']);
    expect(cards[0]?.detail).toContain('**At stake:** $8,213.28');
    expect(cards[1]?.overrideReasons).toBeUndefined();
  });
});

describe('P-6 a dose within the authorized units is a suggestion that updates the draft', () => {
  it.each([
    [
      'with a suggestion',
      { label: 'Change the dose to 120 mg', dose: { value: '120', unit: 'mg' } },
      120,
    ],
    ['without one', undefined, undefined],
  ])('P-6 %s', (_l, suggestion, value) => {
    const w = warning({ code: 'AUTH_UNITS_EXCEEDED', ...(suggestion ? { suggestion } : {}) });
    const [card] = cardsFor([result([w])], ctx);
    const action = card?.suggestions?.[0]?.actions?.[0];
    if (value === undefined) {
      expect(card?.suggestions).toBeUndefined();
      expect(card?.selectionBehavior).toBeUndefined();
      return;
    }
    expect(card?.selectionBehavior).toBe('at-most-one');
    expect(action?.type).toBe('update');
    const changed = action?.resource as MedicationRequest;
    expect(changed.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity?.value).toBe(value);
    expect(draft.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity?.value).toBe(240);
  });
});

describe('P-5 data that could not be read is said, never silent', () => {
  it.each([
    [[], false],
    [['prior authorizations (ClaimResponse)'], true],
  ])('P-5 unreadable %j → card %s', (labels, shown) => {
    const card = unreadableCard(labels, ctx);
    expect(card !== undefined).toBe(shown);
    if (card) expect(card.summary.length).toBeLessThan(140);
  });
});
