// Steps run per patient after every encounter is coded, on the un-aggregated lines of one date
// across its encounters (injection-pump-rules §9 steps 10a–12): port flush (R24), the pump-only
// day policy (R23.4), the claim's own 36591/36592/99211 (R24.5, R25.5), then PTP modifier
// resolution (R25.3).
import type { EngineContext, PatientInput } from '../types.ts';
import { applyClaimEdits } from './claim-edits.ts';
import type { DateEntry } from './date-entry.ts';
import { applyPortFlush } from './port-flush.ts';
import { applyPtp } from './ptp.ts';
import { applyPumpOnlyDay } from './pump-day.ts';

export function applyDateSteps(
  entries: DateEntry[],
  ctx: EngineContext,
  patient?: PatientInput,
): void {
  if (entries.length === 0) return;
  applyPortFlush(entries, ctx);
  applyPumpOnlyDay(entries, ctx);
  applyClaimEdits(entries, patient, ctx);
  applyPtp(entries, ctx);
}
