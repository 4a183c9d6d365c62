// Writes the signed lines as ChargeItems (docs/write-back.md): a line whose charge the app
// entered before (same line key, not yet replaced) is changed with `ChargeItem/$modify` when
// it differs; other lines are created; a charge whose line was dropped is modified to
// `not-billable`. A line the EHR offers no way to place is returned as unplaced, never dropped.
import type { ChargeItem } from 'fhir/r4';
import type { FhirGateway } from '../gateway.ts';
import {
  buildChargeItems,
  chargeKeyOf,
  modifyParameters,
  sameCharge,
  type ChargeItemsInput,
} from './charge-item-builder.ts';
import type { SignedLine } from './claim-builder.ts';

export interface ChargeWriteOptions {
  canCreate: boolean;
  canModify: boolean;
}

export interface ChargeWriteResult {
  created: ChargeItem[];
  modified: ChargeItem[];
  unchanged: ChargeItem[];
  /** Charges of dropped lines set to not-billable. */
  withdrawn: ChargeItem[];
  /** Lines that could not be placed (no create, or no modify for an existing charge). */
  unplaced: SignedLine[];
  /** Charges of dropped lines that could not be withdrawn (no $modify). */
  stale: ChargeItem[];
}

/** The app's live charges of this visit, by line key. */
export async function existingCharges(
  gateway: FhirGateway,
  patient: string,
  encounter: string | null,
): Promise<Map<string, ChargeItem & { id: string }>> {
  // By visit where there is one (Oracle Health searches charges by context or account).
  const params: Record<string, string> = encounter ? { context: encounter } : { subject: patient };
  const found = await gateway.search('ChargeItem', params);
  const out = new Map<string, ChargeItem & { id: string }>();
  for (const r of found) {
    if (r.resourceType !== 'ChargeItem' || !r.id) continue;
    if (r.status === 'aborted' || r.status === 'entered-in-error') continue;
    const key = chargeKeyOf(r);
    if (key && r.subject.reference === patient) out.set(key, { ...r, id: r.id });
  }
  return out;
}

export async function writeCharges(
  gateway: FhirGateway,
  input: ChargeItemsInput,
  existing: Map<string, ChargeItem & { id: string }>,
  opts: ChargeWriteOptions,
): Promise<ChargeWriteResult> {
  const result: ChargeWriteResult = {
    created: [],
    modified: [],
    unchanged: [],
    withdrawn: [],
    unplaced: [],
    stale: [],
  };
  const modify = (id: string, next: ChargeItem) => {
    if (!gateway.operation) throw new Error('This connection cannot run FHIR operations.');
    return gateway.operation<ChargeItem>('ChargeItem', 'modify', modifyParameters(id, next));
  };
  const built = buildChargeItems(input);
  const keep = new Set(built.map((b) => b.key));
  for (const [i, { key, charge }] of built.entries()) {
    const before = existing.get(key);
    const line = input.lines[i];
    if (before && sameCharge(before, charge)) {
      result.unchanged.push(before);
    } else if (before && opts.canModify) {
      result.modified.push((await modify(before.id, charge)).resource);
    } else if (!before && opts.canCreate) {
      result.created.push((await gateway.create(charge)).resource);
    } else if (line) {
      result.unplaced.push(line);
    }
  }
  for (const [key, charge] of existing) {
    if (keep.has(key)) continue;
    if (!opts.canModify) {
      result.stale.push(charge);
      continue;
    }
    const withdrawn = { ...charge, status: 'not-billable' as const, enteredDate: input.entered };
    result.withdrawn.push((await modify(charge.id, withdrawn)).resource);
  }
  return result;
}
