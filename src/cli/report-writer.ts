// The report, written encounter by encounter (contract §3): JSON by default, or a table.
import type { EncounterReport, PatientInput } from '../engine/index.ts';

export interface ReportSink {
  write(text: string): void;
}

export interface ReportWriter {
  /** One patient's mapped input, before its encounters (for writers that need more than the report). */
  patient?(input: PatientInput): void;
  encounter(e: EncounterReport): void;
  end(): void;
}

export function jsonWriter(sink: ReportSink): ReportWriter {
  let first = true;
  sink.write('{"encounters":[');
  return {
    encounter(e) {
      sink.write(`${first ? '\n' : ',\n'}${JSON.stringify(e)}`);
      first = false;
    },
    end() {
      sink.write(first ? ']}\n' : '\n]}\n');
    },
  };
}

function pad(cells: string[][]): string[] {
  const widths: number[] = [];
  for (const row of cells) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return cells.map((row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** A table for people: one block per encounter, its lines, then its warnings. */
export function tableWriter(sink: ReportSink): ReportWriter {
  let count = 0;
  return {
    encounter(e) {
      count++;
      const out: string[] = [];
      out.push(
        `${e.patient}  ${e.encounter ?? '(no encounter)'}  ${e.dateOfService}  ${e.setting}`,
      );
      if (e.lines.length === 0) out.push('  no lines');
      else {
        const rows = [['  Code', 'Units', 'Modifiers', 'Date', 'NDC', 'Amount', 'From']];
        for (const l of e.lines) {
          rows.push([
            `  ${l.code}`,
            String(l.units),
            l.modifiers.join(' ') || '-',
            l.date,
            l.ndc ? `${l.ndc.code} ${l.ndc.unit} ${l.ndc.quantity}` : '-',
            l.amount !== undefined ? `$${l.amount.toFixed(2)}` : '-',
            l.sources.join(' '),
          ]);
        }
        out.push(...pad(rows));
      }
      for (const w of e.warnings) out.push(`  ${w.severity.toUpperCase()} ${w.code}: ${w.message}`);
      sink.write(`${out.join('\n')}\n\n`);
    },
    end() {
      sink.write(`${count} encounter${count === 1 ? '' : 's'}\n`);
    },
  };
}
