// A visit's administrations in time order: drug, dose, start and stop. Shared by every
// role's first screen. The coder's page starts it folded (issue 17 §5: each line's evidence
// already says its drug and times), behind a disclosure button.
import { useId, useState } from 'react';
import { formatInstant } from './format.ts';

export interface AdministrationRow {
  id: string;
  drug: string;
  dose: string | undefined;
  start: string | undefined;
  end: string | undefined;
  status: string;
}

const STATUS_WORDS: Record<string, string> = {
  completed: 'Given',
  stopped: 'Stopped early',
  'in-progress': 'Running',
  'on-hold': 'On hold',
  'not-done': 'Not given',
  'entered-in-error': 'Entered in error',
  unknown: 'Status unknown',
};

export interface AdministrationListProps {
  rows: AdministrationRow[];
  /** Heading text, e.g. "Today's administrations". */
  title: string;
  /** Start folded behind a "Show the N administrations" disclosure. */
  folded?: boolean;
}

export function AdministrationList({ rows, title, folded = false }: AdministrationListProps) {
  const headingId = 'administrations-heading';
  const tableId = useId();
  const [open, setOpen] = useState(!folded);
  const foldable = folded && rows.length > 0;
  return (
    <section className="administrations" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{title}</h2>
        {foldable && (
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-controls={tableId}
            onClick={() => setOpen((v) => !v)}
          >
            {rows.length === 1
              ? 'Show the administration'
              : `Show the ${rows.length} administrations`}
          </button>
        )}
      </div>
      {foldable && !open ? (
        <div id={tableId} hidden />
      ) : rows.length === 0 ? (
        <p>No medication administrations are recorded for this visit.</p>
      ) : (
        <table id={tableId}>
          <thead>
            <tr>
              <th scope="col">Drug</th>
              <th scope="col">Dose</th>
              <th scope="col">Start</th>
              <th scope="col">Stop</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.drug}</th>
                <td>{r.dose ?? 'not recorded'}</td>
                <td>{r.start ? formatInstant(r.start) : 'not recorded'}</td>
                <td>{r.end ? formatInstant(r.end) : 'not recorded'}</td>
                <td>{STATUS_WORDS[r.status] ?? r.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
