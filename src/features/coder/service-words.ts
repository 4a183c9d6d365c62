// Plain words for the coder about the Part 2 services (issue 15 §5): what the records show
// for a pump, an injection, a port flush or a refill, and what an NCCI PTP warning means for a
// line (injection-pump-rules R21, R23, R24, R25.3). The kind of service is the engine's own
// (serviceKindOf), read from the same mapped record the billing used.
import {
  PUMP_MIN_MINUTES,
  serviceKindOf,
  type DerivedLine,
  type EncounterResult,
  type Warning,
} from '../../engine/index.ts';
import type { LoadedResources } from '../../fhir/load/billing-picture.ts';
import { serviceRecords, type ServiceRecord } from '../../fhir/map/service-records.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "09:40 Mon", read from the instant as written (its own clock and date, no time zone moves). */
export function clockDay(iso: string | undefined): string | undefined {
  const m = iso ? /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(iso) : null;
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay();
  return `${h}:${mi} ${WEEKDAYS[day] ?? ''}`.trim();
}

function hoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function wholeMinutesBetween(a: string, b: string): number | undefined {
  const x = Date.parse(a);
  const y = Date.parse(b);
  return Number.isFinite(x) && Number.isFinite(y) ? Math.floor((y - x) / 60_000) : undefined;
}

const ROUTE_WORDS: Partial<Record<string, string>> = { sc: 'subcutaneous', im: 'intramuscular' };

/** What one source record shows, in words, for the line's code; undefined for other kinds. */
function recordWords(line: DerivedLine, record: ServiceRecord): string | undefined {
  const { administration: a, start, end } = record;
  if (!a) return undefined;
  switch (serviceKindOf(a)) {
    case 'pump-start': {
      const started = `pump started ${clockDay(start) ?? '(start not recorded)'}`;
      const minutes = start && end ? wholeMinutesBetween(start, end) : undefined;
      if (minutes === undefined) {
        return `${started}, no disconnect recorded: more than 8 h not verified → ${line.code}`;
      }
      const cmp = minutes > PUMP_MIN_MINUTES ? '>' : '≤';
      return `${started}, disconnected ${clockDay(end) ?? ''}: ${hoursMinutes(minutes)} ${cmp} 8 h → ${line.code}`;
    }
    case 'injection': {
      const parts = ['injection', ROUTE_WORDS[a.route.class], record.site ?? 'site not recorded'];
      return `${parts.filter(Boolean).join(', ')} → ${line.code}`;
    }
    case 'port-flush':
      return `port flush ${clockDay(start) ?? ''}, nothing else billed that date → ${line.code}`;
    case 'pump-refill':
      return `pump refill ${clockDay(start) ?? ''} (${a.pumpImplanted ? 'implanted' : 'portable'} pump) → ${line.code}`;
    case 'infusion':
    case 'push':
    case 'pump-disconnect':
    case 'not-coded-route':
    case 'unknown-route':
      return undefined;
  }
}

const NEVER = /^(\S+) is never paid with (.+?) on (\S+?) \(/;
const NEEDS = /^(\S+) with (.+?) on (\S+?):/;

/** An NCCI PTP warning in words, with the column-2 code it concerns (R25.3). */
export function ptpWords(w: Warning): { code: string; words: string } | undefined {
  if (w.code === 'PTP_NOT_ALLOWED') {
    const m = NEVER.exec(w.message);
    if (!m?.[1] || !m[2]) return undefined;
    return {
      code: m[1],
      words: `${m[1]} is not billed with ${m[2]} on the same day (NCCI edit, modifier not allowed).`,
    };
  }
  if (w.code === 'PTP_MODIFIER_NEEDED') {
    const m = NEEDS.exec(w.message);
    if (!m?.[1] || !m[2]) return undefined;
    return {
      code: m[1],
      words: `${m[1]} with ${m[2]} on the same day (NCCI edit): needs modifier 59 (or XS/XU/XE) only if a separate site or visit is documented; none is, so ${m[1]} will deny as is.`,
    };
  }
  return undefined;
}

/** Words per line (by the caller's line key): the service's evidence, then PTP explanations. */
export function serviceWordsFor(
  result: EncounterResult,
  resources: LoadedResources,
  keyOf: (line: DerivedLine) => string,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const records = serviceRecords(resources);
  const add = (line: DerivedLine, words: string) => {
    const k = keyOf(line);
    const list = out.get(k) ?? [];
    if (!list.includes(words)) list.push(words);
    out.set(k, list);
  };
  for (const line of result.lines) {
    if (line.kind !== 'administration') continue;
    for (const ref of line.sources) {
      const record = records.get(ref);
      const words = record ? recordWords(line, record) : undefined;
      if (words) add(line, words);
    }
  }
  for (const w of result.warnings) {
    const p = ptpWords(w);
    if (!p) continue;
    const line = result.lines.find(
      (l) => l.code === p.code && l.sources.some((s) => w.sources.includes(s)),
    );
    if (line) add(line, p.words);
  }
  return out;
}
