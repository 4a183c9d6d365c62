// Planned administrations (billing-rules P-1–P-8): an active order not yet given, checked before
// anything is charted. The fhir layer maps MedicationRequest (and the day's Appointment) to these.
import type {
  DecimalQuantity,
  DrugIdentity,
  Ingredient,
  TrialItemRole,
  Warning,
} from '../types.ts';

export interface PlannedDose {
  /** 'MedicationRequest/<id>' */
  ref: string;
  /** 'Encounter/<id>' or null. */
  encounter: string | null;
  /** Local date (YYYY-MM-DD) the dose is planned for: the visit's, the Appointment's or today. */
  date: string;
  /** The record the date came from ('Encounter/…', 'Appointment/…'), for evidence. */
  dateSource?: string;
  drug: DrugIdentity;
  ingredients: Ingredient[];
  concentrationPerMl?: DecimalQuantity;
  medicationAmount?: DecimalQuantity;
  /** The order's dose (dosageInstruction[0].doseAndRate[0].doseQuantity); never defaulted. */
  dose?: DecimalQuantity;
  researchStudy?: string;
  trialItemRole?: TrialItemRole;
  sponsorSupplied: boolean;
  sponsorPaid: boolean;
}

/** Who acts on a warning (issue #16 part 2): clinicians never see coder-only items. */
export type Audience = 'clinician' | 'coder';

export interface PlanSuggestion {
  /** Plain words, e.g. "Reduce the dose to 120 mg (120 units, within the authorization)". */
  label: string;
  /** The dose that fixes it, in the order's unit. */
  dose: DecimalQuantity;
}

export interface PlannedWarning extends Warning {
  audience: Audience;
  /** ≤ 140 characters, for a card or a one-line list item. */
  summary: string;
  /** What the nurse reads on the order card before "Record start time now". */
  nurseMessage?: string;
  /** A change to the order that fixes it, when there is one. */
  suggestion?: PlanSuggestion;
}

export interface PlannedResult {
  dose: PlannedDose;
  /** The drug's plain name. */
  drugName: string;
  hcpcs?: string;
  /** Billing units of the planned dose (administered, not discarded). */
  units?: number;
  /** USD for the planned dose's lines, where the payment data knows it. */
  amount?: number;
  /** Worst first, then dollars at stake. */
  warnings: PlannedWarning[];
}
