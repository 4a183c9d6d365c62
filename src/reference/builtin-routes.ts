// The route decision over the built-in route tables (src/reference/data/routes.json, made by
// `npm run reference:build` from the shared route vocabulary).
import routeData from './data/routes.json';
import { decideRouteWith, indexRouteTables, type RouteIndex } from './route.ts';
import type { RouteDecision, RouteInput, RouteTables } from './route-types.ts';

let index: RouteIndex | undefined;

/** The route tables as committed (plain JSON, checked at build time). */
export function builtinRouteTables(): RouteTables {
  return routeData as unknown as RouteTables;
}

/** Decides a record's route class and family (medication-vocabulary §1.3; R20.1–R20.3). */
export function decideRoute(input: RouteInput): RouteDecision {
  index ??= indexRouteTables(builtinRouteTables());
  return decideRouteWith(input, index);
}
