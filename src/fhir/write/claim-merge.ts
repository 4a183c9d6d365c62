// Revising an existing draft must not lose what the coder did not review: the signed Claim is
// laid over the draft. Header elements the builder does not produce (careTeam, identifier,
// billablePeriod, facility, …) are kept; diagnoses keep their entries and sequences, new codes are
// appended; supportingInfo keeps entries the builder does not manage; each signed item keeps the
// drafted item's revenue, location, pointers and charge (scaled when the units changed).
import type { Claim, ClaimItem, ClaimSupportingInfo } from 'fhir/r4';
import { codeOf } from './claim-existing.ts';

function modifierSet(item: ClaimItem): string {
  return (item.modifier ?? [])
    .map((m) => (codeOf(m) ?? '').toUpperCase())
    .sort()
    .join('+');
}

/** Pairs each signed item with a drafted one: same code and modifiers first, then same code. */
function pairItems(signed: ClaimItem[], drafted: ClaimItem[]): Map<ClaimItem, ClaimItem> {
  const free = [...drafted];
  const pairs = new Map<ClaimItem, ClaimItem>();
  const pass = (same: (s: ClaimItem, d: ClaimItem) => boolean) => {
    for (const s of signed) {
      if (pairs.has(s)) continue;
      const i = free.findIndex((d) => same(s, d));
      if (i >= 0) pairs.set(s, free.splice(i, 1)[0] as ClaimItem);
    }
  };
  const code = (i: ClaimItem) => codeOf(i.productOrService);
  pass((s, d) => code(s) === code(d) && modifierSet(s) === modifierSet(d));
  pass((s, d) => code(s) === code(d));
  return pairs;
}

function mergeItem(signed: ClaimItem, drafted: ClaimItem | undefined): ClaimItem {
  if (!drafted) return signed;
  const {
    sequence: _seq,
    productOrService: _code,
    modifier: _mods,
    quantity: _qty,
    detail: _detail,
    net: draftedNet,
    unitPrice,
    ...kept
  } = drafted;
  const units = signed.quantity?.value ?? 1;
  const before = drafted.quantity?.value ?? 1;
  const out: ClaimItem = { ...kept, ...signed };
  // The drafted charge is the practice's own price: keep it, scaled to the signed units.
  if (unitPrice?.value !== undefined) {
    out.unitPrice = unitPrice;
    out.net = { ...unitPrice, value: Math.round(unitPrice.value * units * 100) / 100 };
  } else if (draftedNet?.value !== undefined && before > 0) {
    out.net = { ...draftedNet, value: Math.round((draftedNet.value / before) * units * 100) / 100 };
  }
  if (!signed.detail && drafted.detail) out.detail = drafted.detail;
  return out;
}

/** A clinical-trial number, condition code or value code: what the builder writes for a trial. */
function trialCoding(s: ClaimSupportingInfo): boolean {
  const nubc = (s.code?.coding ?? []).some((c) => (c.system ?? '').includes('nubc'));
  const number = !s.code && /\d{8}/.test(s.valueString ?? '');
  return nubc || number;
}

function mergeInfo(draft: ClaimSupportingInfo[], built: ClaimSupportingInfo[]) {
  const builtRefs = new Set(built.map((s) => s.valueReference?.reference).filter((r) => !!r));
  // A trial claim's coding is replaced by the builder's; a non-trial visit keeps what the draft
  // has (the engine warns TRIAL_CODING_UNEXPECTED and the coder decides).
  const replaceTrial = built.some(trialCoding);
  const kept = draft.filter(
    (s) =>
      !(s.valueReference?.reference && builtRefs.has(s.valueReference.reference)) &&
      !(replaceTrial && trialCoding(s)),
  );
  return [...kept, ...built].map((s, i) => ({ ...s, sequence: i + 1 }));
}

export function mergeOntoDraft(draft: Claim, built: Claim): Claim {
  const { meta: _meta, text: _text, ...base } = draft;
  const merged: Claim = { ...base, ...built };
  if (draft.id) merged.id = draft.id;

  const drafted = draft.item ?? [];
  const pairs = pairItems(built.item ?? [], drafted);
  merged.item = (built.item ?? []).map((i) => mergeItem(i, pairs.get(i)));

  const oldDx = draft.diagnosis ?? [];
  const have = new Set(oldDx.map((d) => codeOf(d.diagnosisCodeableConcept)?.toUpperCase()));
  let next = Math.max(0, ...oldDx.map((d) => d.sequence));
  const added = (built.diagnosis ?? [])
    .filter((d) => !have.has(codeOf(d.diagnosisCodeableConcept)?.toUpperCase()))
    .map((d) => ({ ...d, sequence: (next += 1) }));
  if (oldDx.length + added.length > 0) merged.diagnosis = [...oldDx, ...added];

  const info = mergeInfo(draft.supportingInfo ?? [], built.supportingInfo ?? []);
  if (info.length > 0) merged.supportingInfo = info;

  const focal = built.insurance[0];
  const draftedFocal = draft.insurance.find((i) => i.focal) ?? draft.insurance[0];
  if (focal && draftedFocal) {
    const refs = [...new Set([...(draftedFocal.preAuthRef ?? []), ...(focal.preAuthRef ?? [])])];
    merged.insurance = [
      { ...draftedFocal, ...focal, ...(refs.length > 0 ? { preAuthRef: refs } : {}) },
      ...draft.insurance.filter((i) => i !== draftedFocal),
    ];
  }
  const nets = merged.item.map((i) => i.net?.value);
  if (nets.length > 0 && nets.every((n) => n !== undefined)) {
    const sum = nets.reduce<number>((a, n) => a + (n ?? 0), 0);
    merged.total = { value: Math.round(sum * 100) / 100, currency: 'USD' };
  } else delete merged.total;
  return merged;
}
