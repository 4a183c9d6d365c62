// What the card of an infusion that is running says about it (issue 17 §5): how long it has run
// from its recorded start, the day when that is not today, and, only where the order gives a
// rate and a volume, the planned end and how far along it is. Never a usual rate or bag size:
// without them the planned end is "not known", with the reason.
import Decimal from 'decimal.js';
import type { InfusionPlan } from '../../fhir/map/infusion-plan.ts';
import { dateOf } from './chair-text.ts';
import { formatClock, isSameLocalDay } from './local-time.ts';

/** "45 min", "1 h 0 min", "1 h 12 min" (whole minutes, partial minutes dropped). */
export function elapsedText(minutes: number): string {
  const whole = Math.floor(minutes);
  if (whole < 60) return `${whole} min`;
  return `${Math.floor(whole / 60)} h ${whole % 60} min`;
}

/** Whole minutes from `start` to `now`; undefined when the start is unknown or later than now. */
export function elapsedMinutes(start: string | undefined, now: Date): number | undefined {
  const from = dateOf(start);
  if (!from || now.getTime() < from.getTime()) return undefined;
  return Math.floor((now.getTime() - from.getTime()) / 60_000);
}

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
});
const dayYearFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});

/** "on Mon, Aug 3" when `iso` is not on `now`'s local day (the year when not this year). */
export function otherDayText(iso: string | undefined, now: Date): string | undefined {
  const d = dateOf(iso);
  if (!d || isSameLocalDay(iso, now)) return undefined;
  const format = d.getFullYear() === now.getFullYear() ? dayFormat : dayYearFormat;
  return `on ${format.format(d)}`;
}

/** "9:05 AM", or "9:05 AM on Mon, Aug 3" when not today; undefined when unreadable. */
export function clockOnDay(iso: string | undefined, now: Date): string | undefined {
  const clock = formatClock(iso);
  if (!clock) return undefined;
  const day = otherDayText(iso, now);
  return day ? `${clock} ${day}` : clock;
}

export interface RunningPlanText {
  /** "Planned end 1:42 PM" (with its day when not today). */
  end: string;
  /** Whole percent of the planned running time gone by, 0–100. */
  percent: number;
  /** The progress in words: "about 60% of 250 mL at 125 mL/h". */
  progress: string;
  /** "Past the planned end by 12 min" once it has passed. */
  overdue?: string;
}

export type PlanText = { known: true; text: RunningPlanText } | { known: false; text: string };

const mlText = (d: Decimal): string => `${d.toString()} mL`;

/**
 * The plan in words for an infusion started at `start`, at `now`. Without a rate and a volume
 * (or a start) the planned end is not known, with the reason (issue 17 §5: never guessed).
 */
export function planText(
  plan: InfusionPlan | undefined,
  start: string | undefined,
  now: Date,
): PlanText {
  if (!plan) return { known: false, text: 'Planned end not known (no order linked)' };
  if (!plan.known) {
    const reason = plan.reason.replace(/^not known: /, '');
    const rate = plan.rateMlPerHour ? `Rate ${plan.rateMlPerHour.toString()} mL/h. ` : '';
    return { known: false, text: `${rate}Planned end not known (${reason})` };
  }
  const from = dateOf(start);
  if (!from) return { known: false, text: 'Planned end not known (no start time recorded)' };
  const plannedMs = plan.minutes.times(60_000);
  const endMs = plannedMs.plus(from.getTime()).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const endIso = new Date(endMs.toNumber()).toISOString();
  const goneMs = Decimal.max(0, now.getTime() - from.getTime());
  const percent = Decimal.min(100, goneMs.dividedBy(plannedMs).times(100))
    .toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    .toNumber();
  const late = elapsedMinutes(endIso, now);
  return {
    known: true,
    text: {
      end: `Planned end ${clockOnDay(endIso, now) ?? ''}`.trim(),
      percent,
      progress: `about ${percent}% of ${mlText(plan.volumeMl)} at ${plan.rateMlPerHour.toString()} mL/h`,
      ...(late !== undefined && late > 0
        ? { overdue: `Past the planned end by ${elapsedText(late)}` }
        : {}),
    },
  };
}
