// Never-together edits against codes another module already put on the claim (the engine does
// not generate them), per date of service across encounters:
// - R24.5: 36591 / 36592 (blood drawn from an implanted port / a catheter) on the existing claim:
//   no 96523 that date (the flush is part of the draw, PORT_FLUSH_NOT_SEPARATE), and a
//   drug-administration line beside it → PTP_NOT_ALLOWED (MPFS pays 36591 only as the sole
//   service) [Unverified];
// - R25.5: 99211 on a Medicare professional claim beside any drug-administration line →
//   PTP_NOT_ALLOWED (CMS CR 3631: not paid with or without 25) [Majority]; updates Part 1 R8.7.
// A claim line is placed on its own serviced date, else on its encounter's date of service; a
// line that says neither is not placed (no date is guessed).
import type { DerivedLine, EngineContext, PatientInput } from '../types.ts';
import { lineDate, type DateEntry } from './date-entry.ts';
import { warn2 } from './warnings.ts';
import { CPT } from '../admin-codes.ts';

const DEVICE_DRAW = new Set<string>([CPT.BLOOD_DRAW_PORT, CPT.BLOOD_DRAW_CATHETER]);

/** A drug-administration line the engine produced (96360–96549, G0498, C8957); 96523 aside. */
const isDrugAdministration = (l: DerivedLine) =>
  l.kind === 'administration' &&
  l.code !== CPT.PORT_FLUSH &&
  (/^96(3[6-7]\d|4\d\d|5[0-4]\d)$/.test(l.code) || l.code === CPT.G0498 || l.code === CPT.C8957);

interface Placed {
  code: string;
  claim: string;
  date: string;
}

function claimCodes(patient: PatientInput, entries: DateEntry[]): Placed[] {
  const out: Placed[] = [];
  for (const c of patient.claims) {
    if (c.use !== 'claim' || c.otherType) continue;
    const own = entries.find((e) => c.encounter !== undefined && e.encounter === c.encounter);
    for (const l of c.lines) {
      const code = l.code.toUpperCase();
      if (!DEVICE_DRAW.has(code) && code !== CPT.NURSE_VISIT) continue;
      const date = l.date ?? own?.dateOfService;
      if (date) out.push({ code, claim: c.ref, date });
    }
  }
  return out;
}

export function applyClaimEdits(
  entries: DateEntry[],
  patient: PatientInput | undefined,
  ctx: EngineContext,
): void {
  if (!patient || patient.claims.length === 0) return;
  const placed = claimCodes(patient, entries);
  if (placed.length === 0) return;
  const medicare = ctx.config.payerProfile === 'medicare';
  for (const p of placed) {
    const sameDate = (e: DateEntry, l: DerivedLine) => lineDate(l, e) === p.date;
    if (DEVICE_DRAW.has(p.code)) {
      for (const e of entries) {
        const flushes = e.lines.filter(
          (l) => l.kind === 'administration' && l.code === CPT.PORT_FLUSH && sameDate(e, l),
        );
        if (flushes.length === 0) continue;
        e.lines = e.lines.filter((l) => !flushes.includes(l));
        // The claim check ran on the encounter before this date step: its 'missing 96523' no longer
        // stands once the line is gone.
        const refs = new Set(flushes.flatMap((l) => l.sources));
        e.warnings = e.warnings.filter(
          (w) =>
            !(
              w.code === 'CLAIM_LINE_MISSING' &&
              w.message.includes(CPT.PORT_FLUSH) &&
              w.sources.every((s) => refs.has(s) || s.startsWith('Claim/'))
            ),
        );
        e.warnings.push(
          warn2(
            'PORT_FLUSH_NOT_SEPARATE',
            [...flushes.flatMap((l) => l.sources), p.claim],
            `The claim already has ${p.code} (blood drawn from the device) on ${p.date}: the flush is part of the draw; 96523 not reported (injection-pump-rules R24.5).`,
          ),
        );
      }
    } else if (!medicare || entries.every((e) => e.setting !== 'professional')) continue;
    for (const e of entries) {
      if (p.code === CPT.NURSE_VISIT && e.setting !== 'professional') continue;
      const beside = e.lines.filter((l) => isDrugAdministration(l) && sameDate(e, l));
      if (beside.length === 0) continue;
      const codes = [...new Set(beside.map((l) => l.code))].join(', ');
      e.warnings.push(
        warn2(
          'PTP_NOT_ALLOWED',
          [...beside.flatMap((l) => l.sources), p.claim],
          p.code === CPT.NURSE_VISIT
            ? `99211 on ${p.claim} is never paid with drug administration (${codes}) on ${p.date} for Medicare, with or without modifier 25 (CMS CR 3631; injection-pump-rules R25.5); coder review.`
            : `${p.code} on ${p.claim} is paid only as the sole service; never with drug administration (${codes}) on ${p.date} (injection-pump-rules R24.5); coder review.`,
        ),
      );
    }
  }
}
