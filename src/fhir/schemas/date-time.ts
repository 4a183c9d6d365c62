// FHIR date / dateTime / instant strings: shape and calendar checks (shared by the zod schemas
// and the mapper's Timestamp parsing).

const RE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export interface FhirDateTimeParts {
  /** Epoch ms of the written wall-clock time, as if it were UTC. */
  wallMs: number;
  offsetMin: number;
  hasTime: boolean;
}

export function parseFhirDateTime(iso: string): FhirDateTimeParts | undefined {
  const m = RE.exec(iso);
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss, frac, tz] = m;
  const month = Number(mo ?? '01');
  const day = Number(d ?? '01');
  const hour = Number(hh ?? '0');
  const minute = Number(mi ?? '0');
  const second = Number(ss ?? '0');
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let offsetMin = 0;
  if (tz && tz !== 'Z') {
    const oh = Number(tz.slice(1, 3));
    const om = Number(tz.slice(4, 6));
    if (oh > 14 || om > 59) return undefined;
    offsetMin = (tz.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const wallMs = Date.UTC(
    Number(y),
    month - 1,
    day,
    hour,
    minute,
    second,
    frac ? Math.round(Number(frac) * 1000) : 0,
  );
  if (new Date(wallMs).getUTCDate() !== day) return undefined; // 2026-02-30
  return { wallMs, offsetMin, hasTime: hh !== undefined };
}
