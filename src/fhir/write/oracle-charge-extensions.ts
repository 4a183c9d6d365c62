// ChargeItem extensions as Oracle Health's Millennium R4 API documents them (docs/write-back.md
// cites the pages): modifier code, national drug product (NDC, quantity, conversion factor),
// revenue code, bill code schedule, and the replacing / offset-by links that `$modify` leaves.
export const ORACLE_EXT_BASE = 'https://fhir-ehr.cerner.com/r4/StructureDefinition/';

export const ORACLE_EXT = {
  modifierCode: `${ORACLE_EXT_BASE}modifier-code`,
  nationalDrugProduct: `${ORACLE_EXT_BASE}national-drug-product`,
  quantityConversionFactor: `${ORACLE_EXT_BASE}quantity-conversion-factor`,
  revenueCode: `${ORACLE_EXT_BASE}revenue-code`,
  billCodeSchedule: `${ORACLE_EXT_BASE}bill-code-schedule`,
  priority: `${ORACLE_EXT_BASE}priority`,
  replacing: `${ORACLE_EXT_BASE}replacing`,
  offsetBy: `${ORACLE_EXT_BASE}offset-by`,
} as const;

/** Sub-extensions (relative urls) of `modifier-code` and `national-drug-product`. */
export const ORACLE_SUB = {
  code: 'code',
  ndcCode: 'national-drug-product-code',
  ndcQuantity: 'national-drug-product-quantity',
} as const;
