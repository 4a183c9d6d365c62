// The corrections made to a record's times, read back from its notes (issue 14 §1): the card
// shows what was changed, from what, to what, and why.
import {
  readCorrections,
  type AdministrationRecord,
} from '../../fhir/write/medication-administration.ts';
import { formatClock } from './local-time.ts';

export function CorrectionList({ resource }: { resource: AdministrationRecord }) {
  const corrections = readCorrections(resource);
  if (corrections.length === 0) return null;
  return (
    <ul aria-label="Corrections" className="chair-corrections">
      {corrections.map((c, i) => (
        <li key={i}>
          {c.field === 'start' ? 'Start' : 'Stop'} time corrected from{' '}
          {formatClock(c.previous) ?? 'not recorded'} to {formatClock(c.at) ?? 'not recorded'}.
          Reason: {c.reason}
        </li>
      ))}
    </ul>
  );
}
