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

function read(adjudications: Adjudication[] | undefined): {
  carcs: string[];
  rarcs: string[];
  paid: boolean;
} {
  const carcs: string[] = [];
  const rarcs: string[] = [];
  let paid = false;
  for (const a of adjudications ?? []) {
    for (const cc of [a.reason, a.category]) {
      for (const c of cc?.coding ?? []) {
        if (!c.code) continue;
        if (isCarcSystem(c.system) && !carcs.includes(c.code)) carcs.push(c.code);
        if (isRarcSystem(c.system) && !rarcs.includes(c.code)) rarcs.push(c.code);
      }
    }
    const category = a.category?.coding?.some((c) => c.code && PAID.has(c.code.toLowerCase()));
    if (category && (a.amount?.value ?? 0) > 0) paid = true;
  }
  return { carcs, rarcs, paid };
}

export function mapClaimResponseAdjudications(
  ctx: MapContext,
  r: ClaimResponseR,
  key: string,
): AdjudicatedLine[] {
  const claim = r.request?.reference ? ctx.index.canonical(r.request.reference) : undefined;
  const out: AdjudicatedLine[] = [];
  for (const item of r.item ?? []) {
    const { carcs, rarcs, paid } = read(item.adjudication);
    const line: AdjudicatedLine = {
      source: key,
      modifiers: [],
      carcs,
      rarcs,
      denied: !paid && (carcs.length > 0 || rarcs.length > 0),
    };
    if (claim) line.claim = claim;
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
  const claim = r.claim?.reference ? ctx.index.canonical(r.claim.reference) : undefined;
  const out: AdjudicatedLine[] = [];
  for (const item of r.item ?? []) {
    const { carcs, rarcs, paid } = read(item.adjudication);
    const line: AdjudicatedLine = {
      source: key,
      modifiers: (item.modifier ?? []).flatMap((m) =>
        (m.coding ?? []).flatMap((c) => (c.code ? [c.code.trim().toUpperCase()] : [])),
      ),
      carcs,
      rarcs,
      denied: !paid && (carcs.length > 0 || rarcs.length > 0),
    };
    if (claim) line.claim = claim;
    if (item.sequence !== undefined) line.itemSequence = item.sequence;
    const code = serviceCodeOf(item.productOrService);
    if (code) line.code = code;
    const date = dateOf(item.servicedDate ?? item.servicedPeriod?.start ?? r.billablePeriod?.start);
    if (date) line.date = date;
    out.push(line);
  }
  return out;
}
