// Groups of administration codes that more than one rule reads, named once (issue 18: one home
// per fact). The codes themselves are in admin-codes.ts.
import { CPT } from './admin-codes.ts';

/** IV hydration, therapeutic/prophylactic/diagnostic infusions and pushes: infusion-rules R3–R5
 * (96360–96368, 96374–96376). Not the SC/IM injection 96372 or the on-body injector 96377. */
const TPD_IV_CODES: ReadonlySet<string> = new Set<string>([
  CPT.HYDRATION_FIRST_HOUR,
  CPT.HYDRATION_ADDL_HOUR,
  CPT.THER_INFUSION_FIRST_HOUR,
  CPT.THER_INFUSION_ADDL_HOUR,
  CPT.THER_INFUSION_SEQUENTIAL,
  CPT.THER_INFUSION_CONCURRENT,
  CPT.THER_PUSH_INITIAL,
  CPT.THER_PUSH_SEQUENTIAL,
  CPT.THER_PUSH_SAME_DRUG,
]);

/** Chemotherapy IV pushes and infusions: infusion-rules R6–R7 (96409, 96411, 96413, 96415,
 * 96417). Not the pump initiation 96416 (R23, whose stop is the disconnect). */
const CHEMO_IV_CODES: ReadonlySet<string> = new Set<string>([
  CPT.CHEMO_PUSH_INITIAL,
  CPT.CHEMO_PUSH_ADDL,
  CPT.CHEMO_INFUSION_FIRST_HOUR,
  CPT.CHEMO_INFUSION_ADDL_HOUR,
  CPT.CHEMO_INFUSION_SEQUENTIAL,
]);

/** A hydration or therapeutic/prophylactic/diagnostic IV code (R3–R5): the TPD services of
 * R23.4's pump-only day. */
export function isTpdIvCode(code: string): boolean {
  return TPD_IV_CODES.has(code);
}

/** An IV hydration, infusion or push code, TPD or chemo (R3–R7): the codes whose minutes come
 * from a start and a stop time. */
export function isIvTimedCode(code: string): boolean {
  return TPD_IV_CODES.has(code) || CHEMO_IV_CODES.has(code);
}
