// What a card says about its record, by the engine's kind of service (issue 15 §5): an
// injection is given at one time at a site, a pump runs from its start to a planned
// disconnect, a port flush and a disconnect are done at one time. Plain words, no codes.
import { STATUS_TEXT, type AdministrationRow } from '../../fhir/map/chair-model.ts';
import { dateOf, dayClockText, hoursMinutesText } from './chair-text.ts';
import { formatClock } from './local-time.ts';

/** The card's status word: an injection that is done was given. */
export function statusWords(row: AdministrationRow): string {
  if (row.kind === 'injection' && row.status === 'done') return 'Given';
  return STATUS_TEXT[row.status];
}

/** Minutes from the pump's start to `to`; undefined when either is unknown. */
export function pumpMinutes(row: AdministrationRow, to: Date | undefined): number | undefined {
  const start = dateOf(row.start);
  if (!start || !to) return undefined;
  return (to.getTime() - start.getTime()) / 60_000;
}

/** The planned disconnect instant (start + the order's running time), or undefined. */
export function plannedDisconnect(row: AdministrationRow): Date | undefined {
  const start = dateOf(row.start);
  if (!start || row.plannedMinutes === undefined) return undefined;
  return new Date(start.getTime() + row.plannedMinutes * 60_000);
}

function PumpFacts({ row, now }: { row: AdministrationRow; now: Date }) {
  const planned = plannedDisconnect(row);
  const end = dateOf(row.end);
  const ran = pumpMinutes(row, end ?? now);
  return (
    <>
      <span>Pump</span>
      <span>Started {dayClockText(row.start) ?? 'not recorded'}</span>
      <span>
        Planned disconnect{' '}
        {planned && row.plannedMinutes !== undefined
          ? `${dayClockText(planned.toISOString()) ?? ''} (${hoursMinutesText(row.plannedMinutes)})`
          : 'not known (the order gives no running time)'}
      </span>
      {end ? <span>Disconnected {dayClockText(row.end)}</span> : null}
      {ran !== undefined && ran > 0 && (
        <span>
          {end ? 'Ran' : 'Running for'} {hoursMinutesText(ran)}
        </span>
      )}
    </>
  );
}

export function ServiceFacts({ row, now }: { row: AdministrationRow; now: Date }) {
  const at = formatClock(row.start) ?? 'not recorded';
  switch (row.kind) {
    case 'injection':
      return (
        <>
          <span>Injection{row.routeWords ? `, ${row.routeWords}` : ''}</span>
          <span>Site {row.site ?? 'not recorded'}</span>
          <span>Given {at}</span>
        </>
      );
    case 'port-flush':
      return (
        <>
          <span>Port flush</span>
          <span>Done {at}</span>
        </>
      );
    case 'pump-disconnect':
      return (
        <>
          <span>Pump disconnect</span>
          <span>Disconnected {dayClockText(row.start) ?? 'not recorded'}</span>
        </>
      );
    case 'pump-refill':
      return (
        <>
          <span>Pump refill</span>
          <span>Done {at}</span>
        </>
      );
    case 'pump-start':
      return <PumpFacts row={row} now={now} />;
    case 'infusion':
    case 'push':
    case 'not-coded-route':
    case 'unknown-route':
      return null;
  }
}

/** Kinds shown with their own facts instead of "Started … Stopped …". */
export function hasOwnFacts(row: AdministrationRow): boolean {
  return ['injection', 'port-flush', 'pump-disconnect', 'pump-refill', 'pump-start'].includes(
    row.kind,
  );
}

/** Recorded at one instant: never asked for a stop time (R21.10). */
export function isOneInstant(row: AdministrationRow): boolean {
  return ['injection', 'port-flush', 'pump-disconnect', 'pump-refill'].includes(row.kind);
}
