// The charge nurse's board (issue 17 §2): every chair in progress, its patient and drug, running
// since when and for how long, the planned end from the order (or "not known"), and what billing
// still needs. Tapping a chair opens that patient's chair view (onOpen).
import './board.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import type { ClinicDayProgress } from '../../fhir/load/load-clinic-day.ts';
import { plainErrorMessage } from '../../fhir/queries/plain-error.ts';
import { useGateway } from '../../hooks/gateway-context.ts';
import { todayLocal } from '../../hooks/today.ts';
import { boardChairs, type BoardChair, type BoardDrug } from '../../fhir/map/board-chairs.ts';
import { durationText } from './duration-text.ts';
import { boardQuery } from '../../fhir/queries/board.ts';

function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

const timeText = (ms: number) =>
  new Date(ms).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
const dayText = (ms: number) =>
  new Date(ms).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric' });

function DrugLine({ d, now, day }: { d: BoardDrug; now: number; day: string }) {
  const sameDay = todayLocal(new Date(d.startMs)) === day;
  const since = `${sameDay ? '' : `${dayText(d.startMs)} `}${timeText(d.startMs)}`;
  const end = d.plannedEnd.ms;
  return (
    <li className="board-drug">
      <strong>{d.drug}</strong>
      <span>
        {d.state === 'running' ? 'Running since ' : 'Started '}
        {since}
        {d.elapsedMin !== null ? ` (${durationText(d.elapsedMin)} ago)` : ' (not started yet)'}
        {d.state === 'no-stop-time' ? ': charted as given, no stop time recorded' : ''}
      </span>
      <span>
        {end === null ? (
          <>Planned end not known ({d.plannedEnd.basis.replace(/^not known: /, '')})</>
        ) : (
          <>
            Planned end {timeText(end)} ({d.plannedEnd.basis})
            {d.state === 'running' && now > end ? (
              <strong className="board-late">
                {' '}
                · past the planned end by {durationText(Math.floor((now - end) / 60_000))}
              </strong>
            ) : null}
          </>
        )}
      </span>
    </li>
  );
}

function ChairCard({
  c,
  now,
  day,
  onOpen,
}: {
  c: BoardChair;
  now: number;
  day: string;
  onOpen: (c: BoardChair) => void;
}) {
  const title = `${c.chair ?? 'No chair recorded'}, ${c.patient}`;
  return (
    <li className="board-chair">
      <h3>
        <button type="button" onClick={() => onOpen(c)} disabled={!c.patientId}>
          {title}
        </button>
      </h3>
      {c.drugs.length > 0 ? (
        <ul className="board-drugs">
          {c.drugs.map((d) => (
            <DrugLine key={d.administration} d={d} now={now} day={day} />
          ))}
        </ul>
      ) : (
        <p>Nothing running now.</p>
      )}
      {c.needs.length > 0 ? (
        <div className="board-needs">
          <p>Still needed for billing:</p>
          <ul>
            {c.needs.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="board-ok">Nothing more needed for billing yet.</p>
      )}
      {c.warnings.length > 0 ? (
        <ul className="board-warnings" aria-label={`Missing in the record for ${title}`}>
          {c.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** What the board reads; another type the loader could not read is not the board's concern. */
const BOARD_TYPES = new Set(['Encounter', 'MedicationAdministration']);

export interface BoardViewProps {
  onOpen: (chair: BoardChair) => void;
  /** The day shown first (YYYY-MM-DD); default today on this device. */
  initialDay?: string;
}

export function BoardView({ onOpen, initialDay }: BoardViewProps) {
  const gateway = useGateway();
  const [day, setDay] = useState(initialDay ?? todayLocal());
  const [progress, setProgress] = useState<ClinicDayProgress | undefined>(undefined);
  const query = useQuery(boardQuery(gateway, day, setProgress));
  const now = useNow();
  const chairs = useMemo(
    () =>
      query.data
        ? boardChairs({
            resources: query.data.resources,
            encounters: query.data.encounters,
            nowMs: now,
          })
        : undefined,
    [query.data, now],
  );
  const missing = (query.data?.unreadable ?? []).filter((u) => BOARD_TYPES.has(u.resourceType));
  const groups = useMemo(() => {
    const out = new Map<string, BoardChair[]>();
    for (const c of chairs ?? []) {
      const key = c.location ?? 'Infusion location not recorded';
      out.set(key, [...(out.get(key) ?? []), c]);
    }
    return [...out];
  }, [chairs]);
  return (
    <section className="board" aria-labelledby="board-title">
      <h2 id="board-title">Charge nurse board</h2>
      <label className="board-day">
        Day{' '}
        <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
      </label>
      {query.isPending ? (
        <LoadingMessage
          label="Reading the day’s chairs…"
          {...(progress ? { done: progress.done, total: progress.total } : {})}
        />
      ) : query.error ? (
        <ErrorMessage
          title="The board could not be read."
          message={plainErrorMessage(query.error)}
          onRetry={() => void query.refetch()}
        />
      ) : groups.length === 0 ? (
        <EmptyMessage>No chair is in progress on {day}.</EmptyMessage>
      ) : (
        groups.map(([location, list]) => (
          <section key={location} aria-label={location}>
            <h2 className="board-location">
              {location}: {list.length} {list.length === 1 ? 'visit' : 'visits'} in progress
            </h2>
            <ul className="board-chairs">
              {list.map((c) => (
                <ChairCard key={c.encounter} c={c} now={now} day={day} onOpen={onOpen} />
              ))}
            </ul>
          </section>
        ))
      )}
      {missing.length > 0 ? (
        <p className="board-note" role="status">
          The board is incomplete: {missing.map((u) => u.reason).join(' ')}
        </p>
      ) : null}
    </section>
  );
}
