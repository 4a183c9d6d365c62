// Codes the product needs beyond drug-catalog.json: supportive drugs named in infusion-rules.md,
// hydration fluids and flush products. Descriptors are the CMS HCPCS long descriptions
// (../shared/data/cms/hcpc_short.csv); the build checks each billing unit against the CMS
// crosswalk dosage where the crosswalk lists the code.
import type { DrugCategory } from '../types.ts';

export interface CuratedCode {
  code: string;
  family: string;
  displayName: string;
  category: DrugCategory;
  /** Billing unit from the descriptor, e.g. '50 MG', 'UP TO 125 MG', '250 CC'. */
  dosage: string;
  effectiveFrom?: string;
  effectiveTo?: string;
}

export const CURATED_CODES: CuratedCode[] = [
  // Supportive drugs: therapeutic (infusion-rules R2.2).
  {
    code: 'J0640',
    family: 'leucovorin',
    displayName: 'leucovorin calcium',
    category: 'therapeutic',
    dosage: '50 MG',
  },
  {
    code: 'J0641',
    family: 'levoleucovorin',
    displayName: 'levoleucovorin',
    category: 'therapeutic',
    dosage: '0.5 MG',
  },
  {
    code: 'J3475',
    family: 'magnesium-sulfate',
    displayName: 'magnesium sulfate',
    category: 'therapeutic',
    dosage: '500 MG',
  },
  {
    code: 'J3480',
    family: 'potassium-chloride',
    displayName: 'potassium chloride',
    category: 'therapeutic',
    dosage: '2 MEQ',
  },
  {
    code: 'J2920',
    family: 'methylprednisolone',
    displayName: 'methylprednisolone sodium succinate',
    category: 'therapeutic',
    dosage: 'UP TO 40 MG',
  },
  {
    code: 'J2930',
    family: 'methylprednisolone',
    displayName: 'methylprednisolone sodium succinate',
    category: 'therapeutic',
    dosage: 'UP TO 125 MG',
  },
  // Not otherwise classified: famotidine injection is billed as J3490 (drug-catalog famotidine).
  {
    code: 'J3490',
    family: 'unclassified-drug',
    displayName: 'unclassified drug (NOC)',
    category: 'therapeutic',
    dosage: '',
  },
  {
    code: 'J9999',
    family: 'unclassified-antineoplastic',
    displayName: 'unclassified antineoplastic drug (NOC)',
    category: 'chemo',
    dosage: '',
  },
  // Code history (drug-wastage R-26). J2505 through 2021-12-31; J9070 absent from the 2026 files.
  {
    code: 'J2505',
    family: 'pegfilgrastim',
    displayName: 'pegfilgrastim',
    category: 'therapeutic',
    dosage: '6 MG',
    effectiveTo: '2021-12-31',
  },
  {
    code: 'J9070',
    family: 'cyclophosphamide',
    displayName: 'cyclophosphamide',
    category: 'chemo',
    dosage: '100 MG',
    effectiveTo: '2025-12-31',
  },
  // Hydration fluids (infusion-rules R3).
  {
    code: 'J7030',
    family: 'sodium-chloride-0.9',
    displayName: 'normal saline 1000 mL',
    category: 'hydration',
    dosage: '1000 CC',
  },
  {
    code: 'J7040',
    family: 'sodium-chloride-0.9',
    displayName: 'normal saline 500 mL',
    category: 'hydration',
    dosage: '500 ML',
  },
  {
    code: 'J7042',
    family: 'dextrose-5-saline',
    displayName: '5% dextrose in normal saline',
    category: 'hydration',
    dosage: '500 ML',
  },
  {
    code: 'J7050',
    family: 'sodium-chloride-0.9',
    displayName: 'normal saline 250 mL',
    category: 'hydration',
    dosage: '250 CC',
  },
  {
    code: 'J7060',
    family: 'dextrose-5-water',
    displayName: '5% dextrose in water',
    category: 'hydration',
    dosage: '500 ML',
  },
  {
    code: 'J7070',
    family: 'dextrose-5-water',
    displayName: '5% dextrose in water 1000 mL',
    category: 'hydration',
    dosage: '1000 CC',
  },
  {
    code: 'J7120',
    family: 'lactated-ringers',
    displayName: "lactated Ringer's",
    category: 'hydration',
    dosage: 'UP TO 1000 CC',
  },
  // Flush products: never billed (infusion-rules R8.1, contract §2.1).
  {
    code: 'J1642',
    family: 'heparin-lock-flush',
    displayName: 'heparin lock flush',
    category: 'flush',
    dosage: '10 UNITS',
  },
  {
    code: 'A4216',
    family: 'saline-flush',
    displayName: 'saline flush 10 mL',
    category: 'flush',
    dosage: '10 ML',
  },
];

/**
 * Codes replaced by date of service (drug-wastage R-26; drug-catalog hcpcs_date_check): the
 * January and July 2026 CMS files still map the NDCs to the older code; the newer code appears
 * only in the October 2026 crosswalk. Exact CMS effective dates are UNSURE.
 */
export const CODE_HISTORY: Record<string, { effectiveFrom?: string; effectiveTo?: string }> = {
  J9190: { effectiveTo: '2026-09-30' },
  J9192: { effectiveFrom: '2026-10-01' },
  J9181: { effectiveTo: '2026-09-30' },
  J9187: { effectiveFrom: '2026-10-01' },
  J2506: { effectiveFrom: '2022-01-01' },
};
