// The coder's worklist: the visits of a work queue (from the launch) or of a day at a location
// (picked here), worst first, with status, lines, warnings and money at stake. Opening a visit is
// the app's business (onOpen); this list stays mounted meanwhile so it keeps its place.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EmptyMessage, ErrorMessage } from '../../components/status-message.tsx';
import { plainErrorMessage } from '../../fhir/queries/plain-error.ts';
import { locationsQuery } from '../../fhir/queries/worklist.ts';
import { useGateway } from '../../hooks/gateway-context.ts';
import { todayLocal } from '../../hooks/today.ts';
import { useWorklist, type WorklistSource } from '../../hooks/use-worklist.ts';
import { countText, progressText, worklistRows, type WorklistRow } from './worklist-model.ts';
import './worklist.css';

const USD = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function DayPicker({ onPick }: { onPick: (s: WorklistSource) => void }) {
  const gateway = useGateway();
  const id = useId();
  const locations = useQuery(locationsQuery(gateway));
  const [date, setDate] = useState(todayLocal());
  const [location, setLocation] = useState('');
  return (
    <form
      className="worklist-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (date) onPick({ kind: 'day', date, ...(location ? { location } : {}) });
      }}
    >
      <label htmlFor={`${id}-date`}>Date</label>
      <input
        id={`${id}-date`}
        type="date"
        required
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <label htmlFor={`${id}-location`}>Location</label>
      <select id={`${id}-location`} value={location} onChange={(e) => setLocation(e.target.value)}>
        <option value="">All locations</option>
        {(locations.data ?? []).map((l) => (
          <option key={l.ref} value={l.ref}>
            {l.name}
          </option>
        ))}
      </select>
      <button type="submit">Show visits</button>
      {locations.error ? (
        <p className="worklist-note">
          The list of locations could not be read; all locations are searched.
        </p>
      ) : null}
    </form>
  );
}

function RowView({
  row,
  current,
  onOpen,
}: {
  row: WorklistRow;
  current: boolean;
  onOpen: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (current) ref.current?.focus();
  }, [current]);
  return (
    <tr className={current ? 'worklist-current' : undefined}>
      <th scope="row">
        {row.patientId ? (
          <button type="button" ref={ref} onClick={onOpen}>
            {row.patientName}
          </button>
        ) : (
          <span>{row.patientName} (cannot be opened: the visit names no patient)</span>
        )}
        {row.mrn ? <span className="worklist-sub">MRN {row.mrn}</span> : null}
      </th>
      <td>
        {row.date}
        <span className="worklist-sub">{row.place}</span>
      </td>
      <td>
        {row.statusText}
        {row.nurseNeeds.length > 0 ? (
          <span className="worklist-sub">Missing: {row.nurseNeeds.join(', ')}</span>
        ) : null}
      </td>
      <td>{row.lines}</td>
      <td>
        {countText(row.errors, 'error', 'errors')}, {countText(row.warnings, 'warning', 'warnings')}
      </td>
      <td className="worklist-money">{USD.format(row.atRisk)}</td>
    </tr>
  );
}

export function WorklistView({
  queue,
  current,
  onOpen,
}: {
  /** 'List/<id>' from the launch; without it the coder picks a day and a location. */
  queue: string | undefined;
  /** The visit last opened: marked and focused when the list shows again. */
  current: string | undefined;
  onOpen: (row: WorklistRow, order: WorklistRow[]) => void;
}) {
  const titleId = useId();
  const [day, setDay] = useState<WorklistSource | undefined>(undefined);
  const source: WorklistSource | undefined = queue ? { kind: 'queue', list: queue } : day;
  const list = useWorklist(source);
  const rows = useMemo(
    () => (list.data ? worklistRows(list.data.visits, list.data.labels) : []),
    [list.data],
  );
  const atStake = rows.reduce((sum, r) => sum + Math.round(r.atRisk * 100), 0) / 100;
  const progress = progressText(list.progress);
  return (
    <section className="worklist" aria-labelledby={titleId}>
      <h2 id={titleId}>{list.data?.picture.title ?? 'Worklist'}</h2>
      {queue ? null : <DayPicker onPick={setDay} />}
      {source === undefined ? (
        <EmptyMessage>Pick a date (and a location) to list its visits.</EmptyMessage>
      ) : list.isPending ? (
        <div className="status loading" role="status" aria-live="polite">
          <p>{progress ?? 'Loading the visits…'}</p>
          <progress
            aria-label="Loading the visits"
            {...(list.progress?.visits && list.progress.visits.total > 0
              ? { max: list.progress.visits.total, value: list.progress.visits.loaded }
              : {})}
          />
        </div>
      ) : list.error ? (
        <ErrorMessage
          title="The visits could not be loaded."
          message={plainErrorMessage(list.error)}
          onRetry={list.refetch}
        />
      ) : (
        <>
          {list.data && list.data.picture.unreadable.length > 0 ? (
            <div className="status unreadable">
              <p>Some records could not be read, so these figures are incomplete:</p>
              <ul>
                {list.data.picture.unreadable.map((u) => (
                  <li key={u.resourceType}>{u.reason}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {list.data && list.data.picture.skipped.length > 0 ? (
            <div className="status unreadable">
              <ul>
                {list.data.picture.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {rows.length === 0 ? (
            <EmptyMessage>No visits found for this {queue ? 'work queue' : 'day'}.</EmptyMessage>
          ) : (
            <>
              <p className="worklist-summary" role="status">
                {rows.length} {rows.length === 1 ? 'visit' : 'visits'}, {USD.format(atStake)} at
                stake; most at stake first.{list.isRefreshing ? ' Updating…' : ''}
              </p>
              <table className="worklist-table">
                <caption className="visually-hidden">Visits to review, most at stake first</caption>
                <thead>
                  <tr>
                    <th scope="col">Patient</th>
                    <th scope="col">Date and place</th>
                    <th scope="col">Status</th>
                    <th scope="col">Lines</th>
                    <th scope="col">Warnings</th>
                    <th scope="col">At stake</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <RowView
                      key={r.encounter}
                      row={r}
                      current={r.encounter === current}
                      onOpen={() => onOpen(r, rows)}
                    />
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
