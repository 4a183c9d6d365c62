// Warnings grouped by severity, each linked to the lines and resources it concerns. Errors
// must be resolved before sign-off: acknowledged with a note, or their line rejected/edited.
import { useId, useState, type FormEvent } from 'react';
import type { EncounterResult, Severity, Warning } from '../../engine/index.ts';
import {
  lineKey,
  linesConcerned,
  warningKey,
  resolvedByFix,
  warningResolved,
  type DecisionState,
} from './decisions.ts';
import { lineDomId, money, sourceText } from './format.ts';

const GROUPS: { severity: Severity; title: string }[] = [
  { severity: 'error', title: 'Errors (must be resolved before sign-off)' },
  { severity: 'warning', title: 'Warnings (money or compliance at risk)' },
  { severity: 'info', title: 'Notes' },
];

export interface WarningsPanelProps {
  result: EncounterResult;
  state: DecisionState;
  onAcknowledge: (warningKey: string, note: string) => void;
}

function AcknowledgeForm({ onSave }: { onSave: (note: string) => void }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    if (note.trim() === '') return setError(true);
    onSave(note.trim());
  }
  return (
    <form onSubmit={submit} noValidate className="ack-form">
      <label htmlFor={id}>Note (required to acknowledge)</label>
      <input
        id={id}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-invalid={error || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          Write a note saying why this is fine.
        </p>
      )}
      <button type="submit">Acknowledge</button>
    </form>
  );
}

function WarningItem({
  result,
  state,
  warning,
  onAcknowledge,
}: WarningsPanelProps & { warning: Warning }) {
  const key = warningKey(warning);
  const note = state.acknowledged[key];
  const resolved = warningResolved(result, state, warning);
  const byFix = !note && resolvedByFix(result, state, warning);
  const lines = linesConcerned(result, warning);
  return (
    <li className={`warning severity-${warning.severity}`}>
      <p>
        <strong>{warning.message}</strong>{' '}
        {warning.amountAtStake !== undefined && (
          <span>({money(warning.amountAtStake)} at stake)</span>
        )}
      </p>
      {lines.length > 0 && (
        <p>
          Lines:{' '}
          {lines.map((l, i) => (
            <span key={lineKey(l)}>
              {i > 0 && ', '}
              <a href={`#${lineDomId(lineKey(l))}`}>{[l.code, ...l.modifiers].join(' ')}</a>
            </span>
          ))}
        </p>
      )}
      {warning.sources.length > 0 && <p>Records: {warning.sources.map(sourceText).join(', ')}</p>}
      {warning.severity === 'error' && (
        <p className="warning-state">{resolved ? 'Resolved' : 'Not resolved'}</p>
      )}
      {note ? (
        <p>Acknowledged: {note}</p>
      ) : byFix ? (
        <p>The suggested fix was accepted; no note is needed.</p>
      ) : (
        warning.severity !== 'info' && <AcknowledgeForm onSave={(n) => onAcknowledge(key, n)} />
      )}
    </li>
  );
}

export function WarningsPanel(props: WarningsPanelProps) {
  const { result } = props;
  if (result.warnings.length === 0) return <p>No warnings for this visit.</p>;
  return (
    <>
      {GROUPS.map(({ severity, title }) => {
        const ws = result.warnings.filter((w) => w.severity === severity);
        if (ws.length === 0) return null;
        return (
          <section key={severity} aria-label={title}>
            <h4>
              {title}: {ws.length}
            </h4>
            <ul>
              {ws.map((w) => (
                <WarningItem key={warningKey(w)} {...props} warning={w} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
