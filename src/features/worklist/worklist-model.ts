// The coder's worklist as rows: the engine's visit summaries (already in worklist order: unsigned
// before signed, most money at risk first) with the words of each visit. Pure.
import type { VisitStatus, VisitSummary } from '../../engine/index.ts';
import type { VisitLabel } from '../../fhir/load/visit-labels.ts';

export interface WorklistRow {
  /** 'Encounter/<id>' */
  encounter: string;
  encounterId: string;
  /** Undefined when the visit names no patient: it is listed, but cannot be opened. */
  patientId: string | undefined;
  patientName: string;
  mrn: string | undefined;
  date: string;
  place: string;
  drugs: string[];
  status: VisitStatus;
  statusText: string;
  lines: number;
  errors: number;
  warnings: number;
  /** USD */
  atRisk: number;
  total: number;
  /** What the nurse still has to document, in words. */
  nurseNeeds: string[];
}

export const STATUS_TEXT: Record<VisitStatus, string> = {
  'needs-nurse': 'Needs nurse documentation',
  'ready-to-review': 'Ready to review',
  signed: 'Signed',
};

const NURSE_NEED_TEXT: Record<string, string> = {
  MISSING_STOP_TIME: 'a stop time',
  HYDRATION_NO_STOP_TIME: 'a hydration stop time',
  NOT_COMPLETED_EXCLUDED: 'an administration not marked completed',
  WASTE_NOT_DOCUMENTED: 'the discarded drug (waste)',
  VIALS_NOT_DOCUMENTED: 'the vials used',
  ROUTE_UNKNOWN: 'the route',
};

export function worklistRows(
  visits: readonly VisitSummary[],
  labels: ReadonlyMap<string, VisitLabel>,
): WorklistRow[] {
  return visits.flatMap((v) => {
    if (v.encounter === null) return [];
    const label = labels.get(v.encounter);
    return [
      {
        encounter: v.encounter,
        encounterId: label?.encounterId ?? v.encounter.replace(/^Encounter\//, ''),
        patientId: label?.patientId,
        patientName: label?.patientName ?? 'Patient details not loaded',
        mrn: label?.mrn,
        date: v.dateOfService,
        place: label?.place ?? 'Place not recorded',
        drugs: label?.drugs ?? [],
        status: v.status,
        statusText: STATUS_TEXT[v.status],
        lines: v.lines,
        errors: v.warnings.error,
        warnings: v.warnings.warning,
        atRisk: v.atRisk,
        total: v.total,
        nurseNeeds: v.nurseNeeds.map((c) => NURSE_NEED_TEXT[c] ?? c),
      },
    ];
  });
}

/** The visit after `current` in the order the list had when it was opened; undefined at the end. */
export function nextVisit(order: readonly string[], current: string): string | undefined {
  const i = order.indexOf(current);
  return i < 0 ? undefined : order[i + 1];
}

/** 'Visit 3 of 12' */
export function positionText(order: readonly string[], current: string): string {
  const i = order.indexOf(current);
  return i < 0 ? '' : `Visit ${i + 1} of ${order.length}`;
}

/** 'Loaded 12 of 50 visits' once the visits are known; requests answered before that. */
export function progressText(
  p: { done: number; total: number; visits?: { loaded: number; total: number } } | undefined,
): string | undefined {
  if (!p) return undefined;
  if (p.visits) return `Loaded ${p.visits.loaded} of ${p.visits.total} visits`;
  return p.total > 0 ? 'Finding the visits…' : undefined;
}

/** Count in words: '1 error', '2 warnings', 'no warnings'. */
export function countText(n: number, one: string, many: string): string {
  return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
}
