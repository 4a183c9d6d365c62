// Benchmark figures: each value is reported with a baseline measured in the same run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string;
  met: boolean | null;
  note?: string;
}

export function figure(
  name: string,
  value: number | null,
  unit: string,
  baseline: number | null,
  target: string,
  met: (value: number, ratio: number | null) => boolean,
  note?: string,
): Figure {
  const ratio =
    value !== null && baseline !== null && baseline !== 0 ? round(value / baseline, 3) : null;
  const f: Figure = {
    name,
    value: value === null ? null : round(value, 3),
    unit,
    baseline: baseline === null ? null : round(baseline, 3),
    ratio,
    target,
    met: value === null ? null : met(value, ratio),
  };
  if (note) f.note = note;
  return f;
}

export function round(x: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.name,
    f.value === null ? 'n/a' : String(f.value),
    f.unit,
    f.baseline === null ? 'n/a' : String(f.baseline),
    f.ratio === null ? 'n/a' : String(f.ratio),
    f.target,
    f.met === null ? 'not measured' : f.met ? 'met' : 'NOT met',
  ]);
  const head = ['figure', 'value', 'unit', 'baseline', 'ratio', 'target', 'status'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const f of figures) if (f.note) console.log(`  ${f.name}: ${f.note}`);
}

export function writeResults(path: string, figures: Figure[]): void {
  writeFileSync(path, `${JSON.stringify({ figures }, null, 2)}\n`);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Figures of an earlier run; none when the file is missing or not ours. */
export function readResults(path: string): Figure[] {
  if (!existsSync(path)) return [];
  try {
    const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof data !== 'object' || data === null || !('figures' in data)) return [];
    const { figures } = data;
    return Array.isArray(figures) ? (figures as Figure[]) : [];
  } catch {
    return [];
  }
}

/** Earlier figures with the fresh ones replacing those of the same name, in the earlier order. */
export function mergeResults(earlier: Figure[], fresh: Figure[]): Figure[] {
  const byName = new Map(fresh.map((f) => [f.name, f]));
  const out = earlier.map((f) => byName.get(f.name) ?? f);
  for (const f of fresh) if (!earlier.some((e) => e.name === f.name)) out.push(f);
  return out;
}
