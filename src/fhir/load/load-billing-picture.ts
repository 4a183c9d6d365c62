// Load one patient's billing picture in as few sequential round trips as we can:
//   round 1: the CapabilityStatement and every independent search, in parallel (with the
//            _include/_revinclude the server is known to support; optimistic on the first
//            load, when the statement is still on its way);
//   round 2: only when needed: missing referenced resources (one `_id` search per type),
//            MedicationKnowledge for the drugs seen, ClaimResponses when _revinclude is missing.
// The patient's ExplanationOfBenefits (payers' denials, issue 17 §4) are read in round 1 next to
// the Claims; a failure there (403, 5xx) is "could not be read" and the visit loads without them.
// A type the scopes or the server do not allow is recorded in `unreadable`, never as "none".
import type { CapabilityStatement, FhirResource } from 'fhir/r4';
import { FhirError, isFhirError, type FhirGateway, type SearchParams } from '../gateway.ts';
import { canSearch } from '../scopes.ts';
import { typeLabel, type BillingPicture, type UnreadableType } from './billing-picture.ts';
import { medicationKnowledgeCodes } from './ndc-codes.ts';
import { missingReferences } from './references.ts';
import { serverSupport, type ServerSupport } from './server-support.ts';

export interface LoadProgress {
  done: number;
  total: number;
}

export interface LoadOptions {
  onProgress?: (progress: LoadProgress) => void;
}

const MA_INCLUDES = [
  'MedicationAdministration:medication',
  'MedicationAdministration:request',
  'MedicationAdministration:context',
];
const ID_CHUNK = 40;

/** CapabilityStatements already seen, so later loads send exactly the supported includes. */
const knownStatements = new WeakMap<FhirGateway, CapabilityStatement>();

interface Search {
  type: string;
  params: SearchParams;
  /** Past-only data the visit does not depend on: a server error marks it failed, not the load. */
  optional?: true;
}

export async function loadBillingPicture(
  gateway: FhirGateway,
  options: LoadOptions = {},
): Promise<BillingPicture> {
  const { launch } = gateway;
  const patientId = launch.patientId;
  if (!patientId)
    throw new FhirError(
      'invalid',
      'EveryDose was opened without a patient. Open it from a patient’s chart.',
    );
  const unreadable = new Map<string, string>();
  const found = new Map<string, FhirResource>();
  const progress = { done: 0, total: 0 };
  const report = () => options.onProgress?.({ ...progress });

  const add = (resources: FhirResource[]) => {
    for (const r of resources) found.set(`${r.resourceType}/${r.id ?? found.size}`, r);
  };
  const notGranted = (type: string) => canSearch(launch.grantedScopes, type) === false;
  const failedReads = new Set<string>();
  const markUnreadable = (type: string, reason: string) => {
    if (!unreadable.has(type)) unreadable.set(type, reason);
  };
  const markFailed = (type: string, reason: string) => {
    if (unreadable.has(type)) return;
    unreadable.set(type, reason);
    failedReads.add(type);
  };

  /** Run one search; a refusal or an unknown type becomes `unreadable`, other errors throw. */
  const run = async ({ type, params, optional }: Search): Promise<FhirResource[]> => {
    progress.total += 1;
    report();
    try {
      try {
        return await gateway.search(type, params);
      } catch (e) {
        // A server that rejects an _include we sent before knowing its statement: ask plainly.
        if (!isFhirError(e) || e.status !== 400 || !hasIncludes(params)) throw e;
        return await gateway.search(type, withoutIncludes(params));
      }
    } catch (e) {
      if (isFhirError(e) && e.kind === 'forbidden') {
        markFailed(type, `The EHR did not allow EveryDose to read ${typeLabel(type)}.`);
        return [];
      }
      // A 400 is a failed read, never "does not offer" (issue 14 part 7).
      if (isFhirError(e) && e.kind === 'invalid' && e.status) {
        markFailed(
          type,
          `The EHR turned down the request for ${typeLabel(type)} (error ${e.status}), so they could not be read.`,
        );
        return [];
      }
      if (isFhirError(e) && e.kind === 'not-found') {
        markUnreadable(type, `The EHR does not offer ${typeLabel(type)}.`);
        return [];
      }
      if (optional && isFhirError(e) && e.kind !== 'unauthorized') {
        markFailed(
          type,
          `The EHR could not send ${typeLabel(type)}${e.status ? ` (error ${e.status})` : ''}, so they could not be read.`,
        );
        return [];
      }
      throw e;
    } finally {
      progress.done += 1;
      report();
    }
  };

  const known = knownStatements.get(gateway);
  const statementPromise: Promise<CapabilityStatement | undefined> = gateway
    .capabilities()
    .then((cs) => {
      knownStatements.set(gateway, cs);
      return cs;
    })
    .catch((e: unknown) => {
      if (isFhirError(e) && e.kind === 'unauthorized') throw e;
      return undefined; // no statement: assume every type, follow references ourselves
    });
  // Before the statement is known, ask for includes optimistically: a server that ignores
  // them leaves references missing, which round 2 fetches.
  const optimistic: ServerSupport = {
    offers: () => true,
    include: () => true,
    revinclude: () => true,
  };
  const first = known ? serverSupport(known) : optimistic;
  const includes = (type: string, values: string[]) => values.filter((v) => first.include(type, v));

  const p = patientId;
  const plan: Search[] = [
    {
      type: 'MedicationAdministration',
      params: {
        patient: p,
        _count: '100',
        _include: includes('MedicationAdministration', MA_INCLUDES),
      },
    },
    {
      type: 'Encounter',
      params: { patient: p, _include: includes('Encounter', ['Encounter:location']) },
    },
    { type: 'Coverage', params: { beneficiary: `Patient/${p}` } },
    { type: 'CoverageEligibilityResponse', params: { patient: p } },
    {
      type: 'Claim',
      params: {
        patient: p,
        use: 'claim,preauthorization',
        _revinclude: first.revinclude('Claim', 'ClaimResponse:request')
          ? ['ClaimResponse:request']
          : [],
      },
    },
    // Payers' answers as ExplanationOfBenefit (Epic, Oracle Health, CARIN BB payers): in parallel
    // with the rest, paged like every search (issue 17 §4).
    {
      type: 'ExplanationOfBenefit',
      params: { patient: p, _count: '100' },
      optional: true,
    },
    {
      type: 'ResearchSubject',
      params: {
        individual: `Patient/${p}`,
        _include: includes('ResearchSubject', ['ResearchSubject:study']),
      },
    },
  ];
  const allowed = (s: Search) => {
    if (notGranted(s.type)) {
      markUnreadable(s.type, `EveryDose was not granted access to ${typeLabel(s.type)}.`);
      return false;
    }
    if (known && !serverSupport(known).offers(s.type)) {
      markUnreadable(s.type, `The EHR does not offer ${typeLabel(s.type)}.`);
      return false;
    }
    return true;
  };
  const [statement, ...round1] = await Promise.all([
    statementPromise,
    ...plan.filter(allowed).map(async (s) => ({ type: s.type, found: await run(s) })),
  ]);
  const support = serverSupport(statement);
  for (const r of round1) {
    // A type the statement does not list was not really read, whatever the search answered.
    if (!support.offers(r.type))
      markUnreadable(r.type, `The EHR does not offer ${typeLabel(r.type)}.`);
    else add(r.found);
  }

  if (notGranted('ClaimResponse'))
    markUnreadable(
      'ClaimResponse',
      `EveryDose was not granted access to ${typeLabel('ClaimResponse')}.`,
    );
  await resolveRound(gateway, { found, add, run, allowed, support, markUnreadable, notGranted });
  return {
    resources: [...found.values()],
    unreadable: [...unreadable].map(([resourceType, reason]): UnreadableType => ({
      resourceType,
      reason,
      ...(failedReads.has(resourceType) ? { failed: true as const } : {}),
    })),
  };
}

