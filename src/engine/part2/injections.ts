// SC/IM injections of one encounter (injection-pump-rules §2–§3, R20.6, R21, R22, R26.1). They
// take no part in the IV algorithm (R21.5: the route gate keeps them out); each is coded by the
// product's category: 96372 therapeutic, 96401 chemotherapy/complex biologic, 96402 hormonal
// antineoplastic (R21.1), with the R22.3 defaults and per-payer `drugCategoryOverrides` (R22.1).
// An SC dose applied with an on-body injector is 96377 ×1 instead (R20.7). An office encounter
// flagged as not under direct supervision has no injection line for Medicare (R21.7).
import { resolveCategory } from '../category.ts';
import { line } from '../infusion/lines.ts';
import { checkMue } from '../infusion/mue.ts';
import { unknownCategoryWarning, warn } from '../infusion/warnings.ts';
import type { EncounterScope, StageResult } from '../stage.ts';
import { localDate } from '../time.ts';
import type { Administration, DerivedLine, Warning } from '../types.ts';
import { PART2_WARNINGS, warn2 } from './warnings.ts';
import { CPT } from '../admin-codes.ts';

export type InjectionCode =
  | typeof CPT.THER_INJECTION_SC_IM
  | typeof CPT.ON_BODY_INJECTOR
  | typeof CPT.CHEMO_INJECTION
  | typeof CPT.CHEMO_INJECTION_HORMONAL;

/**
 * R22.3 defaults by product (HCPCS) where the category alone does not say: denosumab and the
 * somatostatin analogues are 96372 [Disputed]; the hormonal antineoplastics are 96402.
 */
export const DEFAULT_INJECTION_CODES: Readonly<Record<string, InjectionCode>> = {
  J0897: CPT.THER_INJECTION_SC_IM, // denosumab (Prolia, Xgeva)
  J2353: CPT.THER_INJECTION_SC_IM, // octreotide depot
  J2354: CPT.THER_INJECTION_SC_IM, // octreotide
  J1930: CPT.THER_INJECTION_SC_IM, // lanreotide
  J2506: CPT.THER_INJECTION_SC_IM, // pegfilgrastim
  J9217: CPT.CHEMO_INJECTION_HORMONAL, // leuprolide 7.5 mg depot
  J9202: CPT.CHEMO_INJECTION_HORMONAL, // goserelin implant
  J9395: CPT.CHEMO_INJECTION_HORMONAL, // fulvestrant
  J9155: CPT.CHEMO_INJECTION_HORMONAL, // degarelix
  J3315: CPT.CHEMO_INJECTION_HORMONAL, // triptorelin
};

const BILLABLE = new Set(['completed', 'stopped']);
const ROUTE_OUT_OF_SCOPE_SEVERITY = 'warning';

interface Given {
  a: Administration;
  code: InjectionCode;
  key: string;
  ms: number;
  name: string;
}

