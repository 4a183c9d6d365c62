// The route decision (medication-vocabulary §1.3, injection-pump-rules R20.1–R20.3): route
// codes in any listed code system, then texts, then the method, then the drug's dose form, the
// site and Medication.form. Nothing here assumes IV: a record that says nothing is 'unknown'.
import type {
  MethodEffect,
  RouteClass,
  RouteCoding,
  RouteDecision,
  RouteEvidenceSource,
  RouteFamily,
  RouteInput,
  RouteTables,
} from './route-types.ts';
import { classifyRouteText, methodTextEffect, siteIsVenousAccess } from './route-text.ts';

const SNOMED = 'http://snomed.info/sct';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration';
const V2_0162 = 'http://terminology.hl7.org/CodeSystem/v2-0162';
const V2_0165 = 'http://terminology.hl7.org/CodeSystem/v2-0165';
const NCI = 'http://ncimeta.nci.nih.gov';

/** System URI aliases (routes.json meta.systems). */
const ALIASES: Record<string, string> = {
  'urn:oid:2.16.840.1.113883.6.96': SNOMED,
  'http://hl7.org/fhir/v3/RouteOfAdministration': V3,
  'urn:oid:2.16.840.1.113883.5.112': V3,
  'http://hl7.org/fhir/v2/0162': V2_0162,
  'urn:oid:2.16.840.1.113883.12.162': V2_0162,
  'http://hl7.org/fhir/v2/0165': V2_0165,
  'urn:oid:2.16.840.1.113883.12.165': V2_0165,
  'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl': NCI,
  'urn:oid:2.16.840.1.113883.3.26.1.1': NCI,
  'http://ncit.nci.nih.gov': NCI,
};

export function normalizeRouteSystem(system: string | undefined): string {
  const s = (system ?? '').trim();
  const alias = ALIASES[s];
  if (alias) return alias;
  // SNOMED edition URIs (http://snomed.info/sct/731000124108) are SNOMED.
  if (s.startsWith(`${SNOMED}/`)) return SNOMED;
  return s;
}

/** R20.1: the family a route class decides. */
export function routeFamilyOf(cls: RouteClass): RouteFamily {
  switch (cls) {
    case 'iv':
      return 'iv';
    case 'iv-push-method':
      return 'iv-push';
    case 'sc':
      return 'sc';
    case 'im':
      return 'im';
    case 'oral':
    case 'topical':
    case 'transdermal':
    case 'inhalation':
    case 'rectal':
    case 'other-non-parenteral':
      return 'non-parenteral';
    case 'intra-arterial':
    case 'intrathecal':
    case 'intravesical':
    case 'intraperitoneal':
    case 'intravitreal':
    case 'other-parenteral':
      return 'out-of-scope';
    case 'parenteral-unknown':
    case 'unknown':
      return 'unknown';
  }
}

/** The route tables indexed for lookup. */
export interface RouteIndex {
  codes: Map<string, RouteClass>;
  methods: Map<string, { cls: RouteClass; effect: MethodEffect }>;
  texts: Map<string, RouteClass>;
  /** Dose forms, longest name first (the longest DF that ends a name wins). */
  doseForms: DoseFormEntry[];
  /**
   * The same by their last word (text after the last space), each list longest first: a form
   * that ends a name at a word boundary has the name's last word as its own (issue 18: a lookup,
   * not a scan of every form per record). Undefined when a form has no usable last word.
   */
  doseFormsByLastWord?: Map<string, DoseFormEntry[]>;
  medicationForms: Map<string, RouteClass>;
  /**
   * `codes` and `methods` by system, then code (issue 18 part 2: no `system|code` text built per
   * lookup). Asked only for a system and code without `|`, where they answer as the flat tables.
   */
  codesBySystem?: Map<string, Map<string, RouteClass>>;
  methodsBySystem?: Map<string, Map<string, { cls: RouteClass; effect: MethodEffect }>>;
}

interface DoseFormEntry {
  name: string;
  lower: string;
  cls: RouteClass;
}

