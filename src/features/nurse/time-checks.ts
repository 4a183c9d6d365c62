// Checks on a start or stop time before it leaves the device (issue 5 §4, issue 14 §1).
// Refused outright: a stop not after its start, a start not before the recorded stop.
// Asked for an explicit, worded confirmation: a time later than now, a time on another day
// than the visit, an infusion longer than 12 hours, an infusion of 15 minutes or less (billed
// as a push, infusion-rules R4.2).
import { PUMP_MIN_MINUTES } from '../../engine/index.ts';
import { isSameLocalDay, minutesBetween } from './local-time.ts';

export type TimeWarning =
  | 'stop-not-after-start'
  | 'start-not-before-stop'
  | 'in-future'
  | 'other-day'
  | 'long-infusion'
  | 'short-infusion'
  | 'pump-not-over-8h'
  | 'pump-off-plan';

export const TIME_WARNING_TEXT: Record<TimeWarning, string> = {
  'stop-not-after-start': 'The stop time must be after the start time.',
  'start-not-before-stop': 'The start time must be before the recorded stop time.',
  'in-future': 'This time is later than now.',
  'other-day': 'This time is on another day than the visit.',
  'long-infusion': 'This infusion would last more than 12 hours.',
  'short-infusion':
    'This infusion would last 15 minutes or less, so it will be billed as a push. Check the times.',
  'pump-not-over-8h':
    'The pump would have run 8 hours or less, so it is not billed as a prolonged pump infusion. Check the times.',
  'pump-off-plan': 'This is more than an hour away from the planned disconnect time.',
};

/** Never saved, whatever the nurse confirms (issue 14 §1: stop before start is refused). */
export const REFUSED: ReadonlySet<TimeWarning> = new Set([
  'stop-not-after-start',
  'start-not-before-stop',
]);

export function isRefused(warnings: readonly TimeWarning[]): boolean {
  return warnings.some((w) => REFUSED.has(w));
}

/** Minutes at or under which an infusion is reported as a push (infusion-rules R4.2). */
export const PUSH_MAX_MINUTES = 15;

/** Longer than this (start to stop) asks for a confirmation (issue 14 §1). */
export const LONG_INFUSION_MS = 12 * 60 * 60 * 1000;

function ms(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  const v = Date.parse(iso);
  return Number.isFinite(v) ? v : undefined;
}

/** Another local day than the visit; no visit day known, no check (nothing is assumed). */
function otherDay(at: Date, visitDay: string | undefined): boolean {
  return ms(visitDay) !== undefined && !isSameLocalDay(visitDay, at);
}

export interface StopCheckInput {
  /** The recorded start, ISO. */
  start: string | undefined;
  stop: Date;
  now: Date;
  /** False for a documented push, where a short time is expected. */
  isInfusion: boolean;
  /** An instant on the visit's day (the encounter's start), ISO; undefined when not known. */
  visitDay?: string | undefined;
}

export function checkStop({
  start,
  stop,
  now,
  isInfusion,
  visitDay,
}: StopCheckInput): TimeWarning[] {
  const out: TimeWarning[] = [];
  const begun = ms(start);
  if (begun !== undefined && start !== undefined) {
    if (stop.getTime() <= begun) out.push('stop-not-after-start');
    else if (stop.getTime() - begun > LONG_INFUSION_MS) out.push('long-infusion');
    else if (isInfusion && minutesBetween(start, stop) <= PUSH_MAX_MINUTES) {
      out.push('short-infusion');
    }
  }
  if (stop.getTime() > now.getTime()) out.push('in-future');
  if (otherDay(stop, visitDay)) out.push('other-day');
  return out;
}

export interface StartCheckInput {
  start: Date;
  /** The recorded stop, ISO, if any. */
  stop: string | undefined;
  now: Date;
  /** An instant on the visit's day (the encounter's start), ISO; undefined when not known. */
  visitDay?: string | undefined;
}

export function checkStart({ start, stop, now, visitDay }: StartCheckInput): TimeWarning[] {
  const out: TimeWarning[] = [];
  const end = ms(stop);
  if (end !== undefined) {
    if (start.getTime() >= end) out.push('start-not-before-stop');
    else if (end - start.getTime() > LONG_INFUSION_MS) out.push('long-infusion');
  }
  if (start.getTime() > now.getTime()) out.push('in-future');
  if (otherDay(start, visitDay)) out.push('other-day');
  return out;
}

/** A disconnect further than this from the planned time asks first. */
export const PUMP_PLAN_SLACK_MINUTES = 60;

export interface DisconnectCheckInput {
  /** The pump's recorded start, ISO. */
  start: string | undefined;
  stop: Date;
  now: Date;
  /** The order's planned running time; undefined when the order does not give it. */
  plannedMinutes: number | undefined;
  visitDay?: string | undefined;
}

/**
 * Checks on a pump disconnect (R23.1, R23.7): never before the start; 8 hours or less, more
 * than an hour off the planned disconnect, later than now, or on another day than the visit
 * ask for a confirmation. A pump runs for days, so the 12-hour infusion check does not apply.
 */
export function checkDisconnect({
  start,
  stop,
  now,
  plannedMinutes,
  visitDay,
}: DisconnectCheckInput): TimeWarning[] {
  const out: TimeWarning[] = [];
  const begun = ms(start);
  if (begun !== undefined) {
    const ran = (stop.getTime() - begun) / 60_000;
    if (ran <= 0) out.push('stop-not-after-start');
    else if (Math.floor(ran) <= PUMP_MIN_MINUTES) out.push('pump-not-over-8h');
    else if (
      plannedMinutes !== undefined &&
      Math.abs(ran - plannedMinutes) > PUMP_PLAN_SLACK_MINUTES
    ) {
      out.push('pump-off-plan');
    }
  }
  if (stop.getTime() > now.getTime()) out.push('in-future');
  if (otherDay(stop, visitDay)) out.push('other-day');
  return out;
}
