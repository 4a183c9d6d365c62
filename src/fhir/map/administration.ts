// MedicationAdministration → engine Administration (contract §2.1–§2.5).
import type { Administration, Ingredient, ServiceMethod } from '../../engine/index.ts';
import {
  ADMINISTRATION_METHOD_SYSTEM,
  EXT,
  ON_BODY_INJECTOR,
  SYSTEMS,
  WORKFLOW_RESEARCH_STUDY,
} from '../extensions.ts';
import { decideRoute } from '../../reference/builtin-routes.ts';
import type { RouteConcept, RouteDecision, RouteInput } from '../../reference/route-types.ts';
import type { IndexedResource } from '../references.ts';
import type { CodeableConcept } from '../schemas/common.ts';
import type { MedicationAdministrationR, MedicationR } from '../schemas/medication.ts';
import { conceptIdentity, decimalQuantity, drugIdentity, hasCode, perMl } from './codes.ts';
import { readAs, type IssuePlace, type MapContext } from './context.ts';
import { codeValue, containersValue, flag, quantityValue, referenceValue } from './extensions.ts';
import { timestampOf } from './time.ts';

export const PUSH_CODES = ['IVPUSH', 'IVRPUSH', 'IVSPUSH', 'IVINJBOL', 'IVINJ'] as const;
const FLUSH_TEXT = /flush|\bkvo\b|keep vein open/i;
const NONE: readonly never[] = [];
const IVFLUSH = ['IVFLUSH'];

function routeConcept(c: CodeableConcept | undefined): RouteConcept | undefined {
  if (!c) return undefined;
  // A concept with its codings is read as it is (the route decision reads only coding and
  // text): no copy per administration (issue 18 part 2).
  if (c.coding) return c as RouteConcept;
  const out: RouteConcept = { coding: [] };
  if (c.text !== undefined) out.text = c.text;
  return out;
}

/** Replaced by the route decision before the administration leaves mapAdministration. */
const ROUTE_NOT_YET_DECIDED: Readonly<RouteDecision> = Object.freeze({
  class: 'unknown',
  family: 'unknown',
  from: 'none',
  evidence: '',
});

/** Names of the drug as the record and its Medication give them (RxNorm names end in a dose form). */
function drugNames(...concepts: (CodeableConcept | undefined)[]): string[] {
  const names: string[] = [];
  for (const c of concepts) {
    if (!c) continue;
    for (const coding of c.coding ?? NONE) if (coding.display) names.push(coding.display);
    if (c.text) names.push(c.text);
  }
  return names;
}

const SERVICE_METHODS: readonly ServiceMethod[] = [
  'pump-initiation',
  'pump-refill',
  'pump-disconnect',
  'port-flush',
];

/** dosage.method coded in the administration-method system (R26.4). */
export function serviceMethodOf(method: CodeableConcept | undefined): ServiceMethod | undefined {
  for (const c of method?.coding ?? NONE) {
    if (c.system !== ADMINISTRATION_METHOD_SYSTEM) continue;
    const found = SERVICE_METHODS.find((m) => m === c.code);
    if (found) return found;
  }
  return undefined;
}

const ON_BODY_TEXT = /\bon[-\s]?body\s+(?:drug\s+)?injector\b/i;

/**
 * R20.7: an on-body injector is said by dosage.method (the administration-method code
 * `on-body-injector`, or a method coding display or text naming one) or by a `device` reference
 * naming one. Never by the drug's name or product (R20.2).
 */
export function onBodyInjectorOf(
  method: CodeableConcept | undefined,
  devices: readonly { display?: string | undefined }[] | undefined,
): boolean {
  const codings = method?.coding ?? NONE;
  for (const c of codings)
    if (c.system === ADMINISTRATION_METHOD_SYSTEM && c.code === ON_BODY_INJECTOR) return true;
  // The texts in this order: method text, method displays, device displays (no list built).
  if (saysOnBody(method?.text)) return true;
  for (const c of codings) if (saysOnBody(c.display)) return true;
  for (const d of devices ?? NONE) if (saysOnBody(d.display)) return true;
  return false;
}

function saysOnBody(t: string | undefined): boolean {
  return t !== undefined && ON_BODY_TEXT.test(t);
}

function mapIngredients(ctx: MapContext, med: MedicationR, from: IndexedResource): Ingredient[] {
  const out: Ingredient[] = [];
  for (const ing of med.ingredient ?? []) {
    let concept = ing.itemCodeableConcept;
    if (!concept && ing.itemReference) {
      const target = ctx.index.resolve(ing.itemReference.reference, from);
      const code = target?.resource.code;
      if (typeof code === 'object' && code !== null) concept = code as CodeableConcept;
    }
    const item: Ingredient = { drug: drugIdentity([concept], ctx.ndcKnown) };
    const strength = perMl(ing.strength);
    if (strength) item.strengthPerMl = strength;
    if (ing.isActive !== undefined) item.isActive = ing.isActive;
    out.push(item);
  }
  return out;
}

