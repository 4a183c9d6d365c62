// Signed lines as ChargeItems, for an EHR with no writable Claim (Oracle Health's Millennium
// R4 API documents ChargeItem and `$modify`; docs/write-back.md cites the pages): code and
// quantity, modifiers and the NDC in Oracle's documented extensions, `service` → the
// administrations the line came from, `context` → the Encounter. Each charge carries an
// identifier for its line, so a later sign-off modifies the same charge instead of adding one.
import type { ChargeItem, Extension, Parameters } from 'fhir/r4';
import { SYSTEMS } from '../extensions.ts';
import { modifierSystem, procedureSystem, type SignedLine } from './claim-builder.ts';
import { ORACLE_EXT, ORACLE_SUB } from './oracle-charge-extensions.ts';

/** Identifier system of the app's line key on a ChargeItem. */
export const CHARGE_LINE_SYSTEM = 'https://everydose.dev/fhir/NamingSystem/charge-line';

export interface ChargeItemsInput {
  /** 'Patient/<id>' */
  patient: string;
  /** 'Encounter/<id>' or null. */
  encounter: string | null;
  lines: readonly SignedLine[];
  /** 'Practitioner/<id>' of the coder. */
  enterer: string;
  /** ISO instant of the sign-off. */
  entered: string;
}

/** The line's key: visit, code, modifiers in order, date, and its rank among equal lines. */
export function chargeLineKeys(encounter: string | null, lines: readonly SignedLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const base = [encounter ?? 'no-encounter', l.code, l.modifiers.join('+'), l.date].join('|');
    const rank = (seen.get(base) ?? 0) + 1;
    seen.set(base, rank);
    return `${base}|${rank}`;
  });
}

export function modifierExtension(modifier: string, priority: number): Extension {
  return {
    url: ORACLE_EXT.modifierCode,
    extension: [
      {
        url: ORACLE_SUB.code,
        valueCodeableConcept: { coding: [{ system: modifierSystem(modifier), code: modifier }] },
      },
      { url: ORACLE_EXT.priority, valueUnsignedInt: priority },
    ],
  };
}

export function ndcExtension(ndc: NonNullable<SignedLine['ndc']>): Extension {
  return {
    url: ORACLE_EXT.nationalDrugProduct,
    extension: [
      {
        url: ORACLE_SUB.ndcCode,
        valueCodeableConcept: { coding: [{ system: SYSTEMS.ndc, code: ndc.code }] },
      },
      { url: ORACLE_SUB.ndcQuantity, valueQuantity: { value: ndc.quantity, unit: ndc.unit } },
    ],
  };
}

export function buildChargeItem(
  input: ChargeItemsInput,
  line: SignedLine,
  key: string,
): ChargeItem {
  const extension = [
    ...line.modifiers.map((m, i) => modifierExtension(m, i + 1)),
    ...(line.ndc ? [ndcExtension(line.ndc)] : []),
  ];
  const services = [...new Set(line.sources)].filter((s) =>
    s.startsWith('MedicationAdministration/'),
  );
  const charge: ChargeItem = {
    resourceType: 'ChargeItem',
    identifier: [{ system: CHARGE_LINE_SYSTEM, value: key }],
    status: 'billable',
    code: { coding: [{ system: procedureSystem(line.code), code: line.code }] },
    subject: { reference: input.patient },
    occurrenceDateTime: line.date,
    quantity: { value: line.units },
    enterer: { reference: input.enterer },
    enteredDate: input.entered,
  };
  if (input.encounter) charge.context = { reference: input.encounter };
  if (services.length > 0) charge.service = services.map((reference) => ({ reference }));
  if (line.ndc) {
    charge.productCodeableConcept = { coding: [{ system: SYSTEMS.ndc, code: line.ndc.code }] };
  }
  if (extension.length > 0) charge.extension = extension;
  return charge;
}

export function buildChargeItems(input: ChargeItemsInput): { key: string; charge: ChargeItem }[] {
  const keys = chargeLineKeys(input.encounter, input.lines);
  return input.lines.map((line, i) => {
    const key = keys[i] ?? '';
    return { key, charge: buildChargeItem(input, line, key) };
  });
}

/** The line key a charge carries (undefined for charges the app did not enter). */
export function chargeKeyOf(charge: ChargeItem): string | undefined {
  return charge.identifier?.find((i) => i.system === CHARGE_LINE_SYSTEM)?.value;
}

/** `ChargeItem/$modify` body: the existing charge's id with the new content. */
export function modifyParameters(existingId: string, next: ChargeItem): Parameters {
  return {
    resourceType: 'Parameters',
    parameter: [{ name: 'chargeItem', resource: { ...next, id: existingId } }],
  };
}

/** Whether a charge already says what the line says (then it is left alone). */
export function sameCharge(a: ChargeItem, b: ChargeItem): boolean {
  const pick = (c: ChargeItem) =>
    JSON.stringify([
      c.status,
      c.code,
      c.quantity?.value,
      c.occurrenceDateTime,
      c.extension ?? [],
      (c.service ?? []).map((s) => s.reference),
    ]);
  return pick(a) === pick(b);
}
