// Load a clinic day (the coder's queue, the charge nurse's board) in two sequential rounds,
// never one request per visit:
//   round 1: the day's Encounters (by date and location, or by id from a work-queue List) with
//            their patients and locations, and the day's MedicationAdministrations with their
//            medications and orders, in parallel;
//   round 2: for every patient seen, in chunks of 40 ids, their Coverage, eligibility answers,
//            Claims (with ClaimResponses and sign-off Provenance where the server includes them),
//            payers' ExplanationOfBenefits where granted, and trial enrollments, in parallel.
// A type the scopes or the server do not allow is recorded as unreadable, never as "none".
import type { FhirResource } from 'fhir/r4';
import { isFhirError, type FhirGateway, type SearchParams } from '../gateway.ts';
import { canSearch } from '../scopes.ts';
import { typeLabel, type BillingPicture, type UnreadableType } from './billing-picture.ts';
import { serverSupport } from './server-support.ts';

export interface ClinicDayQuery {
  /** The day, YYYY-MM-DD (local date of the clinic); the first day of a range with `until`. */
  date: string;
  /** Last day of a range (inclusive), for the practice dashboard. */
  until?: string;
  /** 'Location/<id>' to restrict to one infusion center. */
  location?: string;
  /** Encounter ids from a work-queue List (SMART fhirContext); then date and location are not searched. */
  encounterIds?: readonly string[];
}

export interface ClinicDayPicture extends BillingPicture {
  /** 'Encounter/<id>' of the visits of the day, in the order the server gave them. */
  encounters: string[];
  /** Requests sent and sequential rounds, for the performance figures. */
  requests: number;
  rounds: number;
}

export interface ClinicDayProgress {
  done: number;
  total: number;
  /** Visits whose every request has been answered, once the day's visits are known (round 1). */
  visits?: { loaded: number; total: number };
}

const ID_CHUNK = 40;

export function nextDay(date: string): string {
  const ms = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return new Date(ms + 86_400_000).toISOString().slice(0, 10);
}

function chunks(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) out.push(ids.slice(i, i + ID_CHUNK).join(','));
  return out;
}

function idOf(reference: string | undefined, type: string): string | undefined {
  if (!reference) return undefined;
  const m = new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(reference);
  return m?.[1];
}

