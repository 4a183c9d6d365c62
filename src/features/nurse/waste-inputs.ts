// What the waste form needs about one administration, all from the engine and the reference
// data (issue 18 §1: the chair keeps no copy of a billing fact): the drug's products (never a
// multi-dose one, drug-wastage R-12), the least-waste suggestion and the figures
// of the containers listed (L − A, R-06; R-04 for a dose in mL).
import Decimal from 'decimal.js';
import {
  onlyMultiDose,
  suggestWaste,
  wasteFigures,
  type ContainerOpened,
  type DecimalQuantity,
  type WasteFigures,
  type WasteFiguresResult,
  wasteProducts,
} from '../../engine/index.ts';
import { normalizeNdc } from '../../reference/ndc.ts';
import type { Presentation, ReferenceData } from '../../reference/types.ts';
import type { AdministrationRow } from '../../fhir/map/chair-model.ts';

export interface WasteInputs {
  /** undefined while the drug data loads. */
  products: readonly Presentation[] | undefined;
  onlyMultiDose: boolean;
  suggestion: WasteFigures | undefined;
  figures: (containers: ContainerOpened[]) => WasteFiguresResult;
  dose: { value: Decimal; unit: string } | undefined;
}

/** The recorded dose as an exact decimal text with its UCUM code; undefined when not recorded. */
function doseOf(row: AdministrationRow): DecimalQuantity | undefined {
  const d = row.drug.dose;
  const unit = d?.code ?? d?.unit;
  return d?.value !== undefined && unit
    ? { value: new Decimal(d.value).toString(), unit }
    : undefined;
}

export function wasteInputs(
  row: AdministrationRow,
  reference: ReferenceData | undefined,
): WasteInputs {
  const dose = doseOf(row);
  const shownDose = dose ? { value: new Decimal(dose.value), unit: dose.unit } : undefined;
  if (!reference) {
    return {
      products: undefined,
      onlyMultiDose: false,
      suggestion: undefined,
      figures: () => ({ ok: false, problem: 'no-containers' }),
      dose: shownDose,
    };
  }
  const known = (n: string) => reference.productByNdc(n) !== undefined;
  const ndc11s = row.drug.ndcs
    .map((n) => normalizeNdc(n, known))
    .filter((n): n is string => n !== undefined);
  const products = wasteProducts(ndc11s, row.drug.hcpcs, reference);
  return {
    products,
    onlyMultiDose: onlyMultiDose(ndc11s, reference),
    suggestion: suggestWaste(dose, products, reference),
    figures: (containers) => wasteFigures(containers, dose, reference),
    dose: shownDose,
  };
}
