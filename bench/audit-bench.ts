// Audit at scale: the audit command over NDJSON on disk (100k and 1M administrations):
// administrations per second and peak resident memory, against a plain line reader.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { figure, type Figure } from './figures.ts';
import { administrationCount, generateClinic, type GeneratorOptions } from './generate.ts';

const root = resolve(import.meta.dirname, '..');

async function writeNdjson(path: string, opts: GeneratorOptions): Promise<void> {
  if (existsSync(path) && statSync(path).size > 0) return;
  const out = createWriteStream(path);
  for (const r of generateClinic(opts)) {
    if (!out.write(`${JSON.stringify(r)}\n`))
      await new Promise<void>((ok) => out.once('drain', () => ok()));
  }
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
}

interface Run {
  /** CPU seconds, user + system (the figure: "on one core", on a machine shared with others). */
  cpuSeconds: number;
  /** Elapsed wall seconds (reported in the note). */
  seconds: number;
  peakRssMb: number;
  ok: boolean;
  stderr: string;
}

/** Runs a command under GNU time: elapsed and CPU seconds, and peak RSS. */
function timed(cmd: string[]): Run {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', ...cmd], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = (r.stderr ?? '').trim().split('\n');
  const last = lines[lines.length - 1] ?? '';
  const [sec, kb, user, sys] = last.split(' ').map(Number);
  return {
    cpuSeconds: (user ?? NaN) + (sys ?? NaN),
    seconds: sec ?? NaN,
    peakRssMb: (kb ?? NaN) / 1024,
    ok: r.status === 0,
    stderr: lines.slice(0, -1).join('\n'),
  };
}

export async function benchAudit(
  small: GeneratorOptions,
  large: GeneratorOptions,
): Promise<Figure[]> {
  const dir = resolve(root, '.bench-tmp');
  mkdirSync(dir, { recursive: true });
  const sizes = [
    { label: '100k', opts: small },
    { label: '1m', opts: large },
  ];
  const results: Record<string, { audit: Run; base: Run; admins: number }> = {};
  for (const s of sizes) {
    const admins = administrationCount(s.opts);
    const file = resolve(dir, `clinic-${admins}.ndjson`);
    await writeNdjson(file, s.opts);
    const base = timed([process.execPath, 'bench/baseline-reader.mjs', file]);
    const audit = timed([process.execPath, '--import', 'tsx', 'src/cli/audit.ts', file]);
    if (!audit.ok) console.error(`audit over ${file} failed: ${audit.stderr.split('\n')[0] ?? ''}`);
    results[s.label] = { audit, base, admins };
  }
  const big = results['1m'];
  const small100 = results['100k'];
  const figures: Figure[] = [];
  if (big && small100) {
    const rate = big.audit.ok ? big.admins / big.audit.cpuSeconds : null;
    const baseRate = big.admins / big.base.cpuSeconds;
    figures.push(
      figure(
        'audit.administrations_per_second',
        rate,
        'administrations/s',
        baseRate,
        '>= 100000',
        (v) => v >= 100_000,
        `${big.admins} administrations in ${big.audit.cpuSeconds.toFixed(1)} s CPU, ${big.audit.seconds} s wall (line reader + JSON.parse: ${big.base.cpuSeconds.toFixed(1)} s CPU, ${big.base.seconds} s wall); 100k run: ${small100.audit.cpuSeconds.toFixed(1)} s CPU`,
      ),
      // Issue 18 §2: audit throughput over the line reader's (read + JSON.parse) in the same run,
      // so the machine's load cancels out of the figure.
      figure(
        'audit.ratio_to_line_reader',
        rate,
        'administrations/s',
        baseRate,
        'ratio >= 0.5',
        (_v, r) => r !== null && r >= 0.5,
        `audit ${rate === null ? 'failed' : Math.round(rate)} /s against the line reader's ${Math.round(baseRate)} /s (CPU, 1M administrations)`,
      ),
      figure(
        'audit.peak_rss_mb_100k',
        small100.audit.ok ? small100.audit.peakRssMb : null,
        'MB',
        small100.base.peakRssMb,
        '< 256',
        (v) => v < 256,
        `${small100.admins} administrations; baseline = line reader peak RSS`,
      ),
      figure(
        'audit.peak_rss_mb_1m',
        big.audit.ok ? big.audit.peakRssMb : null,
        'MB',
        big.base.peakRssMb,
        '< 256 and flat vs 100k',
        (v) => v < 256 && v < small100.audit.peakRssMb * 1.5,
        `${big.admins} administrations; flat = within 1.5x of the 100k run (${small100.audit.peakRssMb.toFixed(0)} MB)`,
      ),
    );
  }
  return figures;
}
