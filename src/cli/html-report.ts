// `--format html`: a self-contained practice dashboard (no script, no outside file: inline CSS and
// SVG) from the same practice figures the app shows. Streams: encounters are folded into the
// figures as they come; only the figures and the few encounters with the most money at risk stay.
import {
  PracticeFiguresBuilder,
  ratio,
  type PeriodCounts,
  type PracticeFigures,
} from '../engine/practice/figures.ts';
import { classifyAdjudications, warningCodeText, type EncounterReport } from '../engine/index.ts';
import type { ReportSink, ReportWriter } from './report-writer.ts';

const TOP_ENCOUNTERS = 25;

/** Text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const usd = (n: number): string =>
  `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (r: number | null): string => (r === null ? 'n/a' : `${(r * 100).toFixed(1)}%`);

interface Figure {
  title: string;
  explain: string;
  value: (c: PeriodCounts) => number | null;
  show: (c: PeriodCounts) => string;
  kind: 'ratio' | 'usd' | 'count';
}

export const FIGURES: Figure[] = [
  {
    title: 'Stop times documented',
    explain: 'IV administrations with a recorded stop time, of those that need one.',
    value: (c) => ratio(c.timedAdministrations - c.missingStop, c.timedAdministrations),
    show: (c) =>
      `${pct(ratio(c.timedAdministrations - c.missingStop, c.timedAdministrations))} (${c.timedAdministrations - c.missingStop} of ${c.timedAdministrations})`,
    kind: 'ratio',
  },
  {
    title: 'Waste documented when drug was discarded',
    explain: 'Discarded-drug (JW) lines whose discarded amount the nurse recorded.',
    value: (c) => ratio(c.wasteDocumented, c.wasteLines),
    show: (c) =>
      `${pct(ratio(c.wasteDocumented, c.wasteLines))} (${c.wasteDocumented} of ${c.wasteLines})`,
    kind: 'ratio',
  },
  {
    title: 'JW/JZ compliance',
    explain: 'Drug lines with JW or JZ and no discarded-drug problem.',
    value: (c) => ratio(c.jwJzCompliant, c.jwJzLines),
    show: (c) =>
      `${pct(ratio(c.jwJzCompliant, c.jwJzLines))} (${c.jwJzCompliant} of ${c.jwJzLines})`,
    kind: 'ratio',
  },
  {
    title: 'Clean-claim rate',
    explain: 'Visits with no error: the claim would go out as it stands.',
    value: (c) => ratio(c.cleanEncounters, c.encounters),
    show: (c) =>
      `${pct(ratio(c.cleanEncounters, c.encounters))} (${c.cleanEncounters} of ${c.encounters})`,
    kind: 'ratio',
  },
  {
    title: 'Revenue at risk',
    explain: 'Payment of lines that share a record with an error or warning.',
    value: (c) => c.amountAtRisk,
    show: (c) => usd(c.amountAtRisk),
    kind: 'usd',
  },
  {
    title: 'Revenue recovered',
    explain: 'Payment of discarded-drug (JW) lines, often left unbilled.',
    value: (c) => c.amountRecovered,
    show: (c) => usd(c.amountRecovered),
    kind: 'usd',
  },
  {
    title: 'Clinical-trial visits',
    explain: 'Visits with a Q0/Q1 modifier or a trial warning.',
    value: (c) => c.trialVisits,
    show: (c) => String(c.trialVisits),
    kind: 'count',
  },
];

/** A bar chart over the periods, as inline SVG with a text alternative. */
function chart(f: Figure, periods: PeriodCounts[]): string {
  const values = periods.map((p) => f.value(p));
  const max = f.kind === 'ratio' ? 1 : Math.max(1e-9, ...values.map((v) => v ?? 0));
  const w = 28;
  const h = 90;
  const bars = values
    .map((v, i) => {
      const x = i * w + 4;
      const label = `${periods[i]?.period ?? ''}: ${f.show(periods[i] as PeriodCounts)}`;
      if (v === null)
        return `<g><title>${esc(label)}</title><text x="${x + 6}" y="${h - 4}" class="na">–</text></g>`;
      const bh = Math.max(1, Math.round((v / max) * (h - 10)));
      return `<g><title>${esc(label)}</title><rect x="${x}" y="${h - bh}" width="${w - 8}" height="${bh}"/></g>`;
    })
    .join('');
  const width = Math.max(1, periods.length) * w + 8;
  const alt = periods.map((p) => `${p.period} ${f.show(p)}`).join('; ');
  return `<svg role="img" aria-label="${esc(`${f.title} by period: ${alt}`)}" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}">${bars}</svg>`;
}

interface AtRisk {
  e: EncounterReport;
  atRisk: number;
}

