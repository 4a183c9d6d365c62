// The one typed catalog of the administration, device and visit codes the rules derive or read
// (infusion-rules R1–R12, injection-pump-rules R20–R27). Rules name a code by its constant, so a
// misspelt code fails the type check; src/reference/service-codes.ts gives each its plain words
// (describeCode), checked by test/admin-codes.test.ts.
export const CPT = {
  /** R3: IV hydration, first hour. */
  HYDRATION_FIRST_HOUR: '96360',
  /** R3: IV hydration, each additional hour. */
  HYDRATION_ADDL_HOUR: '96361',
  /** R4: non-chemo IV infusion, first hour. */
  THER_INFUSION_FIRST_HOUR: '96365',
  /** R4: non-chemo IV infusion, each additional hour. */
  THER_INFUSION_ADDL_HOUR: '96366',
  /** R4: non-chemo IV infusion, sequential (new drug). */
  THER_INFUSION_SEQUENTIAL: '96367',
  /** R4: non-chemo IV infusion, concurrent. */
  THER_INFUSION_CONCURRENT: '96368',
  /** R21: non-chemo injection, SC or IM. */
  THER_INJECTION_SC_IM: '96372',
  /** R5: non-chemo IV push, initial. */
  THER_PUSH_INITIAL: '96374',
  /** R5: non-chemo IV push, sequential, new drug. */
  THER_PUSH_SEQUENTIAL: '96375',
  /** R5: non-chemo IV push, sequential, same drug (facility). */
  THER_PUSH_SAME_DRUG: '96376',
  /** R20.7: on-body injector application. */
  ON_BODY_INJECTOR: '96377',
  /** R21: chemo injection, non-hormonal, SC or IM. */
  CHEMO_INJECTION: '96401',
  /** R21: chemo injection, hormonal anti-neoplastic, SC or IM. */
  CHEMO_INJECTION_HORMONAL: '96402',
  /** R6: chemo IV push, initial. */
  CHEMO_PUSH_INITIAL: '96409',
  /** R6: chemo IV push, each additional drug. */
  CHEMO_PUSH_ADDL: '96411',
  /** R7: chemo IV infusion, first hour. */
  CHEMO_INFUSION_FIRST_HOUR: '96413',
  /** R7: chemo IV infusion, each additional hour. */
  CHEMO_INFUSION_ADDL_HOUR: '96415',
  /** R23: prolonged chemo infusion with a pump, initiation. */
  CHEMO_PUMP_INITIATION: '96416',
  /** R7: chemo IV infusion, sequential (new drug). */
  CHEMO_INFUSION_SEQUENTIAL: '96417',
  /** R26: refill of a portable or implantable pump. */
  PUMP_REFILL: '96521',
  /** R26: refill of an implantable pump (intravenous or intra-arterial). */
  IMPLANTED_PUMP_REFILL: '96522',
  /** R24: irrigation of an implanted venous access device. */
  PORT_FLUSH: '96523',
  /** Unlisted chemotherapy procedure (concurrent chemo, coder review). */
  CHEMO_UNLISTED: '96549',
  /** R23.5: chemo pump initiation, Medicare, practice's pump (facility). */
  G0498: 'G0498',
  /** R22: prolonged non-chemo infusion with a pump (facility). */
  C8957: 'C8957',
  /** R24.5: blood drawn from an implanted venous access device. */
  BLOOD_DRAW_PORT: '36591',
  /** R24.5: blood drawn through a catheter. */
  BLOOD_DRAW_CATHETER: '36592',
  /** R25.5: office visit that may not need a physician (E/M level 1). */
  NURSE_VISIT: '99211',
} as const;

export type AdminCode = (typeof CPT)[keyof typeof CPT];

export const ADMIN_CODES: readonly AdminCode[] = Object.values(CPT);