export function codeInjections(scope: EncounterScope): StageResult {
  const { rules } = scope.context.config;
  const ref = scope.context.reference;
  const warnings: Warning[] = [];
  const given: Given[] = [];
  for (const a of scope.administrations) {
    const family = a.route.family;
    if ((family !== 'sc' && family !== 'im') || a.serviceMethod) continue;
    if (!BILLABLE.has(a.status) || !a.start || a.sponsorPaid) continue;
    const date = localDate(a.start);
    const r = resolveCategory(
      a,
      ref,
      date,
      {
        electrolyteReplacement: rules.electrolyteReplacement,
      },
      scope.context.memo.category,
    );
    if (r.category === 'hydration') {
      // R20.6: SC hydration (hypodermoclysis, 96369–96371) is out of scope.
      warnings.push({
        code: 'ROUTE_OUT_OF_SCOPE',
        severity: ROUTE_OUT_OF_SCOPE_SEVERITY,
        message: `${a.ref}: subcutaneous hydration (hypodermoclysis, 96369–96371) is not coded by this engine; coder review.`,
        sources: [a.ref],
      });
      continue;
    }
    if (r.category === 'flush') {
      warnings.push(warn('FLUSH_KVO_NOT_BILLABLE', [a.ref]));
      continue;
    }
    if (a.status === 'stopped') warnings.push(warn('STOPPED_EARLY_REVIEW', [a.ref]));
    if (r.unknown) warnings.push(unknownCategoryWarning(a.ref, r));
    const hcpcs = r.hcpcs?.toUpperCase();
    // R20.7: an on-body injector on an SC route is 96377 whatever the drug's category; on an
    // IM route the route decides (R20.1) and the category codes it.
    const onBody = a.onBodyInjector === true && family === 'sc';
    const code: InjectionCode = onBody
      ? CPT.ON_BODY_INJECTOR
      : ((hcpcs
          ? (rules.drugCategoryOverrides[hcpcs] ?? DEFAULT_INJECTION_CODES[hcpcs])
          : undefined) ??
        (r.category === 'chemo' ? CPT.CHEMO_INJECTION : CPT.THER_INJECTION_SC_IM));
    const key = `${onBody ? 'obi' : family}|${r.family ?? hcpcs ?? a.drug.display ?? a.ref}`;
    given.push({ a, code, key, ms: a.start.ms, name: r.displayName ?? a.drug.display ?? 'drug' });
  }
  given.sort((x, y) => x.ms - y.ms || x.a.ref.localeCompare(y.a.ref));
  if (given.length > 0 && supervisionNotMet(scope)) {
    warnings.push(
      warn2(
        'INJECTION_SUPERVISION_NOT_MET',
        given.map((g) => g.a.ref),
        `${PART2_WARNINGS.INJECTION_SUPERVISION_NOT_MET.message} ${given.map((g) => `${g.a.ref} (${g.name}, ${g.code})`).join(', ')}: no injection line; the encounter is marked as not under direct supervision (injection-pump-rules R21.7).`,
      ),
    );
    return { lines: [], warnings };
  }
  const lines: DerivedLine[] = [];
  const windowMs = rules.splitDoseWindowMinutes * 60_000;
  const lastOfKey = new Map<string, Given>();
  for (const g of given) {
    const date = localDate(g.a.start as NonNullable<Administration['start']>);
    const prev = lastOfKey.get(g.key);
    lastOfKey.set(g.key, g);
    const split =
      prev !== undefined &&
      (g.ms - prev.ms <= windowMs || (g.a.request !== undefined && g.a.request === prev.a.request));
    if (split && rules.splitDoseUnits === 'one') {
      // R21.3: one dose split into syringes: one unit, the syringes named.
      const first = lines.find((l) => l.sources.includes(prev.a.ref));
      if (first) first.sources = [...first.sources, g.a.ref];
      warnings.push(warn2('INJECTION_SPLIT_DOSE_ONE_UNIT', [prev.a.ref, g.a.ref]));
      lastOfKey.set(g.key, prev);
      continue;
    }
    // R21.3 per_injection: 59 on the later syringe; R21.4 a repeat later: repeatInjectionModifier.
    const modifiers = split
      ? ['59']
      : prev !== undefined && rules.repeatInjectionModifier !== 'none'
        ? [rules.repeatInjectionModifier]
        : [];
    lines.push(
      line(
        {
          code: g.code,
          units: 1,
          modifiers,
          sources: [g.a.ref],
          rules: [
            ...(g.code === CPT.ON_BODY_INJECTOR ? ['R20.7'] : ['R21.1', 'R21.2', 'R22.3']),
            ...(prev ? ['R21.3', 'R21.4'] : []),
          ],
          reason:
            g.code === CPT.ON_BODY_INJECTOR
              ? `${g.name} applied with an on-body injector${g.a.site ? ` (${g.a.site})` : ''}: 96377 ×1 instead of 96372 (R20.7), never the initial IV service.`
              : `${g.name} given by ${g.a.route.family === 'sc' ? 'subcutaneous' : 'intramuscular'} injection${g.a.site ? ` (${g.a.site})` : ''}: ${g.code}, one unit per injection, never the initial IV service.`,
        },
        date,
      ),
    );
  }
  warnings.push(...checkMue(lines, ref, scope.setting, scope.dateOfService));
  return { lines, warnings };
}

/**
 * R21.7: Medicare covers an office injection only under direct supervision (incident-to). The
 * engine assumes it was met unless the encounter's `supervision-not-met` flag is true; only the
 * professional setting and the `medicare` profile (a hospital outpatient claim is not incident-to).
 */
export function supervisionNotMet(scope: EncounterScope): boolean {
  if (scope.setting !== 'professional' || scope.context.config.payerProfile !== 'medicare')
    return false;
  if (scope.encounter === null) return false;
  const enc = scope.patient.encounters.find((e) => e.ref === scope.encounter);
  return enc?.supervisionNotMet === true;
}
