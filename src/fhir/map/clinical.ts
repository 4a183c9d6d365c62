// Encounter (setting from the Location's place of service), ResearchSubject, ResearchStudy.
import type {
  EncounterInfo,
  ResearchStudyInfo,
  ResearchSubjectInfo,
  Setting,
} from '../../engine/index.ts';
import { EXT, SYSTEMS, WORKFLOW_RESEARCH_STUDY } from '../extensions.ts';
import type { IndexedResource } from '../references.ts';
import type { EncounterR, ResearchStudyR, ResearchSubjectR } from '../schemas/clinical.ts';
import { drugIdentity } from './codes.ts';
import { readAs, type MapContext } from './context.ts';
import { flag, referenceValue } from './extensions.ts';
import { dateOf, endDateOf, parseTimestamp } from './time.ts';

const POS_SETTING: Record<string, Setting> = {
  '11': 'professional',
  '19': 'facility',
  '22': 'facility',
};

export function mapEncounter(
  ctx: MapContext,
  enc: EncounterR,
  self: IndexedResource,
): EncounterInfo {
  const info: EncounterInfo = {
    ref: self.key,
    patient: ctx.patient,
    sponsorPaidVisit: flag(enc.extension, EXT.sponsorPaidVisit),
  };
  // injection-pump-rules R21.7: only a true flag says supervision was not met.
  if (flag(enc.extension, EXT.supervisionNotMet)) info.supervisionNotMet = true;
  for (const l of enc.location ?? []) {
    const target = ctx.index.resolve(l.location.reference, self);
    const loc = readAs(ctx, 'Location', target, { encounter: self.key });
    for (const t of loc?.type ?? []) {
      for (const c of t.coding ?? []) {
        const setting = c.system === SYSTEMS.pos && c.code ? POS_SETTING[c.code] : undefined;
        if (setting && !info.settingFromLocation) info.settingFromLocation = setting;
      }
    }
  }
  const start = parseTimestamp(enc.period?.start);
  const end = parseTimestamp(enc.period?.end);
  if (start || end) {
    info.period = {};
    if (start) info.period.start = { ms: start.ms, offsetMin: start.offsetMin, iso: start.iso };
    if (end) info.period.end = { ms: end.ms, offsetMin: end.offsetMin, iso: end.iso };
  }
  const study = referenceValue(enc.extension, WORKFLOW_RESEARCH_STUDY);
  if (study) info.researchStudy = ctx.index.canonical(study);
  return info;
}

export function mapResearchSubject(
  ctx: MapContext,
  rs: ResearchSubjectR,
  self: IndexedResource,
): ResearchSubjectInfo {
  const info: ResearchSubjectInfo = {
    ref: self.key,
    individual: ctx.patient,
    status: rs.status,
    study: rs.study.reference ? ctx.index.canonical(rs.study.reference) : '',
  };
  const ps = dateOf(rs.period?.start);
  const pe = endDateOf(rs.period?.end);
  if (ps) info.periodStart = ps;
  if (pe) info.periodEnd = pe;
  return info;
}

const NCT_SYSTEM_RE = /^https?:\/\/(www\.)?clinicaltrials\.gov\/?$|ClinicalTrials-Gov$/i;

/** 8 digits of an NCT number (`NCT01234567`, `01234567`, any case). */
export function nctDigitsOf(value: string | undefined): string | undefined {
  const m = /^\s*(?:NCT)?(\d{8})\s*$/i.exec(value ?? '');
  return m?.[1];
}

export function mapResearchStudy(rs: ResearchStudyR, key: string): ResearchStudyInfo {
  const info: ResearchStudyInfo = { ref: key, focus: drugIdentity(rs.focus ?? []) };
  for (const id of rs.identifier ?? []) {
    const digits = id.system && NCT_SYSTEM_RE.test(id.system) ? nctDigitsOf(id.value) : undefined;
    if (digits) {
      info.nctDigits = digits;
      break;
    }
  }
  if (rs.title) info.title = rs.title;
  const sponsor = rs.sponsor?.display ?? rs.sponsor?.reference;
  if (sponsor) info.sponsor = sponsor;
  return info;
}