export async function loadClinicDay(
  gateway: FhirGateway,
  query: ClinicDayQuery,
  onProgress?: (p: ClinicDayProgress) => void,
): Promise<ClinicDayPicture> {
  const found = new Map<string, FhirResource>();
  const unreadable = new Map<string, string>();
  const progress: ClinicDayProgress = { done: 0, total: 0 };
  let requests = 0;
  const report = () =>
    onProgress?.({
      ...progress,
      ...(progress.visits ? { visits: { ...progress.visits } } : {}),
    });
  // Visit progress: a visit is loaded when every round-2 request covering it has answered.
  const waitingOn = new Map<string, number>();
  const covering = (promise: Promise<FhirResource[]>, visits: readonly string[]) => {
    for (const v of visits) waitingOn.set(v, (waitingOn.get(v) ?? 0) + 1);
    return promise.finally(() => {
      for (const v of visits) {
        const left = (waitingOn.get(v) ?? 1) - 1;
        waitingOn.set(v, left);
        if (left === 0 && progress.visits) progress.visits.loaded++;
      }
      report();
    });
  };
  const add = (rs: FhirResource[]) => {
    for (const r of rs) found.set(`${r.resourceType}/${r.id ?? found.size}`, r);
  };
  const granted = (type: string) => canSearch(gateway.launch.grantedScopes, type) !== false;
  const statement = await gateway.capabilities().catch((e: unknown) => {
    if (isFhirError(e) && e.kind === 'unauthorized') throw e;
    return undefined;
  });
  const support = serverSupport(statement);
  const includes = (type: string, values: string[]) =>
    values.filter((v) => support.include(type, v));

  const run = async (type: string, params: SearchParams): Promise<FhirResource[]> => {
    if (!granted(type)) {
      unreadable.set(type, `EveryDose was not granted access to ${typeLabel(type)}.`);
      return [];
    }
    if (!support.offers(type)) {
      unreadable.set(type, `The EHR does not offer ${typeLabel(type)}.`);
      return [];
    }
    progress.total++;
    report();
    requests++;
    try {
      return await gateway.search(type, params);
    } catch (e) {
      if (isFhirError(e) && (e.kind === 'forbidden' || e.kind === 'not-found')) {
        unreadable.set(type, `The EHR did not let EveryDose read ${typeLabel(type)}.`);
        return [];
      }
      throw e;
    } finally {
      progress.done++;
      report();
    }
  };

  // Round 1.
  const encIncludes = includes('Encounter', ['Encounter:patient', 'Encounter:location']);
  const encounterSearches: Promise<FhirResource[]>[] = query.encounterIds
    ? chunks(query.encounterIds).map((ids) => run('Encounter', { _id: ids, _include: encIncludes }))
    : [
        run('Encounter', {
          date: [`ge${query.date}`, `lt${nextDay(query.until ?? query.date)}`],
          ...(query.location ? { location: query.location } : {}),
          _count: '200',
          _include: encIncludes,
        }),
      ];
  const maSearch = query.encounterIds
    ? Promise.resolve<FhirResource[]>([])
    : run('MedicationAdministration', {
        'effective-time': [`ge${query.date}`, `lt${nextDay(query.until ?? query.date)}`],
        _count: '500',
        _include: includes('MedicationAdministration', [
          'MedicationAdministration:medication',
          'MedicationAdministration:request',
        ]),
      });
  const [encounterResults, mas] = await Promise.all([Promise.all(encounterSearches), maSearch]);
  const encounters: string[] = [];
  for (const rs of encounterResults) {
    add(rs);
    for (const r of rs)
      if (r.resourceType === 'Encounter' && r.id) encounters.push(`Encounter/${r.id}`);
  }
  add(mas);

  // Round 2: everything else per patient, and the administrations of work-queue visits.
  const patients = new Set<string>();
  for (const r of found.values()) {
    const ref =
      r.resourceType === 'Encounter'
        ? r.subject?.reference
        : r.resourceType === 'MedicationAdministration'
          ? r.subject.reference
          : undefined;
    const id = idOf(ref, 'Patient');
    if (id) patients.add(id);
  }
  const visitsOf = new Map<string, string[]>();
  for (const e of encounters) {
    const enc = found.get(e);
    const pid =
      enc?.resourceType === 'Encounter' ? idOf(enc.subject?.reference, 'Patient') : undefined;
    if (pid) visitsOf.set(pid, [...(visitsOf.get(pid) ?? []), e]);
  }
  progress.visits = { loaded: 0, total: encounters.length };
  const patientChunks = chunks([...patients]);
  const round2: Promise<FhirResource[]>[] = [];
  for (const ids of patientChunks) {
    const refs = ids
      .split(',')
      .map((id) => `Patient/${id}`)
      .join(',');
    const covered = ids.split(',').flatMap((id) => visitsOf.get(id) ?? []);
    const push = (p: Promise<FhirResource[]>) => round2.push(covering(p, covered));
    push(run('Coverage', { beneficiary: refs }));
    push(run('CoverageEligibilityResponse', { patient: ids }));
    push(
      run('Claim', {
        patient: ids,
        _revinclude: [
          ...(support.revinclude('Claim', 'ClaimResponse:request')
            ? ['ClaimResponse:request']
            : []),
          ...(support.revinclude('Claim', 'Provenance:target') ? ['Provenance:target'] : []),
        ],
      }),
    );
    push(
      run('ResearchSubject', {
        individual: refs,
        _include: includes('ResearchSubject', ['ResearchSubject:study']),
      }),
    );
    if (!support.revinclude('Claim', 'ClaimResponse:request'))
      push(run('ClaimResponse', { patient: ids }));
    // Payers' answers as ExplanationOfBenefit (Epic, Oracle Health, CARIN BB payers): the
    // worklist's "denied before" and the dashboard's denial causes read them like ClaimResponses
    // (issue 17 §4). Only where the launch was granted them: the board never asks.
    if (granted('ExplanationOfBenefit')) push(run('ExplanationOfBenefit', { patient: ids }));
    // Names for the worklist when the server does not include the patients with the Encounters.
    if (!encIncludes.includes('Encounter:patient')) push(run('Patient', { _id: ids }));
  }
  if (query.encounterIds)
    for (const ids of chunks(query.encounterIds))
      round2.push(
        covering(
          run('MedicationAdministration', {
            // Typed references: a server may not match bare ids on a reference parameter.
            context: ids
              .split(',')
              .map((id) => `Encounter/${id}`)
              .join(','),
            _include: includes('MedicationAdministration', [
              'MedicationAdministration:medication',
              'MedicationAdministration:request',
            ]),
          }),
          ids.split(',').map((id) => `Encounter/${id}`),
        ),
      );
  // A visit no round-2 request covers (no patient, or nothing left to ask) is loaded already.
  for (const e of encounters) if (!waitingOn.has(e)) progress.visits.loaded++;
  report();
  for (const rs of await Promise.all(round2)) add(rs);

  return {
    resources: [...found.values()],
    unreadable: [...unreadable].map(([resourceType, reason]): UnreadableType => ({
      resourceType,
      reason,
    })),
    encounters,
    requests,
    rounds: round2.length > 0 ? 2 : 1,
  };
}
