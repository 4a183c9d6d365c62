// FHIR date / dateTime / instant strings: shape and calendar checks (shared by the zod schemas
// and the mapper's Timestamp parsing). The full form is read by hand (it is on the hot path of
// every administration); shorter forms go through the regular expression.

const RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export interface FhirDateTimeParts {
  /** Epoch ms of the written wall-clock time, as if it were UTC. */
  wallMs: number;
  offsetMin: number;
  hasTime: boolean;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS[month - 1] ?? 0;
}

/** The last value read by `read` (one scratch record: checks allocate nothing). */
const last = { wallMs: 0, offsetMin: 0, hasTime: false };

function build(
  y: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offsetMin: number,
  hasTime: boolean,
  wanted: boolean,
): boolean {
  if (month < 1 || month > 12 || day < 1 || day > daysIn(y, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (wanted) last.wallMs = Date.UTC(y, month - 1, day, hour, minute, second, ms);
  last.offsetMin = offsetMin;
  last.hasTime = hasTime;
  return true;
}

const d = (s: string, i: number): number => s.charCodeAt(i) - 48;
const dd = (s: string, i: number): number => {
  const a = d(s, i);
  const b = d(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

const [DASH, T, COLON, Z, PLUS] = [45, 84, 58, 90, 43]; // - T : Z +

/** `YYYY-MM-DDThh:mm:ss` + `Z` or `±hh:mm` (no fraction): the form EHRs send most. */
function fast(s: string, wanted: boolean): boolean | null {
  if (s.length !== 20 && s.length !== 25) return null;
  const c = (i: number): number => s.charCodeAt(i);
  if (c(4) !== DASH || c(7) !== DASH || c(10) !== T || c(13) !== COLON || c(16) !== COLON)
    return null;
  const y1 = dd(s, 0);
  const y2 = dd(s, 2);
  const mo = dd(s, 5);
  const da = dd(s, 8);
  const h = dd(s, 11);
  const mi = dd(s, 14);
  const se = dd(s, 17);
  if (y1 < 0 || y2 < 0 || mo < 0 || da < 0 || h < 0 || mi < 0 || se < 0) return null;
  let offsetMin = 0;
  if (s.length === 20) {
    if (c(19) !== Z) return null;
  } else {
    const sign = c(19) === PLUS ? 1 : c(19) === DASH ? -1 : 0;
    const oh = dd(s, 20);
    const om = dd(s, 23);
    if (sign === 0 || c(22) !== COLON || oh < 0 || om < 0) return null;
    if (oh > 14 || om > 59) return false;
    offsetMin = sign * (oh * 60 + om);
  }
  return build(y1 * 100 + y2, mo, da, h, mi, se, 0, offsetMin, true, wanted);
}

/**
 * Reads `iso` into `last`; false when it is not a FHIR date/time. `wanted` false: only check
 * (the wall-clock value, Date.UTC, is then not worked out).
 */
function read(iso: string, wanted: boolean): boolean {
  const quick = fast(iso, wanted);
  if (quick !== null) return quick;
  const m = RE.exec(iso);
  if (!m) return false;
  const [, y, mo, da, hh, mi, ss, frac, tz] = m;
  let offsetMin = 0;
  if (tz && tz !== 'Z') {
    const oh = Number(tz.slice(1, 3));
    const om = Number(tz.slice(4, 6));
    if (oh > 14 || om > 59) return false;
    offsetMin = (tz.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return build(
    Number(y),
    Number(mo ?? '01'),
    Number(da ?? '01'),
    Number(hh ?? '0'),
    Number(mi ?? '0'),
    Number(ss ?? '0'),
    frac ? Math.round(Number(frac) * 1000) : 0,
    offsetMin,
    hh !== undefined,
    wanted,
  );
}

/** True exactly when parseFhirDateTime gives a value (the schema check; allocates nothing). */
export function isFhirDateTime(iso: string): boolean {
  return read(iso, false);
}

export function parseFhirDateTime(iso: string): FhirDateTimeParts | undefined {
  if (!read(iso, true)) return undefined;
  return { wallMs: last.wallMs, offsetMin: last.offsetMin, hasTime: last.hasTime };
}
