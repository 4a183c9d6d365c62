// Route tables for the built-in data: every code, text and dose form of the shared route
// vocabulary (domain/vocabulary/routes.json and dose-forms.json, medication-vocabulary §1–2),
// kept to the fields the route decision reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { MethodEffect, RouteClass, RouteTables } from '../route-types.ts';
import { normalizeRouteText } from '../route-text.ts';

const routeClass = z.enum([
  'iv',
  'iv-push-method',
  'sc',
  'im',
  'intra-arterial',
  'intrathecal',
  'intravesical',
  'intraperitoneal',
  'intravitreal',
  'oral',
  'topical',
  'transdermal',
  'inhalation',
  'rectal',
  'other-non-parenteral',
  'other-parenteral',
  'parenteral-unknown',
  'unknown',
]) satisfies z.ZodType<RouteClass>;

const methodEffect = z.enum([
  'push',
  'infusion',
  'injection',
  'non-parenteral',
  'infusion-if-iv',
  'none',
]) satisfies z.ZodType<MethodEffect>;

const routesSchema = z.object({
  entries: z.array(
    z.object({
      system: z.string(),
      code: z.string().nullable(),
      display: z.string(),
      kind: z.enum(['route', 'method', 'vendor-route', 'text']),
      route_class: routeClass,
      method_effect: methodEffect.optional(),
    }),
  ),
});

const doseFormsSchema = z.object({
  dose_forms: z.array(
    z.object({
      dose_form: z.string(),
      route_class_if_no_route: routeClass,
      definitely_non_parenteral: z.boolean(),
    }),
  ),
  snomed_medication_form_codes: z.array(
    z.object({ system: z.string(), code: z.string(), route_class_if_no_route: routeClass }),
  ),
});

export const ROUTE_FILES = {
  routes: 'domain/vocabulary/routes.json',
  doseForms: 'domain/vocabulary/dose-forms.json',
};

export function routeTables(shared: string): RouteTables {
  const routes = routesSchema.parse(
    JSON.parse(readFileSync(join(shared, ROUTE_FILES.routes), 'utf8')),
  );
  const forms = doseFormsSchema.parse(
    JSON.parse(readFileSync(join(shared, ROUTE_FILES.doseForms), 'utf8')),
  );
  const t: RouteTables = {
    routeCodes: [],
    methodCodes: [],
    texts: [],
    doseForms: [],
    medicationForms: [],
  };
  const texts = new Map<string, RouteClass>();
  for (const e of routes.entries) {
    if (e.kind === 'route' && e.code) t.routeCodes.push([e.system, e.code, e.route_class]);
    else if (e.kind === 'method' && e.code)
      t.methodCodes.push([e.system, e.code, e.route_class, e.method_effect ?? 'none']);
    // Vendor codes differ from site to site: they are read by their text (§1.3 step 2).
    else if (e.kind === 'text' || e.kind === 'vendor-route') {
      const key = normalizeRouteText(e.display);
      if (key && !texts.has(key)) texts.set(key, e.route_class);
    }
  }
  t.texts = [...texts];
  for (const f of forms.dose_forms)
    t.doseForms.push([f.dose_form, f.route_class_if_no_route, f.definitely_non_parenteral]);
  for (const f of forms.snomed_medication_form_codes)
    t.medicationForms.push([f.code, f.route_class_if_no_route]);
  return t;
}
