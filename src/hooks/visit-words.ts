// A visit in words for people choosing one (the visit picker, the coder's "Visit to review"):
// date, clock time, place, type and reason as the EHR recorded them; never an id (issue 17
// part 5). A fact not recorded is said so.
import type { PatientVisit } from './use-patient-visits.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-08-05' → '5 Aug 2026'; a date that does not parse is shown as given. The one date in
 * words for people (visit picker, coder's visit list, "Denied before for this" notes). */
export function visitDateText(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return date;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

/** "5 Aug 2026, 09:00, Infusion suite: Infusion chair visit, for breast cancer" — never an id. */
export function visitWords(v: PatientVisit): string {
  const when = `${v.date ? visitDateText(v.date) : 'date not recorded'}, ${v.time ?? 'time not recorded'}`;
  const what = `${v.kind ?? 'visit type not recorded'}${v.reason ? `, for ${v.reason}` : ''}`;
  return `${when}, ${v.place ?? 'place not recorded'}: ${what}`;
}