function denialSection(fig: PracticeFigures): string {
  const d = fig.denials;
  if (d.adjudicatedLines === 0)
    return '<p>No past adjudications (ClaimResponse or ExplanationOfBenefit) in the input.</p>';
  const rows = d.byCause
    .map(
      (c) =>
        `<tr><td>${esc(c.label)}</td><td>${c.count}</td><td>${esc(pct(c.rate))}</td><td>${esc(c.preventedBy.map(warningCodeText).join('; ') || '—')}</td></tr>`,
    )
    .join('\n');
  return `<p>${d.deniedLines} of ${d.adjudicatedLines} adjudicated claim lines denied (${esc(pct(ratio(d.deniedLines, d.adjudicatedLines)))}).</p>
<table><thead><tr><th scope="col">Root cause</th><th scope="col">Denied lines</th><th scope="col">Of adjudicated lines</th><th scope="col">Caught now by</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderDashboard(fig: PracticeFigures, top: AtRisk[]): string {
  const range = fig.from ? `${fig.from} to ${fig.to}` : 'no visits';
  const cards = FIGURES.map(
    (
      f,
    ) => `<section class="card"><h2>${esc(f.title)}</h2><p class="big">${esc(f.show(fig.totals))}</p>
<p class="explain">${esc(f.explain)}</p>${fig.periods.length > 1 ? chart(f, fig.periods) : ''}</section>`,
  ).join('\n');
  const periodRows = fig.periods
    .map(
      (p) =>
        `<tr><th scope="row">${esc(p.period)}</th><td>${p.encounters}</td>${FIGURES.map((f) => `<td>${esc(f.show(p))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const warnRows = fig.topWarnings
    .map(
      (w) =>
        `<tr><td>${esc(warningCodeText(w.code))}</td><td>${esc(w.severity)}</td><td>${w.count}</td></tr>`,
    )
    .join('\n');
  const topRows = top
    .map(
      ({ e, atRisk }) =>
        `<tr><td>${esc(e.dateOfService)}</td><td>${esc(e.encounter ?? '(no encounter)')}</td><td>${esc(usd(atRisk))}</td><td>${esc(
          [...new Set(e.warnings.filter((w) => w.severity !== 'info').map((w) => w.code))]
            .map(warningCodeText)
            .join('; '),
        )}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>EveryDose practice dashboard</title>
<style>
body{font:16px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#1b1f24}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1rem;margin:0 0 .3rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:.8rem}
.card{border:1px solid #c9d1d9;border-radius:8px;padding:.8rem;overflow-x:auto}
.big{font-size:1.4rem;font-weight:600;margin:.1rem 0}.explain{color:#444c56;font-size:.9rem;margin:.2rem 0 .5rem}
rect{fill:#1f6feb}.na{fill:#6e7781;font-size:12px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border-bottom:1px solid #d0d7de;padding:.3rem .4rem;text-align:left;vertical-align:top}
</style></head><body>
<h1>Practice dashboard</h1>
<p>${esc(range)} · ${fig.totals.encounters} visit${fig.totals.encounters === 1 ? '' : 's'} · by ${esc(fig.granularity)} · billed ${esc(usd(fig.totals.amountTotal))} where the payment is known</p>
<div class="grid">
${cards}
</div>
<h2>By ${esc(fig.granularity)}</h2>
<table><thead><tr><th scope="col">From</th><th scope="col">Visits</th>${FIGURES.map((f) => `<th scope="col">${esc(f.title)}</th>`).join('')}</tr></thead>
<tbody>${periodRows}</tbody></table>
<h2>Top warning codes (visits carrying them)</h2>
<table><thead><tr><th scope="col">Warning</th><th scope="col">Severity</th><th scope="col">Visits</th></tr></thead><tbody>${warnRows}</tbody></table>
<h2>Denials by root cause</h2>
${denialSection(fig)}
<h2>Visits with the most money at risk</h2>
<table><thead><tr><th scope="col">Date</th><th scope="col">Visit</th><th scope="col">At risk</th><th scope="col">Warnings</th></tr></thead><tbody>${topRows}</tbody></table>
</body></html>
`;
}

/** Collects the figures while the audit streams, writes the page at the end. */
export function htmlWriter(
  sink: ReportSink,
  granularity: 'day' | 'week' | 'month' = 'week',
): ReportWriter {
  const builder = new PracticeFiguresBuilder(granularity);
  const top: AtRisk[] = [];
  return {
    patient(input) {
      builder.addAdjudications(classifyAdjudications(input));
    },
    encounter(e) {
      builder.add(e);
      const one = new PracticeFiguresBuilder(granularity);
      one.add(e);
      const atRisk = one.result().totals.amountAtRisk;
      if (atRisk <= 0) return;
      top.push({ e, atRisk });
      top.sort((a, b) => b.atRisk - a.atRisk);
      if (top.length > TOP_ENCOUNTERS) top.pop();
    },
    end() {
      sink.write(renderDashboard(builder.result(), top));
    },
  };
}
