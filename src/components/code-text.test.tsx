// @vitest-environment jsdom
// Issue 17 §5 "every code on screen has words beside it": every warning code the engine, the
// FHIR reading and the CDS service raise (src/engine/warning-codes.ts), rendered with a sample of
// its real message (taken from the engine's output over the worked cases and fixtures), shows no
// bare code: each code in the sentence has the team's words beside it or the sentence itself
// explains it right there.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WARNING_CODES, type WarningCode } from '../engine/warning-codes.ts';
import { builtinReference } from '../reference/builtin.ts';
import { codeSegments, explainedInText, findCodes } from '../reference/code-words.ts';
import { CodeText, CodeWordsAfter } from './code-text.tsx';

const SAMPLES: Record<WarningCode, string> = {
  AUTH_EXPIRED:
    "Nivolumab: authorization PA-55120 ended 2026-07-29 — today's dose is not covered. Renew the authorization before billing.",
  AUTH_MISSING:
    'Pembrolizumab needs a prior authorization and none covers 2026-03-02. Obtain one before billing.',
  AUTH_UNITS_EXCEEDED:
    "Pembrolizumab: authorization auth-units-exceeded-PA1 allows 100 units from 2026-01-01 to 2026-06-30; with today's dose 200 units are used (100 over). Ask the payer for more units.",
  AUTH_UNKNOWN:
    'Prior authorizations could not be read; Pembrolizumab needs one. Check the authorization before billing.',
  CDS_DATA_UNREADABLE:
    "Some of this patient's records could not be read; open EveryDose to check the visit.",
  CLAIM_LINE_EXTRA:
    "The claim bills 96415 × 1, which today's records do not support. Remove it or document the service. Compared with the professional claim Claim/claim-line-extra-claim.",
  CLAIM_LINE_MISSING:
    "The claim is missing J9271-JZ × 200 (pembrolizumab), which today's records support. Add the line. Compared with the professional claim Claim/claim-line-missing-claim.",
  CLAIM_MODIFIER_MISMATCH:
    'Pembrolizumab (J9271): the claim has J9271 × 200; the records support J9271-JZ × 200. Correct the modifiers. Compared with the professional claim Claim/claim-modifier-mismatch-claim.',
  CLAIM_UNITS_MISMATCH:
    '96415: the claim bills 2 units; the records support 1. Lower the units to 1. Compared with the professional claim Claim/claim-hour-units-mismatch-claim.',
  CONCURRENT_CHEMO_NO_CPT_CODE:
    'Concurrent chemotherapy infusion has no CPT code; coder review (unlisted 96549?).',
  CONTAINER_TYPE_UNKNOWN:
    'ondansetron hydrochloride: single- or multiple-dose container is not known for this product; treated as single-dose. Check the label (JW/JZ depend on it). dexamethasone sodium phosphate: single- or multiple-dose container is not known for this product; treated as single-dose. Check the label (JW/JZ depend on it). oxaliplatin: single- or multiple-dose container is not known for this product; treated as single-dose. Check the label (JW/JZ depend on it). leucovorin calcium: single- or multiple-dose container is not known for this product; treated as single-dose. Check the label (JW/JZ depend on it). fluorouracil: single- or multiple-dose container is not known for this product; treated as single-dose. Check the label (JW/JZ depend on it).',
  COVERAGE_NOT_ACTIVE:
    'Medicare Part B ended 2025-12-31; no insurance is active on 2026-03-02. Update coverage before billing.',
  CROSSES_MIDNIGHT: 'Service crossed midnight; continuous time used and dated on the start date.',
  DISCARD_LESS_THAN_ONE_UNIT:
    'bevacizumab: 5 mg discarded is less than one billing unit, so no JW line; the line carries JZ.',
  DOSE_DEVIATES_FROM_ORDER:
    'pembrolizumab: 144 mg given, 200 mg ordered (28% apart), more than 10%. Check the order or the record.',
  DOSE_EXCEEDS_OPENED_VIALS:
    'pembrolizumab: 250 mg given but the opened containers hold 200 mg. Complete the container record; the drug line is held.',
  DOSE_ROUNDED_WITHIN_POLICY:
    'pembrolizumab: 200 mg given, 210 mg ordered (4.8% apart), within the 10% rounding policy. Billing follows the dose given.',
  DRUG_CODE_AMBIGUOUS:
    'Bevacizumab: the record names the drug but not the product; it may bill under J9035, Q5107, Q5118. J9035 was used; record the NDC or pick the code.',
  ENCOUNTER_SUBJECT_MISMATCH:
    'MedicationAdministration/a1 (Patient/p1) names Encounter/e9, which belongs to Patient/p2; it was left out.',
  FLUSH_KVO_NOT_BILLABLE: 'Flush / keep-vein-open fluid is not separately billable.',
  HCPCS_NOT_VALID_FOR_DOS:
    'J9999 is not a valid code for pembrolizumab on 2026-03-02; use the code in effect that day.',
  HYDRATION_30_MIN_OR_LESS: 'Hydration of 30 minutes or less is not billable.',
  HYDRATION_CONCURRENT_TIME_EXCLUDED:
    'Hydration time running at the same time as a drug infusion was excluded.',
  HYDRATION_NO_STOP_TIME: 'Hydration stop time missing; hydration not billed.',
  HYDRATION_SEGMENTS_COMBINED:
    'Hydration time before and after other services was added together (check payer policy).',
  INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH: 'Infusion ran 15 minutes or less; reported as an IV push.',
  INJECTION_SPLIT_DOSE_ONE_UNIT:
    'One dose split into several injections; one injection unit reported (check payer policy).',
  INJECTION_SUPERVISION_NOT_MET:
    'Office injection without direct supervision is not covered for Medicare; not billed. MedicationAdministration/supervision-not-met-office-medicare-a1 (denosumab, 96372): no injection line; the encounter is marked as not under direct supervision (injection-pump-rules R21.7).',
  INVALID_RESOURCE:
    'MedicationAdministration/invalid-resource-rest-analysed-i1 could not be read and was left out: status is missing.',
  INVALID_TIME_RANGE: 'Administration ends before it starts; it was left out. Correct the times.',
  JW_ON_MULTIDOSE:
    'Claim line 2 (J9045) carries JW/JZ but the drug came from a multiple-dose container: remove the modifier or the JW line. Carboplatin (J9045) comes from a multi-dose vial: remove the JZ modifier.',
  JZ_WITH_WASTE:
    'Claim line 2 (J9271) says JZ (nothing discarded) but at least one billing unit was discarded: bill the dose line and a JW line. Pembrolizumab (J9271): the claim says no drug was discarded (JZ), but 56 units were discarded. Bill J9271 × 144 without JZ and J9271-JW × 56.',
  MISSING_STOP_TIME:
    'Infusion stop time missing; reported as a push. Obtain the stop time before billing.',
  MUE_EXCEEDED:
    'pembrolizumab (J9271): 450 units given exceed the practitioner MUE of 400 per day; expect a denial unless documentation supports it.',
  MUE_EXCEEDED_WITH_WASTE:
    'pembrolizumab (J9271): 390 given + 110 discarded units exceed the practitioner MUE of 400; whether JW units count is unsettled.',
  MULTIPLE_CONCURRENT_96368_ONCE: 'Concurrent infusion code reported once per encounter.',
  MULTI_DOSE_NO_WASTE_BILLING:
    'pembrolizumab comes from a multiple-dose container: the unused amount is not billable (no JW or JZ).',
  NDC_HCPCS_MISMATCH:
    'The NDC given (00006302602) bills under J9271, not J9299, in the CMS crosswalk for 2026-03-02.',
  NONCHEMO_PUMP_REVIEW:
    'Office start of a non-chemotherapy pump infusion has no CPT initiation code; initial hour only; coder review.',
  NOT_COMPLETED_EXCLUDED:
    'Administration not completed yet (in progress or on hold); not billed until it ends.',
  NOT_GIVEN_NOT_BILLED:
    'MedicationAdministration/not-done-ignored-i1: recorded as not given (not-done); not billed.',
  NOT_SEPARATELY_PAYABLE:
    'sodium chloride 0.9% (normal saline) (J7050) is packaged under the outpatient payment system (status N): coded without JW/JZ. ondansetron hydrochloride (J2405) is packaged under the outpatient payment system (status N): coded without JW/JZ.',
  NO_COVERAGE: 'No insurance is on file for this patient. Check coverage before billing.',
  NO_ZERO_WASTE_COMBINATION:
    'pembrolizumab: no combination of marketed vial sizes matches 144 mg, so some waste (JW) is expected.',
  ORAL_ROUTE_NOT_BILLABLE:
    'MedicationAdministration/a1: oral route (Oral use) has no drug-administration code; not billed.',
  PARTIAL_OVERLAP_CODER_REVIEW:
    'Infusions partly overlapped; coded as sequential with overlap deducted. Review.',
  PLANNED_DOSE_UNKNOWN:
    'Pembrolizumab: the order has no dose, so units and authorization units cannot be checked',
  PORT_FLUSH_NOT_SEPARATE:
    'The claim already has 36591 (blood drawn from the device) on 2026-03-02: the flush is part of the draw; 96523 not reported (injection-pump-rules R24.5).',
  PRIMARY_REASON_NOT_USABLE_AS_INITIAL:
    'Documented primary service cannot be the initial code; hierarchy applied.',
  PROLONGED_PUMP_INFUSION_REVIEW:
    'Infusion ran more than 8 hours (pump?); not coded here. Coder review.',
  PTP_MODIFIER_NEEDED:
    '96372 with 96413 on 2026-03-02: an NCCI pair that needs a distinct-service modifier the documentation does not support; 96372 will deny as is.',
  PTP_NOT_ALLOWED:
    '36591 on Claim/push-with-36591-on-claim-claim is paid only as the sole service; never with drug administration (96374) on 2026-03-02 (injection-pump-rules R24.5); coder review.',
  PUMP_DAY_TPD_SUPPRESSED:
    'Pump-only day: 96375, 96367 beside the pump treated as bundled (payer setting pumpOnlyDayTpdPolicy, injection-pump-rules R23.4); not billed.',
  PUMP_DISCONNECT_NOT_BILLABLE:
    'Pump disconnect is included in the pump-initiation service; not billed.',
  PUMP_DURATION_NOT_OVER_8H:
    'Pump infusion of 479 minutes (8 hours or less); prolonged-infusion code not reported; coder review.',
  PUMP_DURATION_UNVERIFIED:
    'Pump infusion has no end time; the more-than-8-hours requirement could not be checked.',
  PUMP_REFILL_INCLUDED_IN_INITIATION:
    'Pump refill on the day the pump was started is included in the initiation.',
  ROUTE_OUT_OF_SCOPE:
    'MedicationAdministration/a1: intravesical route (Intravesical use) is not coded by this engine (bladder instillation 51720); coder review.',
  ROUTE_UNKNOWN:
    'MedicationAdministration/obi-no-route-a1: route of administration missing or not recognised (nothing in the record); routeMissingPolicy hold_encounter: no administration lines for this encounter until the route is documented.',
  SAME_DRUG_REPEAT_PUSH_NOT_REPORTABLE_PROFESSIONAL:
    'Repeat IV push of the same drug has no reportable code in the office setting.',
  SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN:
    'Repeat push of the same drug within 30 minutes is not reportable.',
  SECOND_IV_SITE_NOT_JUSTIFIED:
    'Second IV site documented without medical necessity; coded as one access.',
  SEGMENTS_COMBINED:
    'Interrupted/restarted infusion of the same drug: running times added, paused time excluded.',
  SEPARATE_ENCOUNTER_SECOND_INITIAL:
    'Separate encounter on the same date; second initial service reported with a modifier.',
  SPONSOR_PAID_SERVICE_BILLED:
    "The sponsor pays for part of today's drug administration under the study agreement — the claim bills 96413-Q1 × 1, the insurer's share is 0. Do not bill the sponsor's part to the insurer.",
  SPONSOR_SUPPLIED_DRUG_BILLED:
    'ABC-7 (investigational) was supplied free by the study sponsor — do not bill it (J9999-Q0 × 1).',
  STOPPED_EARLY_REVIEW:
    'Administration was stopped early; check whether a discontinued-service modifier applies.',
  SUBOPTIMAL_VIAL_SELECTION:
    'pembrolizumab: the vials opened leave 110 mg of waste; 4 × 00006302602 would leave 10 mg. The JW line may be denied or reduced.',
  TRIAL_CODING_UNEXPECTED:
    'The patient is not in a study on 2026-03-02, but the claim has study coding. Remove it unless this visit belongs to a study.',
  TRIAL_CONDITION_CODE_MISSING: 'Hospital claim for study care needs condition code 30.',
  TRIAL_DIAGNOSIS_MISSING: 'Add diagnosis Z00.6 (clinical research participant) to the claim.',
  TRIAL_ENROLLMENT_NOT_ACTIVE:
    'Recorded as part of study NCT09990001, but the study enrollment is off-study on 2026-03-02. Check before billing.',
  TRIAL_MA_BILL_ORIGINAL_MEDICARE:
    'Medicare Advantage patient in a clinical trial: bill the study care to Original Medicare (the MAC), not to Medicare Part B.',
  TRIAL_MODIFIER_MISMATCH: 'J9271-JZ-Q0-Q1 × 200 carries both Q0 and Q1; use Q0 only.',
  TRIAL_MODIFIER_MISSING:
    'This visit is part of study NCT09990001 — J9271 needs Q0 (the study item itself).',
  TRIAL_MODIFIER_UNEXPECTED:
    '96375 is not marked as part of the study — remove Q1 unless the protocol requires it. J2405 is not marked as part of the study — remove Q1 unless the protocol requires it.',
  TRIAL_NCT_INVALID:
    'The trial number on the claim (99999999) is not the number of study NCT09990001; use 09990001.',
  TRIAL_NCT_MISSING: "Add the study's 8-digit ClinicalTrials.gov number (09990001).",
  TRIAL_PLANNED: 'Pembrolizumab is part of study NCT09990001: research item',
  TRIAL_RELATEDNESS_UNCONFIRMED:
    'Patient is enrolled in study NCT09990001; nothing today is marked as part of the study. Confirm before billing without study coding.',
  TRIAL_STUDY_NCT_UNKNOWN:
    'The study record has no ClinicalTrials.gov number; the claim needs one.',
  UNIT_CONVERSION_MISSING:
    "pembrolizumab: 8 mL cannot be turned into mg without a concentration; no drug line was made. Record the dose in mg or the product's strength.",
  UNKNOWN_DRUG_CATEGORY:
    'Drug identified as J2312 from its HCPCS code, but the reference data gives no category (chemotherapy, therapeutic or hydration) for it; coded as a therapeutic drug. Check the category.',
  VIALS_NOT_DOCUMENTED:
    'durvalumab: containers opened are not recorded; assumed 7 × 00310450012. Record the vials opened.',
  VIAL_SHARED_CONFIRM:
    "pembrolizumab: the container was shared with another patient. Confirm the remainder was used under USP <797>; only the last patient's line reports waste.",
  WASTE_NOT_DOCUMENTED:
    'pembrolizumab: 56 mg discarded is billed with JW but the record has no waste statement. Document the amount discarded.',
};

