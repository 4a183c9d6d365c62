// A visit in words for people choosing one (the visit picker, the coder's "Visit to review"):
// date, clock time, place, type and reason as the EHR recorded them; never an id (issue 17
// part 5). A fact not recorded is said so.
import type { PatientVisit } from './use-patient-visits.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-08-05' → '5 Aug 2026'. */
export function visitDateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;
}

/** "5 Aug 2026, 09:00, Infusion suite: Infusion chair visit, for breast cancer" — never an id. */
export function visitWords(v: PatientVisit): string {
  const when = `${v.date ? visitDateText(v.date) : 'date not recorded'}, ${v.time ?? 'time not recorded'}`;
  const what = `${v.kind ?? 'visit type not recorded'}${v.reason ? `, for ${v.reason}` : ''}`;
  return `${when}, ${v.place ?? 'place not recorded'}: ${what}`;
}