const lastWord = (text: string): string => text.slice(text.lastIndexOf(' ') + 1);

function byLastWord(forms: readonly DoseFormEntry[]): Map<string, DoseFormEntry[]> | undefined {
  const out = new Map<string, DoseFormEntry[]>();
  for (const f of forms) {
    const w = lastWord(f.lower);
    // An empty last word or whitespace the name's trim would remove: keep the plain scan.
    if (w === '' || f.lower !== f.lower.trim()) return undefined;
    const list = out.get(w);
    if (list) list.push(f);
    else out.set(w, [f]);
  }
  return out;
}

const key = (system: string, code: string): string => `${system}|${code}`;

function bySystem<V>(rows: readonly (readonly [string, string, V])[]): Map<string, Map<string, V>> {
  const out = new Map<string, Map<string, V>>();
  for (const [system, code, value] of rows) {
    let codes = out.get(system);
    if (!codes) {
      codes = new Map();
      out.set(system, codes);
    }
    codes.set(code, value);
  }
  return out;
}

/**
 * A route or method code's entry. Without `|` in the system or the code, `system|code` names
 * exactly one (system, code) pair, so the nested tables give the flat table's answer without
 * building the text; otherwise the flat table, as always.
 */
function lookup<V>(
  flat: Map<string, V>,
  nested: Map<string, Map<string, V>> | undefined,
  system: string,
  code: string,
): V | undefined {
  if (nested && !system.includes('|') && !code.includes('|')) return nested.get(system)?.get(code);
  return flat.get(key(system, code));
}

export function indexRouteTables(t: RouteTables): RouteIndex {
  const doseForms = t.doseForms
    .map(([name, cls]) => ({ name, lower: name.toLowerCase(), cls }))
    .sort((a, b) => b.lower.length - a.lower.length || a.lower.localeCompare(b.lower));
  const index: RouteIndex = {
    codes: new Map(t.routeCodes.map(([s, c, cls]) => [key(s, c), cls])),
    methods: new Map(t.methodCodes.map(([s, c, cls, effect]) => [key(s, c), { cls, effect }])),
    texts: new Map(t.texts),
    doseForms,
    medicationForms: new Map(t.medicationForms),
    codesBySystem: bySystem(t.routeCodes),
    methodsBySystem: bySystem(
      t.methodCodes.map(([system, code, cls, effect]) => [system, code, { cls, effect }] as const),
    ),
  };
  const byWord = byLastWord(doseForms);
  if (byWord) index.doseFormsByLastWord = byWord;
  return index;
}

/** The longest RxNorm dose form that ends a drug name ("… Oral Gel [Brand]" → Oral Gel). */
export function doseFormOf(
  name: string,
  index: RouteIndex,
): { name: string; cls: RouteClass } | undefined {
  const lower = name
    .replace(/\s*\[[^\]]*\]\s*$/, '')
    .trim()
    .toLowerCase();
  const forms = index.doseFormsByLastWord
    ? (index.doseFormsByLastWord.get(lastWord(lower)) ?? [])
    : index.doseForms;
  for (const f of forms) {
    if (!lower.endsWith(f.lower)) continue;
    const before = lower.length - f.lower.length;
    if (before === 0 || lower[before - 1] === ' ') return { name: f.name, cls: f.cls };
  }
  return undefined;
}

interface Found {
  cls: RouteClass;
  from: RouteEvidenceSource;
  evidence: string;
}

const codeText = (c: RouteCoding, system: string): string => `${system}|${c.code ?? ''}`;

