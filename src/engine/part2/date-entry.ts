// One encounter's result before aggregation, as the per-date steps see it (injection-pump-rules
// R24.2, R25.3, R26.2: port flush and PTP look across the encounters of one date).
import type { Administration, DerivedLine, Setting, Warning } from '../types.ts';

export interface DateEntry {
  encounter: string | null;
  setting: Setting;
  dateOfService: string;
  administrations: Administration[];
  /** Un-aggregated lines; the per-date steps replace the array or its items, never mutate lines. */
  lines: DerivedLine[];
  warnings: Warning[];
}

/** The line's own date, else its encounter's date of service. */
export function lineDate(l: DerivedLine, e: DateEntry): string {
  return l.date || e.dateOfService;
}
