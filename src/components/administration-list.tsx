// A visit's administrations in time order: drug, dose, start and stop. Shared by every
// role's first screen.
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
}

export function AdministrationList({ rows, title }: AdministrationListProps) {
  const headingId = 'administrations-heading';
  return (
    <section className="administrations" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {rows.length === 0 ? (
        <p>No medication administrations are recorded for this visit.</p>
      ) : (
        <table>
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
