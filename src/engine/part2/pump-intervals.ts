// R23.3: a pump's own time is not an IV infusion, but it is drug-infusion time when Part 1 step 6
// nets hydration: hydration running beside a pump infusion is concurrent, not billable. Every
// pump initiation of the patient counts (a pump started on an earlier date still runs). A pump
// with no documented end (still running, or charted without its end: PUMP_DURATION_UNVERIFIED
// names it) is taken as running from its start on: hydration after its start is never billed on
// a guess that the pump had stopped.
import type { Interval } from '../infusion/intervals.ts';
import type { PatientInput } from '../types.ts';

const RUNNING = new Set(['completed', 'stopped', 'in-progress']);

export interface PumpTime {
  refs: string[];
  intervals: Interval[];
}

export function pumpIntervals(patient: PatientInput): PumpTime {
  const refs: string[] = [];
  const intervals: Interval[] = [];
  for (const a of patient.administrations) {
    if (a.serviceMethod !== 'pump-initiation' || !RUNNING.has(a.status) || !a.start) continue;
    const e = a.end ? a.end.ms : Number.POSITIVE_INFINITY;
    if (e <= a.start.ms) continue;
    refs.push(a.ref);
    intervals.push({ s: a.start.ms, e });
  }
  return { refs, intervals };
}
