// Issue 17 §5: the running infusion's words, from an injected clock. Table-driven with the
// boundary rows (59 vs 60 minutes, the planned end reached vs passed by a minute, a start on
// another day, an order without a rate or a volume: "not known", never guessed).
import type { MedicationRequest, Quantity } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { infusionPlan } from '../../fhir/map/infusion-plan.ts';
import { toIsoWithOffset } from './local-time.ts';
import { elapsedMinutes, elapsedText, otherDayText, planText } from './running-text.ts';

const START = new Date(2026, 2, 2, 10, 0, 0);
const iso = (d: Date) => toIsoWithOffset(d);
const after = (min: number, sec = 0) => new Date(START.getTime() + min * 60_000 + sec * 1000);

describe('issue 17 §5 running time from the recorded start (whole minutes)', () => {
  it.each([
    ['start itself', 0, 0, 0, '0 min'],
    ['59 min 59 s', 59, 59, 59, '59 min'],
    ['60 min: the first hour', 60, 0, 60, '1 h 0 min'],
    ['72 min', 72, 0, 72, '1 h 12 min'],
    ['25 h', 25 * 60, 0, 1500, '25 h 0 min'],
  ])('%s', (_name, min, sec, minutes, text) => {
    const got = elapsedMinutes(iso(START), after(min, sec));
    expect(got).toBe(minutes);
    expect(elapsedText(got ?? -1)).toBe(text);
  });

  it.each([
    ['a start later than now', iso(after(1)), START],
    ['no start recorded', undefined, START],
    ['an unreadable start', 'yesterday', START],
  ])('%s: no running time (never a guess)', (_name, start, now) => {
    expect(elapsedMinutes(start, now)).toBeUndefined();
  });
});

describe('issue 17 §5 the day is named when the start is not today', () => {
  const day = new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
  it.each([
    ['today 00:00', new Date(2026, 2, 2, 0, 0), undefined],
    ['yesterday 23:59', new Date(2026, 2, 1, 23, 59), `on ${day.format(new Date(2026, 2, 1))}`],
    ['a week before', new Date(2026, 1, 23, 9, 0), `on ${day.format(new Date(2026, 1, 23))}`],
  ])('%s', (_name, start, text) => {
    expect(otherDayText(iso(start), START)).toBe(text);
  });
  it('another year names the year', () => {
    expect(otherDayText(iso(new Date(2025, 11, 31, 9)), START)).toMatch(/2025/);
  });
});

const ml = (value: number, unit = 'mL'): Quantity => ({ value, unit, code: unit });
function order(rate: Quantity | undefined, volume: Quantity | undefined): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'o1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'Paclitaxel' },
    dosageInstruction: [{ doseAndRate: rate ? [{ rateQuantity: rate }] : [] }],
    ...(volume ? { dispenseRequest: { quantity: volume } } : {}),
  };
}
const clock = (d: Date) =>
  new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(d);

describe('issue 17 §5 planned end and progress only from the order’s rate and volume', () => {
  // 250 mL at 125 mL/h: 120 minutes, planned end 12:00.
  const plan = infusionPlan(order(ml(125, 'mL/h'), ml(250)));
  it.each([
    ['at the start', 0, 0, undefined],
    ['72 of 120 min', 72, 60, undefined],
    ['119 min', 119, 99, undefined],
    ['120 min: the planned end', 120, 100, undefined],
    ['121 min: a minute past it', 121, 100, 'Past the planned end by 1 min'],
  ])('%s', (_name, min, percent, overdue) => {
    const got = planText(plan, iso(START), after(min));
    expect(got.known).toBe(true);
    if (!got.known) return;
    expect(got.text.percent).toBe(percent);
    expect(got.text.progress).toBe(`about ${percent}% of 250 mL at 125 mL/h`);
    expect(got.text.end).toBe(`Planned end ${clock(after(120))}`);
    expect(got.text.overdue).toBe(overdue);
  });

  it.each([
    ['no order linked', undefined, 'Planned end not known (no order linked)'],
    ['no rate', order(undefined, ml(250)), 'Planned end not known (the order gives no rate)'],
    [
      'a rate but no volume',
      order(ml(125, 'mL/h'), undefined),
      'Rate 125 mL/h. Planned end not known (the order gives no volume)',
    ],
    [
      'a dose rate (mg/h), not a volume per time',
      order(ml(10, 'mg/h'), ml(250)),
      'Planned end not known (the order’s rate unit is not a volume per time)',
    ],
    [
      'a zero rate',
      order(ml(0, 'mL/h'), ml(250)),
      'Planned end not known (the order’s rate is not above zero)',
    ],
  ])('%s: not known, with the reason', (_name, o, text) => {
    expect(planText(o ? infusionPlan(o) : undefined, iso(START), after(30))).toEqual({
      known: false,
      text,
    });
  });

  it('no start recorded: not known', () => {
    expect(planText(plan, undefined, after(30))).toEqual({
      known: false,
      text: 'Planned end not known (no start time recorded)',
    });
  });

  it('mL/min and L/h rates are converted exactly (100 mL at 5 mL/min: 20 min)', () => {
    const got = planText(infusionPlan(order(ml(5, 'mL/min'), ml(100))), iso(START), after(10));
    expect(got.known && got.text.progress).toBe('about 50% of 100 mL at 300 mL/h');
  });
});