function hasIncludes(params: SearchParams): boolean {
  return ['_include', '_revinclude'].some((k) => (params[k]?.length ?? 0) > 0);
}

function withoutIncludes(params: SearchParams): SearchParams {
  return Object.fromEntries(
    Object.entries(params).filter(([k]) => k !== '_include' && k !== '_revinclude'),
  );
}

interface RoundContext {
  found: Map<string, FhirResource>;
  add: (resources: FhirResource[]) => void;
  run: (s: Search) => Promise<FhirResource[]>;
  allowed: (s: Search) => boolean;
  support: ServerSupport;
  markUnreadable: (type: string, reason: string) => void;
  notGranted: (type: string) => boolean;
}

/** Round 2 (and a short follow-up only when round 2 itself revealed new references). */
async function resolveRound(gateway: FhirGateway, ctx: RoundContext): Promise<void> {
  const patientId = gateway.launch.patientId ?? '';
  const askedCodes = new Set<string>();
  let claimResponses = needsClaimResponses(ctx);
  for (let round = 0; round < 3; round += 1) {
    const resources = [...ctx.found.values()];
    const searches: Search[] = [];
    for (const [type, ids] of missingReferences(resources, gateway.launch.serverUrl)) {
      if (ctx.notGranted(type) || !ctx.support.offers(type)) {
        ctx.markUnreadable(type, `EveryDose could not read the ${typeLabel(type)} referenced.`);
        continue;
      }
      for (let i = 0; i < ids.length; i += ID_CHUNK)
        searches.push({ type, params: { _id: ids.slice(i, i + ID_CHUNK).join(',') } });
    }
    if (claimResponses) {
      searches.push({ type: 'ClaimResponse', params: { patient: patientId } });
      claimResponses = false;
    }
    const codes = medicationKnowledgeCodes(resources).filter((c) => !askedCodes.has(c));
    if (codes.length > 0 && !ctx.notGranted('MedicationKnowledge')) {
      if (ctx.support.offers('MedicationKnowledge')) {
        for (const c of codes) askedCodes.add(c);
        for (let i = 0; i < codes.length; i += ID_CHUNK)
          searches.push({
            type: 'MedicationKnowledge',
            params: { code: codes.slice(i, i + ID_CHUNK).join(',') },
          });
      }
    }
    const runnable = searches.filter((s) => ctx.allowed(s));
    if (runnable.length === 0) return;
    const results = await Promise.all(runnable.map((s) => ctx.run(s)));
    for (const r of results) ctx.add(r);
  }
}

/** Without _revinclude support the ClaimResponses need their own search. */
function needsClaimResponses(ctx: RoundContext): boolean {
  if (ctx.notGranted('Claim') && ctx.notGranted('ClaimResponse')) return false;
  return !ctx.support.revinclude('Claim', 'ClaimResponse:request');
}
