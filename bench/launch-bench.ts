// Launch critical path: with the local EHR adding a fixed latency L to every FHIR request, the
// time from ready() to the coder view fully rendered, in units of L, and the FHIR requests made.
// STUB until the local EHR's latency switch and the app's performance marks land.
import type { Figure } from './figures.ts';
import { figure } from './figures.ts';

export async function benchLaunch(_opts: { latencyMs: number; runs: number }): Promise<Figure[]> {
  const note = 'not measured yet';
  return [
    figure('launch.critical_path_in_L', null, 'L', null, '<= 3', () => false, note),
    figure('launch.sequential_round_trips', null, 'round trips', null, '<= 2', () => false, note),
    figure('launch.requests', null, 'requests', null, 'reported', () => true, note),
  ];
}