function fromRoute(input: RouteInput, index: RouteIndex): Found | undefined {
  const route = input.route;
  if (!route) return undefined;
  // §1.3 step 1: the first coding the table classes as something other than unknown.
  let unknownCode: Found | undefined;
  for (const c of route.coding) {
    if (!c.code) continue;
    const system = normalizeRouteSystem(c.system);
    const cls = lookup(index.codes, index.codesBySystem, system, c.code.trim());
    if (cls && cls !== 'unknown') return { cls, from: 'route-code', evidence: codeText(c, system) };
    if (cls) unknownCode ??= { cls, from: 'route-code', evidence: codeText(c, system) };
  }
  // Step 2: displays (local codes are read only by their text), then route.text.
  for (const c of route.coding) {
    const cls = classifyRouteText(c.display, index.texts);
    if (cls) return { cls, from: 'route-text', evidence: c.display ?? '' };
  }
  const cls = classifyRouteText(route.text, index.texts);
  if (cls) return { cls, from: 'route-text', evidence: route.text ?? '' };
  // A code that says "other" or "unknown" (v2 OTH, NCI C38311) is evidence, not a route.
  return unknownCode;
}

interface MethodRead {
  cls?: RouteClass;
  effect?: MethodEffect;
  evidence: string;
  coded: boolean;
}

function readMethod(input: RouteInput, index: RouteIndex): MethodRead | undefined {
  const method = input.method;
  if (!method) return undefined;
  for (const c of method.coding) {
    if (!c.code) continue;
    const system = normalizeRouteSystem(c.system);
    const code = c.code.trim();
    const m = lookup(index.methods, index.methodsBySystem, system, code);
    if (m) return { cls: m.cls, effect: m.effect, evidence: codeText(c, system), coded: true };
    // v3 route codes written in dosage.method (IVPUSH, IVFLUSH …) (contract §2.1).
    const cls = lookup(index.codes, index.codesBySystem, system, code);
    if (cls && cls !== 'unknown') {
      const effect: MethodEffect = cls === 'iv-push-method' ? 'push' : 'none';
      return { cls, effect, evidence: codeText(c, system), coded: true };
    }
  }
  for (const text of [...method.coding.map((c) => c.display), method.text]) {
    if (!text) continue;
    const effect = methodTextEffect(text);
    const cls = classifyRouteText(text, index.texts);
    if (effect || cls) {
      const read: MethodRead = { evidence: text, coded: false };
      if (effect) read.effect = effect;
      if (cls) read.cls = cls;
      return read;
    }
  }
  return undefined;
}

/** Applies the method to a class found from the route (§1.3 step 3). */
function withMethod(found: Found, m: MethodRead | undefined): { cls: RouteClass; method?: string } {
  if (!m) return { cls: found.cls };
  const canBePush = found.cls === 'iv' || found.cls === 'parenteral-unknown';
  if (m.effect === 'push' && canBePush) return { cls: 'iv-push-method', method: m.evidence };
  if (m.effect === 'push' && found.cls === 'iv-push-method')
    return { cls: found.cls, method: m.evidence };
  // An infusion method (IVPB, "Continuous infusion") confirms an IV infusion.
  if ((m.effect === 'infusion' || m.effect === 'infusion-if-iv') && found.cls === 'iv')
    return { cls: 'iv', method: m.evidence };
  return { cls: found.cls };
}

/** Method alone, when no route was given: only a method that names a route class decides. */
function methodAlone(m: MethodRead | undefined): Found | undefined {
  if (!m) return undefined;
  if (m.effect === 'push')
    return {
      cls: 'iv-push-method',
      from: m.coded ? 'method-code' : 'method-text',
      evidence: m.evidence,
    };
  if (!m.cls || m.cls === 'unknown') return undefined;
  return { cls: m.cls, from: m.coded ? 'method-code' : 'method-text', evidence: m.evidence };
}

function fromForm(input: RouteInput, index: RouteIndex): Found | undefined {
  const form = input.form;
  if (!form) return undefined;
  for (const c of form.coding) {
    if (!c.code || normalizeRouteSystem(c.system) !== SNOMED) continue;
    const cls = index.medicationForms.get(c.code.trim());
    if (cls && cls !== 'unknown')
      return { cls, from: 'medication-form', evidence: codeText(c, SNOMED) };
  }
  for (const text of [...form.coding.map((c) => c.display), form.text]) {
    if (!text) continue;
    const df = doseFormOf(text, index);
    const cls = df && df.cls !== 'unknown' ? df.cls : classifyRouteText(text, index.texts);
    if (cls) return { cls, from: 'medication-form', evidence: text };
  }
  return undefined;
}

