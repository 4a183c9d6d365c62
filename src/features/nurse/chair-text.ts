// Plain words for what the nurse reads: doses, times, entries, a record's state.
import {
  recordFacts,
  type AdministrationRecord,
  type NurseChange,
} from '../../fhir/write/medication-administration.ts';
import { durationInWords, formatClock } from './local-time.ts';
import { formatNdc, normalizeNdc } from '../../reference/ndc.ts';

const UNIT_WORDS: Record<string, string> = { ug: 'mcg', '[iU]': 'units', '{unit}': 'units' };

export function amountText(value: number | undefined, unit: string | undefined): string {
  if (value === undefined) return '';
  const u = unit ? (UNIT_WORDS[unit] ?? unit) : '';
  return `${value} ${u}`.trim();
}

/** An amount as recorded: value with its UCUM code or unit. */
type Amount = { value?: number; unit?: string; code?: string };

export function doseText(q: Amount | undefined): string | undefined {
  return q?.value === undefined ? undefined : amountText(q.value, q.code ?? q.unit);
}

function containersText(containers: readonly { ndc: string; count: number }[]): string {
  const n = containers.reduce((s, c) => s + c.count, 0);
  return `${n} container${n === 1 ? '' : 's'} opened`;
}

/** "Stop time 10:42 AM", "Waste: 2 containers opened, 56 mg discarded". */
export function changeLabel(change: NurseChange): string {
  switch (change.kind) {
    case 'start':
      return `Start time ${formatClock(change.at) ?? ''}`.trim();
    case 'stop':
      return `${change.stoppedEarly ? 'Stopped early at' : 'Stop time'} ${formatClock(change.at) ?? ''}`.trim();
    case 'waste':
      return `Waste: ${containersText(change.containers)}, ${amountText(change.discarded.value, change.discarded.unit)} discarded`;
    case 'correct':
      return `${change.field === 'start' ? 'Start' : 'Stop'} time corrected from ${formatClock(change.previous) ?? 'not recorded'} to ${formatClock(change.at) ?? ''} (${change.reason})`;
  }
}

const STATE_WORDS: Record<string, string> = {
  'in-progress': 'running',
  'on-hold': 'paused',
  completed: 'done',
  stopped: 'stopped early',
  'not-done': 'not given',
  'entered-in-error': 'entered in error',
  unknown: 'unknown',
};

/** 00006-3026-02 for people who read NDCs off a carton; text that is no NDC as written. */
function ndcWords(raw: string): string {
  const ndc11 = normalizeNdc(raw);
  return ndc11 ? formatNdc(ndc11) : raw;
}

/** One line per fact, for comparing two versions of a record. */
export function describeRecord(ma: AdministrationRecord): string[] {
  const facts = recordFacts(ma);
  const start = formatClock(facts.start);
  const end = formatClock(facts.end);
  const waste = facts.waste;
  const lines = [
    `Status: ${STATE_WORDS[facts.status] ?? facts.status}`,
    `Start: ${start ?? 'not recorded'}`,
    `Stop: ${end ?? 'not recorded'}`,
  ];
  if (waste.containers.length > 0) {
    lines.push(
      `Containers: ${waste.containers.map((c) => `${c.count} × ${ndcWords(c.ndc)}`).join(', ')}`,
    );
  }
  if (waste.discarded) {
    lines.push(`Discarded: ${amountText(waste.discarded.value, waste.discarded.unit)}`);
  }
  for (const text of facts.notes) lines.push(`Note: ${text}`);
  return lines;
}

const whenFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Tue, Aug 4, 2026, 9:00 AM" (the device's style). */
export function whenText(d: Date): string {
  return whenFormat.format(d);
}

/**
 * What a start or stop records, in words, for the confirmation (issue 14 §1): "This records
 * an infusion of 4 months 2 days, from … to …." With only one end known: "a start on …".
 */
export function recordsSentence(start: Date | undefined, stop: Date | undefined): string {
  if (start && stop) {
    const d = durationInWords(start, stop);
    if (d) return `This records an infusion of ${d}, from ${whenText(start)} to ${whenText(stop)}.`;
  }
  if (start) return `This records a start on ${whenText(start)}.`;
  return stop ? `This records a stop on ${whenText(stop)}.` : '';
}

/** An ISO instant as a Date, or undefined when missing or unreadable. */
export function dateOf(iso: string | undefined): Date | undefined {
  const ms = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/** "46 h 0 min" (a pump's running time). */
export function hoursMinutesText(minutes: number): string {
  const whole = Math.floor(minutes);
  return `${Math.floor(whole / 60)} h ${whole % 60} min`;
}

const dayClockFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** "Mon 9:40 AM" (a pump's start and disconnect, which fall on different days). */
export function dayClockText(iso: string | undefined): string | undefined {
  const d = dateOf(iso);
  return d ? dayClockFormat.format(d) : undefined;
}