/** Maps one parsed administration. `self` is its indexed form (for `#contained`). */
export function mapAdministration(
  ctx: MapContext,
  ma: MedicationAdministrationR,
  self: IndexedResource,
  encounter: string | null,
): Administration {
  const dosage = ma.dosage;
  const start = timestampOf(ma.effectivePeriod?.start ?? ma.effectiveDateTime);
  const end = timestampOf(ma.effectivePeriod?.end);
  const ext = ma.extension;
  const route = dosage?.route;
  const method = dosage?.method;
  const code = ma.medicationCodeableConcept;

  const a: Administration = {
    ref: self.key,
    patient: ctx.patient,
    encounter,
    status: ma.status,
    dateTimeOnly: ma.effectivePeriod === undefined && ma.effectiveDateTime !== undefined,
    hasRate: dosage?.rateRatio !== undefined || dosage?.rateQuantity !== undefined,
    pushDocumented: false,
    route: ROUTE_NOT_YET_DECIDED,
    flushMarked:
      hasCode(method, SYSTEMS.v3Route, IVFLUSH) ||
      hasCode(route, SYSTEMS.v3Route, IVFLUSH) ||
      FLUSH_TEXT.test(dosage?.text ?? ''),
    separateAccessJustified: flag(ext, EXT.separateAccessJustified),
    primaryReason: flag(ext, EXT.primaryReason),
    drug: code ? conceptIdentity(code, ctx.ndcKnown) : { ndc: [], hcpcs: [], rxnorm: [] },
    ingredients: [],
    sharedContainer: flag(ext, EXT.sharedContainer),
    sponsorSupplied: flag(ext, EXT.sponsorSupplied),
    sponsorPaid: flag(ext, EXT.sponsorPaid),
  };
  if (start) a.start = start;
  if (end) a.end = end;

  const site = dosage?.site;
  const siteValue = site?.coding?.find((c) => c.code)?.code ?? site?.text;
  if (siteValue) a.site = siteValue;
  let med: MedicationR | undefined;
  // Where an invalid Medication or MedicationRequest is reported (built only then).
  const place = (): IssuePlace => ({
    encounter,
    ...(start ? { date: localIsoDate(start) } : {}),
  });

  const serviceMethod = serviceMethodOf(method);
  if (serviceMethod) {
    a.serviceMethod = serviceMethod;
    // R27.11: implanted pump or reservoir only when the record says so.
    const said = [
      site?.text,
      ...(site?.coding ?? NONE).map((c) => c.display),
      method?.text,
      ...(method?.coding ?? NONE).map((c) => c.display),
      ...(ma.device ?? NONE).map((d) => d.display),
    ];
    if (said.some((t) => t !== undefined && /implant/i.test(t))) a.pumpImplanted = true;
  }

  if (!serviceMethod && onBodyInjectorOf(method, ma.device)) a.onBodyInjector = true;

  for (const p of ma.partOf ?? NONE) {
    const r = p.reference ? ctx.index.canonical(p.reference) : undefined;
    if (r?.startsWith('MedicationAdministration/')) {
      a.partOf = r;
      break;
    }
  }

  // Drug: the code, or the referenced (or contained) Medication.
  if (!code && ma.medicationReference) {
    const target = ctx.index.resolve(ma.medicationReference.reference, self);
    med = readAs(ctx, 'Medication', target, place);
    if (med && target) {
      a.drug = drugIdentity([med.code], ctx.ndcKnown);
      a.ingredients = mapIngredients(ctx, med, target);
      const active = a.ingredients.find((i) => i.isActive === true && i.strengthPerMl);
      const conc = active ?? a.ingredients.find((i) => i.isActive !== false && i.strengthPerMl);
      if (conc?.strengthPerMl) a.concentrationPerMl = conc.strengthPerMl;
      const amount = decimalQuantity(med.amount?.numerator);
      if (amount) a.medicationAmount = amount;
    }
    if (a.drug.display === undefined && ma.medicationReference.display) {
      a.drug.display = ma.medicationReference.display;
    }
  }

  // R20.1–R20.3: route, method, dose form, site and Medication.form decide the route family.
  const routeInput: RouteInput = {
    route: routeConcept(route),
    method: routeConcept(method),
    drugNames: drugNames(code, med?.code),
    form: routeConcept(med?.form),
    siteText: site?.text ?? site?.coding?.find((c) => c.display)?.display,
  };
  if (ma.medicationReference?.display) routeInput.drugNames.push(ma.medicationReference.display);
  a.route = decideRoute(routeInput);
  // contract §2.1: a push is a v3 push code in method or route, or any code or text the route
  // table classes as an IV push (SNOMED 420620005 Push, v2 IVP, "IV Push").
  a.pushDocumented =
    a.route.family === 'iv-push' ||
    hasCode(method, SYSTEMS.v3Route, PUSH_CODES) ||
    hasCode(route, SYSTEMS.v3Route, PUSH_CODES);

  const dose = decimalQuantity(dosage?.dose);
  if (dose) a.dose = dose;
  const containers = containersValue(ext, EXT.container, ctx.ndcKnown);
  if (containers) a.containers = containers;
  const discarded = quantityValue(ext, EXT.discardedAmount);
  if (discarded) a.discarded = discarded;

  if (ma.request?.reference) {
    const target = ctx.index.resolve(ma.request.reference, self);
    a.request = target?.key ?? ctx.index.canonical(ma.request.reference);
    const req = readAs(ctx, 'MedicationRequest', target, place);
    const ordered = decimalQuantity(req?.dosageInstruction?.[0]?.doseAndRate?.[0]?.doseQuantity);
    if (ordered) a.orderedDose = ordered;
  }

  const study = referenceValue(ext, WORKFLOW_RESEARCH_STUDY);
  if (study) a.researchStudy = ctx.index.canonical(study);
  const role = codeValue(ext, EXT.trialItemRole);
  if (role === 'investigational' || role === 'routine') a.trialItemRole = role;
  return a;
}

/** Local date (in the instant's own offset) of a parsed timestamp. */
export function localIsoDate(t: { ms: number; offsetMin: number }): string {
  return new Date(t.ms + t.offsetMin * 60_000).toISOString().slice(0, 10);
}