/**
 * medication-vocabulary §1.3 step 6 drug overrides, applied only when no route code, route text
 * or method decided: BCG (J9030, "BCG, live, Tice strain 50 MG/ML Topical Suspension") is
 * intravesical. (Synthea's "4 ML bevacizumab 25 MG/ML Injection" for diabetic retinopathy is
 * not overridden: that name is also the oncology 100 mg vial; with no route it stays
 * parenteral-unknown, never IV, R20.3.)
 */
export function drugRouteOverride(names: readonly string[]): Found | undefined {
  for (const n of names)
    if (/\bBCG\b|bacillus calmette/i.test(n))
      return { cls: 'intravesical', from: 'drug-override', evidence: `BCG is intravesical (${n})` };
  return undefined;
}

function decision(found: Found, method?: string, doseForm?: string): RouteDecision {
  const d: RouteDecision = {
    class: found.cls,
    family: routeFamilyOf(found.cls),
    from: found.from,
    evidence: found.evidence,
  };
  if (method) d.method = method;
  if (doseForm) d.doseForm = doseForm;
  return d;
}

/**
 * Decides a record's route class and family (medication-vocabulary §1.3; R20.1–R20.3). Route
 * codes, then route texts, then the method; with no route, the RxNorm dose form of the drug's
 * name, the site text, then Medication.form. Never assumes IV.
 */
export function decideRouteWith(input: RouteInput, index: RouteIndex): RouteDecision {
  const method = readMethod(input, index);
  let df: { name: string; cls: RouteClass } | undefined;
  for (const n of input.drugNames) {
    df = doseFormOf(n, index);
    if (df) break;
  }
  const route = fromRoute(input, index);
  if (route && route.cls !== 'unknown' && route.cls !== 'parenteral-unknown') {
    // A route.text of "IV Push" refines a plain IV code (medadmin0301 pattern).
    if (route.cls === 'iv' && route.from === 'route-code') {
      const text = classifyRouteText(input.route?.text, index.texts);
      if (text === 'iv-push-method')
        return decision({ ...route, cls: 'iv-push-method' }, input.route?.text, df?.name);
    }
    const m = withMethod(route, method);
    return decision({ ...route, cls: m.cls }, m.method, df?.name);
  }
  const byMethod = methodAlone(method);
  if (byMethod && byMethod.cls !== 'parenteral-unknown')
    return decision(byMethod, undefined, df?.name);
  // §1.3 step 6 drug override: BCG is instilled in the bladder although its RxNorm dose form
  // reads "Topical Suspension"; no route code said otherwise.
  const override = drugRouteOverride(input.drugNames);
  if (override) return decision(override, undefined, df?.name);
  // §1.3 step 4: the dose form of the drug's RxNorm name (never more than parenteral-unknown
  // for injectables).
  if (df && df.cls !== 'unknown' && df.cls !== 'parenteral-unknown')
    return decision({ cls: df.cls, from: 'dose-form', evidence: df.name }, undefined, df.name);
  // Step 5: a site that names a venous access ("port", "PICC").
  if (siteIsVenousAccess(input.siteText))
    return decision(
      { cls: 'iv', from: 'site-text', evidence: input.siteText ?? '' },
      undefined,
      df?.name,
    );
  if (route?.cls === 'parenteral-unknown') return decision(route, undefined, df?.name);
  if (byMethod) return decision(byMethod, undefined, df?.name);
  if (df && df.cls !== 'unknown')
    return decision({ cls: df.cls, from: 'dose-form', evidence: df.name }, undefined, df.name);
  // Step 6: Medication.form.
  const form = fromForm(input, index);
  if (form) return decision(form, undefined, df?.name);
  if (route) return decision(route, undefined, df?.name);
  return decision({ cls: 'unknown', from: 'none', evidence: '' }, undefined, df?.name);
}
