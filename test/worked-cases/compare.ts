// Compares one encounter of the audit report with a worked case's expected fragment:
// lines by (code, units, modifier set[, date][, ndc]), warnings by code set. Order-free.

export interface ExpectedLine {
  code: string;
  units: number;
  modifiers: string[];
  date?: string;
  ndc?: { code: string; quantity: number; unit: string };
}

export interface ExpectedFragment {
  lines: ExpectedLine[];
  warnings: string[];
}

export interface ReportLine {
  code: string;
  units: number;
  modifiers: string[];
  date: string;
  ndc?: { code: string; quantity: number; unit: string };
}

export interface ReportEncounter {
  patient: string;
  encounter: string | null;
  lines: ReportLine[];
  warnings: { code: string }[];
}

const lineKey = (l: { code: string; units: number; modifiers: string[] }): string =>
  `${l.code} x${l.units} [${[...l.modifiers].sort().join(',')}]`;

/** Differences in plain words; empty when the encounter matches. */
export function compareEncounter(
  expected: ExpectedFragment,
  actual: ReportEncounter | undefined,
): string[] {
  if (!actual) return ['encounter missing from the report'];
  const diffs: string[] = [];
  const remaining = [...actual.lines];
  for (const e of expected.lines) {
    const i = remaining.findIndex((a) => lineKey(a) === lineKey(e));
    if (i < 0) {
      diffs.push(`missing line ${lineKey(e)}`);
      continue;
    }
    const [a] = remaining.splice(i, 1);
    if (a && e.date !== undefined && a.date !== e.date)
      diffs.push(`${lineKey(e)} dated ${a.date}, expected ${e.date}`);
    if (a && e.ndc !== undefined) {
      const n = a.ndc;
      if (!n || n.code !== e.ndc.code || n.quantity !== e.ndc.quantity || n.unit !== e.ndc.unit)
        diffs.push(`${lineKey(e)} ndc ${JSON.stringify(n)}, expected ${JSON.stringify(e.ndc)}`);
    }
  }
  for (const a of remaining) diffs.push(`extra line ${lineKey(a)}`);
  const got = new Set(actual.warnings.map((w) => w.code));
  const want = new Set(expected.warnings);
  for (const w of want) if (!got.has(w)) diffs.push(`missing warning ${w}`);
  for (const w of got) if (!want.has(w)) diffs.push(`extra warning ${w}`);
  return diffs;
}
