// Route of administration: the 18 route classes of the shared route vocabulary
// (domain/medication-vocabulary.md §1) and the code family each decides (injection-pump-rules
// R20.1). The engine re-exports these types from src/engine/types.ts.

/** The route classes of `domain/vocabulary/routes.json` (medication-vocabulary §1). */
export type RouteClass =
  | 'iv'
  | 'iv-push-method'
  | 'sc'
  | 'im'
  | 'intra-arterial'
  | 'intrathecal'
  | 'intravesical'
  | 'intraperitoneal'
  | 'intravitreal'
  | 'oral'
  | 'topical'
  | 'transdermal'
  | 'inhalation'
  | 'rectal'
  | 'other-non-parenteral'
  | 'other-parenteral'
  | 'parenteral-unknown'
  | 'unknown';

/**
 * The code family a route class decides (R20.1): IV infusion or push (Part 1), SC or IM
 * injection (R21), no administration code (R20.4), out of scope (R20.5), or unknown (R20.3).
 */
export type RouteFamily =
  'iv' | 'iv-push' | 'sc' | 'im' | 'non-parenteral' | 'out-of-scope' | 'unknown';

/** Which part of the record settled the route class (medication-vocabulary §1.3 steps 1–6). */
export type RouteEvidenceSource =
  | 'route-code'
  | 'route-text'
  | 'method-code'
  | 'method-text'
  | 'dose-form'
  | 'medication-form'
  | 'site-text'
  | 'drug-override'
  | 'none';

/** How a record's route was decided: the class, its family and the evidence. */
export interface RouteDecision {
  class: RouteClass;
  family: RouteFamily;
  /** The step that decided. 'none' = nothing in the record tells the route. */
  from: RouteEvidenceSource;
  /** The code (`system|code`) or text that decided; empty when `from` is 'none'. */
  evidence: string;
  /** A method that changed or confirmed the class (push / infusion), as `system|code` or text. */
  method?: string;
  /** The RxNorm dose form read from the drug's name, when one was found. */
  doseForm?: string;
}

/** A coding as the FHIR record gives it (any code system, or none). */
export interface RouteCoding {
  system?: string | undefined;
  code?: string | undefined;
  display?: string | undefined;
}

export interface RouteConcept {
  coding: RouteCoding[];
  text?: string | undefined;
}

/** What a MedicationAdministration and its Medication say about the route, unread. */
export interface RouteInput {
  /** dosage.route */
  route?: RouteConcept | undefined;
  /** dosage.method */
  method?: RouteConcept | undefined;
  /** Names of the drug (coding displays and text): RxNorm names end in a dose form. */
  drugNames: string[];
  /** Medication.form */
  form?: RouteConcept | undefined;
  /** dosage.site text (or coding display). */
  siteText?: string | undefined;
}

/** Method effects of `routes.json` (kind=method). */
export type MethodEffect =
  'push' | 'infusion' | 'injection' | 'non-parenteral' | 'infusion-if-iv' | 'none';

/** The route tables carried in src/reference/data/routes.json (built by reference:build). */
export interface RouteTables {
  /** [system, code, class]: route codes of the standard systems (vendor codes go by text). */
  routeCodes: [string, string, RouteClass][];
  /** [system, code, class, effect]: administration-method codes. */
  methodCodes: [string, string, RouteClass, MethodEffect][];
  /** [normalised text, class]: route texts and vendor displays. */
  texts: [string, RouteClass][];
  /** [RxNorm dose form, class when no route, definitely non-parenteral]. */
  doseForms: [string, RouteClass, boolean][];
  /** [SNOMED code, class when no route]: Medication.form codes. */
  medicationForms: [string, RouteClass][];
}
