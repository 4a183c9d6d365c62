// Checks as the nurse works (issue 5 §4): a stop before its start, a time in the future, an
// infusion of 15 minutes or less (billed as a push, infusion-rules R4.2). Each is a plain
// warning the nurse confirms before saving; nothing here blocks her.
import { minutesBetween } from './local-time.ts';

export type TimeWarning =
  'stop-not-after-start' | 'start-not-before-stop' | 'in-future' | 'short-infusion';

export const TIME_WARNING_TEXT: Record<TimeWarning, string> = {
  'stop-not-after-start': 'The stop time is not after the start time.',
  'start-not-before-stop': 'The start time is not before the recorded stop time.',
  'in-future': 'This time is later than now.',
  'short-infusion':
    'This infusion would last 15 minutes or less, so it will be billed as a push. Check the times.',
};

/** Minutes at or under which an infusion is reported as a push (infusion-rules R4.2). */
export const PUSH_MAX_MINUTES = 15;

export interface StopCheckInput {
  /** The recorded start, ISO. */
  start: string | undefined;
  stop: Date;
  now: Date;
  /** False for a documented push, where a short time is expected. */
  isInfusion: boolean;
}

export function checkStop({ start, stop, now, isInfusion }: StopCheckInput): TimeWarning[] {
  const out: TimeWarning[] = [];
  if (start !== undefined && Number.isFinite(Date.parse(start))) {
    if (stop.getTime() <= Date.parse(start)) out.push('stop-not-after-start');
    else if (isInfusion && minutesBetween(start, stop) <= PUSH_MAX_MINUTES) {
      out.push('short-infusion');
    }
  }
  if (stop.getTime() > now.getTime()) out.push('in-future');
  return out;
}

export interface StartCheckInput {
  start: Date;
  /** The recorded stop, ISO, if any. */
  stop: string | undefined;
  now: Date;
}

export function checkStart({ start, stop, now }: StartCheckInput): TimeWarning[] {
  const out: TimeWarning[] = [];
  if (stop !== undefined && Number.isFinite(Date.parse(stop))) {
    if (start.getTime() >= Date.parse(stop)) out.push('start-not-before-stop');
  }
  if (start.getTime() > now.getTime()) out.push('in-future');
  return out;
}
