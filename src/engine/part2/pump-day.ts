// R23.4 pump-only day: when the pump initiation (96416 or G0498) is the only chemotherapy service
// of its encounter, the TPD pushes, TPD infusions and hydration keep their own initial codes
// (96374, 96365, 96360: no add-on lists 96416 as a primary) and the PTP step (R25.3) decides on
// them. [Disputed] payer variants, setting `pumpOnlyDayTpdPolicy`:
// - `code_with_ptp_warning` (default): nothing changes here;
// - `suppress`: the TPD and hydration lines are dropped as bundled, PUMP_DAY_TPD_SUPPRESSED names
//   each record;
// - `addon_96375`: the TPD push initial 96374 is reported as 96375.
// [Impl] Only the pump's own encounter is touched: a TPD service of another encounter that date is
// a documented separate encounter (R25.4).
import type { DerivedLine, EngineContext } from '../types.ts';
import type { DateEntry } from './date-entry.ts';
import { warn2 } from './warnings.ts';
import { CPT } from '../admin-codes.ts';
import { isTpdIvCode } from '../code-groups.ts';

const PUMP_CODES = new Set<string>([CPT.CHEMO_PUMP_INITIATION, CPT.G0498]);
/** Any other chemotherapy/complex administration service (96401–96549, G0498 aside). */
const isOtherChemo = (code: string) => /^96(4\d\d|5[0-4]\d)$/.test(code) && !PUMP_CODES.has(code);

export function applyPumpOnlyDay(entries: DateEntry[], ctx: EngineContext): void {
  const policy = ctx.config.rules.pumpOnlyDayTpdPolicy;
  if (policy === 'code_with_ptp_warning') return;
  for (const e of entries) {
    const admin = e.lines.filter((l) => l.kind === 'administration');
    if (!admin.some((l) => PUMP_CODES.has(l.code))) continue;
    if (admin.some((l) => isOtherChemo(l.code))) continue;
    const tpd = admin.filter((l) => isTpdIvCode(l.code));
    if (tpd.length === 0) continue;
    if (policy === 'suppress') {
      const gone = new Set<DerivedLine>(tpd);
      e.lines = e.lines.filter((l) => !gone.has(l));
      e.warnings.push(
        warn2(
          'PUMP_DAY_TPD_SUPPRESSED',
          tpd.flatMap((l) => l.sources),
          `Pump-only day: ${[...new Set(tpd.map((l) => l.code))].join(', ')} beside the pump treated as bundled (payer setting pumpOnlyDayTpdPolicy, injection-pump-rules R23.4); not billed.`,
        ),
      );
      continue;
    }
    e.lines = e.lines.map((l) =>
      l.kind === 'administration' && l.code === CPT.THER_PUSH_INITIAL
        ? {
            ...l,
            code: CPT.THER_PUSH_SEQUENTIAL,
            evidence: {
              ...l.evidence,
              rules: [...l.evidence.rules, 'R23.4'],
              reason: `${l.evidence.reason} Pump-only day: reported as 96375 beside the pump (payer setting pumpOnlyDayTpdPolicy).`,
            },
          }
        : l,
    );
  }
}
