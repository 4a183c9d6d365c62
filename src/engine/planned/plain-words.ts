// Words for planned-dose warnings: dates as people say them ("29 July"), dollars with cents.
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2026-07-29' → '29 July' (with the year when it differs from `sameYearAs`'s). */
export function dayMonth(date: string, sameYearAs?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const text = `${Number(d)} ${MONTHS[Number(mo) - 1] ?? mo}`;
  return sameYearAs && sameYearAs.slice(0, 4) === y ? text : `${text} ${y}`;
}

/** 8213.28 → '$8,213.28' (no locale data needed). */
export function dollars(amount: number): string {
  const cents = Math.round(amount * 100);
  const whole = Math.trunc(Math.abs(cents) / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = String(Math.abs(cents) % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}$${whole}.${frac}`;
}

/** At most `max` characters: cut at a word and end with '…'. */
export function clip(text: string, max = 140): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
