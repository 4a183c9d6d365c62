// Reference data types: what the engine may ask about a drug, a code or a CMS table.
// Implementations live in src/reference/ (built-in data and CMS file parsers) and are
// passed to the engine as a parameter. All amounts are exact decimal strings.

/** Category for the administration codes (infusion-rules §2, contract §2.2). */
export type DrugCategory = 'chemo' | 'therapeutic' | 'hydration' | 'flush';

export type ContainerType = 'single-dose' | 'multi-dose';

/** A quantity as an exact decimal string with a UCUM unit code (mg, ug, g, mL, [iU], {unit}). */
export interface DecimalQuantity {
  value: string;
  unit: string;
}

/** One marketed package (NDC) of a drug. */
export interface Presentation {
  /** 11 digits, no hyphens. */
  ndc11: string;
  hcpcs: string;
  /** Labeled drug content of one container (e.g. 100 mg). */
  amount: DecimalQuantity;
  /** Volume of one container in mL, when liquid. */
  volumeMl?: string;
  /** Concentration as amount per 1 mL (e.g. { value: '25', unit: 'mg' } = 25 mg/mL). */
  concentrationPerMl?: DecimalQuantity;
  /** null = unknown (raises CONTAINER_TYPE_UNKNOWN). */
  container: ContainerType | null;
  /** Still marketed: only marketed presentations are used for least-waste selection. */
  marketed: boolean;
  /** Whether the NDC quantity is reported in ML (liquid) or UN (powder/each). */
  ndcUnit: 'ML' | 'UN' | 'GR' | 'F2' | 'ME';
}

/** A HCPCS drug or service code as valid over a date range. */
export interface HcpcsInfo {
  code: string;
  /** Billing unit dosage, e.g. { value: '1', unit: 'mg' } for J9271. */
  billingUnit?: DecimalQuantity;
  /** "up to X" descriptors bill 1 unit per X or fraction (drug-wastage R-03). */
  upTo?: boolean;
  category: DrugCategory;
  /** Family id shared by the NDCs/codes of one drug (e.g. 'pembrolizumab'). */
  drugFamily?: string;
  /** Plain drug name for nurses and clinicians. */
  displayName: string;
  /** ISO dates, inclusive; absent = open. */
  effectiveFrom?: string;
  effectiveTo?: string;
}

export interface MueEntry {
  code: string;
  value: number;
  /** MUE adjudication indicator: 1 line edit, 2 DOS policy, 3 DOS clinical. */
  mai: 1 | 2 | 3;
  rationale?: string;
}

export type MueTable = 'practitioner' | 'outpatient-hospital';

/** An NCCI PTP edit active on a date (injection-pump-rules R25). */
export interface PtpEdit {
  column1: string;
  column2: string;
  /** Modifier indicator: 0 never together, 1 allowed with a documented modifier, 9 not applicable. */
  indicator: 0 | 1 | 9;
}

/** What a drug name gives (medication-vocabulary §4): an RxNorm display or a free text. */
export interface NameMatch {
  /** HCPCS candidates, preferred first (catalog, NOS); empty when the name is not known. */
  codes: readonly string[];
  /** The ingredient key that matched (e.g. 'cyclophosphamide', 'hyaluronidase / rituximab'). */
  ingredient: string;
  /** How: the whole RxNorm product name, its ingredients, or a known name found in free text. */
  via: 'product' | 'ingredient' | 'scan';
  /** The RxNorm dose form that ended the name. */
  doseForm?: string;
  /** The dose form is definitely not parenteral (oral, topical, transdermal …). */
  nonParenteral: boolean;
}

/**
 * Everything the engine reads about drugs and CMS tables. Dates are ISO `YYYY-MM-DD`
 * (the date of service) so quarter-versioned data can answer for the right quarter.
 */
export interface ReferenceData {
  /** Product facts by 11-digit NDC. */
  productByNdc(ndc11: string): Presentation | undefined;
  /**
   * Whether the data knows the 11-digit NDC at all: a catalog product or any row of the CMS
   * crosswalk (every quarter held). Reads a bare 10-digit NDC (drug-wastage R-29).
   */
  ndcKnown?(ndc11: string): boolean;
  /** Marketed presentations that bill under this HCPCS (for least-waste selection). */
  presentationsForHcpcs(hcpcs: string): Presentation[];
  /** HCPCS facts valid on the date; undefined when unknown or not valid that day. */
  hcpcs(code: string, dos: string): HcpcsInfo | undefined;
  /** Whether the code is known at all (any date), for HCPCS_NOT_VALID_FOR_DOS. */
  hcpcsKnown(code: string): boolean;
  /** HCPCS codes the CMS crosswalk lists for this NDC on the date. */
  hcpcsForNdc(ndc11: string, dos: string): readonly string[];
  /** HCPCS for an RxNorm code (ingredient or product), when mapped. */
  hcpcsForRxnorm(rxcui: string): string | undefined;
  /**
   * Every HCPCS an RxCUI (SCD, SBD, IN, PIN, MIN, brand) is linked to in the RxNorm vocabulary
   * (contract §2.2 step 3). Optional; empty when unknown.
   */
  hcpcsListForRxnorm?(rxcui: string): readonly string[];
  /** HCPCS candidates a drug name gives (contract §2.2 steps 4–5). Optional. */
  drugsByName?(text: string): NameMatch | undefined;
  /** Category and plain name of a drug code the catalog does not carry (infusion-rules §2). */
  codeCategory?(code: string): { category: DrugCategory; displayName: string } | undefined;
  /** Category straight from the drug table by RxNorm (contract §2.2 order: NDC, HCPCS, RxNorm). */
  categoryByRxnorm(rxcui: string): DrugCategory | undefined;
  /** Medicare Part B payment limit per billing unit (USD, decimal string) on the date. */
  paymentLimit(hcpcs: string, dos: string): string | undefined;
  /** OPPS Addendum B status indicator on the date (G, K, N, ...). */
  oppsStatusIndicator(hcpcs: string, dos: string): string | undefined;
  /** OPPS Addendum B payment rate (USD, decimal string) on the date; optional. */
  oppsPaymentRate?(hcpcs: string, dos: string): string | undefined;
  /**
   * The practice fee schedule's amount per unit (USD, decimal string) for a code with one of the
   * line's modifiers, else for the code with no modifier; optional, undefined when not configured.
   */
  practiceFee?(hcpcs: string, modifiers: readonly string[]): string | undefined;
  mue(code: string, table: MueTable, dos: string): MueEntry | undefined;
  /**
   * NCCI PTP edit for (column 1, column 2) active on the date, in the setting's table
   * (injection-pump-rules R25.1). Without a practitioner table the hospital pairs answer for it
   * (R25.1: only the hospital subset ships). Optional; undefined when no edit.
   */
  ptp?(column1: string, column2: string, table: MueTable, dos: string): PtpEdit | undefined;
  /**
   * Optional exact factor (decimal string) to convert an amount in `from` to `to` (UCUM codes),
   * e.g. ('mg', 'ug') → '1000'. The engine knows the common mass/volume units itself and asks
   * here only for others (nothing shipped fills it; docs/drug-units.md).
   */
  unitFactor?(from: string, to: string): string | undefined;
  /**
   * Billing unit of a drug code the catalog does not carry, from the CMS files' dosage column
   * (so a drug outside the catalog still gets units). Optional; undefined when unknown.
   */
  billingUnitOf?(code: string): { billingUnit: DecimalQuantity; upTo: boolean } | undefined;
}
