// Input issues that analyzePatient could not attach to an encounter of its own (an encounter
// whose only administration was invalid, or a patient-level resource such as a Coverage that
// could not be read) still reach the report: patient-level issues go to every encounter of the
// patient, the others to an entry of their own with no lines. The app and the audit command
// call this after analyzePatient so both show the same warnings.
import { mergeWarnings } from '../../engine/index.ts';
import type { EncounterResult, InputIssue, PatientInput, Setting } from '../../engine/index.ts';
import { localIsoDate } from './administration.ts';

const placedBy = (r: EncounterResult, i: InputIssue): boolean =>
  i.encounter !== undefined &&
  r.encounter === i.encounter &&
  (r.encounter !== null || r.dateOfService === i.date);

const asWarning = ({ code, severity, message, sources }: InputIssue) => ({
  code,
  severity,
  message,
  sources: [...sources],
});

export function placeUnplacedIssues(
  patient: PatientInput,
  results: EncounterResult[],
  settingFor: (encounter: string | null) => Setting,
): EncounterResult[] {
  const out = results.map((r) => ({ ...r, warnings: [...r.warnings] }));
  const fresh = new Map<string, EncounterResult>();
  const patientLevel: InputIssue[] = [];
  for (const issue of patient.issues) {
    if (results.some((r) => placedBy(r, issue))) continue;
    if (issue.encounter === undefined && issue.date === undefined) {
      patientLevel.push(issue);
      continue;
    }
    const encounter = issue.encounter ?? null;
    const enc = encounter ? patient.encounters.find((e) => e.ref === encounter) : undefined;
    const date = issue.date ?? (enc?.period?.start ? localIsoDate(enc.period.start) : 'unknown');
    const key = `${encounter ?? ''}|${encounter ? '' : date}`;
    let r = fresh.get(key);
    if (!r) {
      r = {
        patient: patient.patient,
        encounter,
        dateOfService: date,
        setting: settingFor(encounter),
        lines: [],
        warnings: [],
      };
      fresh.set(key, r);
    }
    r.warnings.push(asWarning(issue));
  }
  const all = [...out, ...fresh.values()];
  if (patientLevel.length > 0) {
    if (all.length === 0) {
      all.push({
        patient: patient.patient,
        encounter: null,
        dateOfService: 'unknown',
        setting: settingFor(null),
        lines: [],
        warnings: [],
      });
    }
    for (const r of all) r.warnings.push(...patientLevel.map(asWarning));
  }
  for (const r of all) r.warnings = mergeWarnings(r.warnings);
  return all;
}