const reference = builtinReference();
const dos = '2026-03-02';

describe('issue 17 §5: words beside every code in every warning message', () => {
  it('has a sample message for every warning code', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...WARNING_CODES].sort());
  });

  it.each(WARNING_CODES.map((c) => [c, SAMPLES[c]] as const))(
    '%s: no bare code on screen',
    (_code, message) => {
      const segments = codeSegments(message, { reference, dos });
      // The sentence is unchanged: the words are only put beside it.
      expect(segments.map((s) => s.text).join('')).toBe(message);
      // A code has words when a segment carrying it (or the modifier chain it is in) has words,
      // or when the sentence explains it right beside it.
      const worded = new Set<string>();
      for (const s of segments) {
        if (!('found' in s)) continue;
        if (s.words !== undefined) {
          expect(s.words).not.toMatch(/no description/);
          for (const k of [s.found.code, ...s.found.modifiers]) worded.add(k);
        } else if (explainedInText(message, s.found)) worded.add(s.found.code);
      }
      const bare = findCodes(message).flatMap((f) =>
        [f.code, ...f.modifiers].filter((k) => !worded.has(k)),
      );
      expect(bare).toEqual([]);
    },
  );

  it('renders the words beside the code and keeps the message text', () => {
    const message = SAMPLES.TRIAL_MODIFIER_MISSING;
    const { container } = render(
      <p>{<CodeText text={message} reference={reference} dos={dos} />}</p>,
    );
    expect(container.textContent).toBe(
      'This visit is part of study NCT09990001 — J9271 (pembrolizumab, per 1 mg) needs Q0 (the study item itself).',
    );
  });

  it('puts the words after a sentence kept whole (denial notes, sign-off reasons)', () => {
    const note =
      'Denied before for this: 10 Feb 2026 — the NDC was missing or invalid (CARC 16, M119)';
    const { container } = render(
      <p>
        {note}
        <CodeWordsAfter text={note} />
      </p>,
    );
    expect(container.textContent).toBe(
      `${note} — CARC 16: Claim lacks information or has a billing error (see the remark codes); M119: NDC missing, incomplete or invalid`,
    );
  });
});
