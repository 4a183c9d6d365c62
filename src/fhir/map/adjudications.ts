// Past adjudications (ClaimResponse with use = claim, ExplanationOfBenefit) → the engine's
// AdjudicatedLine, with the X12 CARC/RARC reason codes payers put on item adjudications
// (fhir-modeling §1.1: CARIN BB code systems).
import type { AdjudicatedLine } from '../../engine/index.ts';
import type { ClaimResponseR, ExplanationOfBenefitR } from '../schemas/financial.ts';
import { serviceCodeOf } from './codes.ts';
import type { MapContext } from './context.ts';
import { dateOf } from './time.ts';

type Adjudication = NonNullable<
  NonNullable<ClaimResponseR['item']>[number]['adjudication']
>[number];

const isCarcSystem = (s: string | undefined): boolean =>
  !!s && /claim-adjustment-reason-codes\/?$/i.test(s);
const isRarcSystem = (s: string | undefined): boolean =>
  !!s && /remittance-advice-remark-codes\/?$/i.test(s);
/** Adjudication categories that carry money paid (THO adjudication, CARIN BB). */
const PAID = new Set(['benefit', 'paid', 'paidtoprovider', 'paidtopatient', 'paidbypatient']);
/** The payer's line status (CARIN BB C4BBPayerAdjudicationStatus, adjudication category or reason). */
const DENIED_STATUS = 'denied';

function read(adjudications: Adjudication[] | undefined): {
  carcs: string[];
  rarcs: string[];
  paid: boolean;
  denied: boolean;
} {
  const carcs: string[] = [];
  const rarcs: string[] = [];
  let paid = false;
  let deniedStatus = false;
  for (const a of adjudications ?? []) {
    for (const cc of [a.reason, a.category]) {
      for (const c of cc?.coding ?? []) {
        if (!c.code) continue;
        if (isCarcSystem(c.system) && !carcs.includes(c.code)) carcs.push(c.code);
        if (isRarcSystem(c.system) && !rarcs.includes(c.code)) rarcs.push(c.code);
        if (!isCarcSystem(c.system) && c.code.toLowerCase() === DENIED_STATUS) deniedStatus = true;
      }
    }
    const category = a.category?.coding?.some((c) => c.code && PAID.has(c.code.toLowerCase()));
    if (category && (a.amount?.value ?? 0) > 0) paid = true;
  }
  // Denied: a reason code, or the payer's own "denied" line status, and nothing paid.
  return {
    carcs,
    rarcs,
    paid,
    denied: !paid && (carcs.length > 0 || rarcs.length > 0 || deniedStatus),
  };
}

type ClaimPointer = ClaimResponseR['request'];

/** The Claim that carries this identifier ('system|value'), asked only when no reference is given. */
function claimKeyByIdentifier(ctx: MapContext, identifier: string): string | undefined {
  for (const [key, r] of ctx.index.values()) {
    if (r.resourceType !== 'Claim' || !Array.isArray(r['identifier'])) continue;
    for (const id of r['identifier'] as { system?: unknown; value?: unknown }[])
      if (
        typeof id.value === 'string' &&
        `${typeof id.system === 'string' ? id.system : ''}|${id.value}` === identifier
      )
        return key;
  }
  return undefined;
}

/** The billed claim an answer names: by reference, else by the identifier the payer gave. */
function claimOf(
  ctx: MapContext,
  pointer: ClaimPointer,
): Pick<AdjudicatedLine, 'claim' | 'claimIdentifier'> {
  const out: Pick<AdjudicatedLine, 'claim' | 'claimIdentifier'> = {};
  if (pointer?.reference) out.claim = ctx.index.canonical(pointer.reference);
  const id = pointer?.identifier;
  if (id?.value) {
    out.claimIdentifier = `${id.system ?? ''}|${id.value}`;
    const found = out.claim ? undefined : claimKeyByIdentifier(ctx, out.claimIdentifier);
    if (found) out.claim = found;
  }
  return out;
}

export function mapClaimResponseAdjudications(
  ctx: MapContext,
  r: ClaimResponseR,
  key: string,
): AdjudicatedLine[] {
  const claim = claimOf(ctx, r.request);
  const out: AdjudicatedLine[] = [];
  for (const item of r.item ?? []) {
    const { carcs, rarcs, denied } = read(item.adjudication);
    const line: AdjudicatedLine = { source: key, ...claim, modifiers: [], carcs, rarcs, denied };
    if (item.itemSequence !== undefined) line.itemSequence = item.itemSequence;
    out.push(line);
  }
  return out;
}

export function mapExplanationOfBenefit(
  ctx: MapContext,
  r: ExplanationOfBenefitR,
  key: string,
): AdjudicatedLine[] {
  const claim = claimOf(ctx, r.claim);
  const out: AdjudicatedLine[] = [];
  for (const item of r.item ?? []) {
    const { carcs, rarcs, denied } = read(item.adjudication);
    const line: AdjudicatedLine = {
      source: key,
      ...claim,
      modifiers: (item.modifier ?? []).flatMap((m) =>
        (m.coding ?? []).flatMap((c) => (c.code ? [c.code.trim().toUpperCase()] : [])),
      ),
      carcs,
      rarcs,
      denied,
    };
    if (item.sequence !== undefined) line.itemSequence = item.sequence;
    const code = serviceCodeOf(item.productOrService);
    if (code) line.code = code;
    const date = dateOf(item.servicedDate ?? item.servicedPeriod?.start ?? r.billablePeriod?.start);
    if (date) line.date = date;
    out.push(line);
  }
  return out;
}
