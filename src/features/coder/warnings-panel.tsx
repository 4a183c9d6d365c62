// Warnings grouped by severity, each linked to the lines and resources it concerns. Errors
// must be resolved before sign-off: acknowledged with a note, or their line rejected/edited.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { CodeText } from '../../components/code-text.tsx';
import type { DerivedLine, EncounterResult, Severity, Warning } from '../../engine/index.ts';
import type { ReferenceData } from '../../reference/types.ts';
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
  /** The plain words of a line's code, shown beside each line a warning links to. */
  wordsOf?: ((line: DerivedLine) => string) | undefined;
  /** For the words of drug codes named in a message (issue 17 §5). */
  reference?: ReferenceData | undefined;
}

/** More lines than this fold behind "N lines" (issue 17 §5: the page stays short). */
const INLINE_LINES = 3;
/** A longer message shows its first two lines until "Read it all". */
const LONG_MESSAGE = 240;

function LineLinks({
  lines,
  wordsOf,
}: {
  lines: DerivedLine[];
  wordsOf: ((line: DerivedLine) => string) | undefined;
}) {
  return lines.map((l, i) => (
    <span key={lineKey(l)}>
      {i > 0 && ', '}
      <a href={`#${lineDomId(lineKey(l))}`}>{[l.code, ...l.modifiers].join(' ')}</a>
      {wordsOf && <span className="link-words"> ({wordsOf(l)})</span>}
    </span>
  ));
}

/** A disclosure (button with aria-expanded) around content shown on demand. */
function Disclosure({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="link-button disclosure"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {label}
      </button>
      <span id={id} hidden={!open}>
        {open && children}
      </span>
    </>
  );
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

function WarningItem(props: WarningsPanelProps & { warning: Warning }) {
  const { result, state, warning, onAcknowledge, wordsOf } = props;
  const key = warningKey(warning);
  const note = state.acknowledged[key];
  const resolved = warningResolved(result, state, warning);
  const byFix = !note && resolvedByFix(result, state, warning);
  const lines = linesConcerned(result, warning);
  const [whole, setWhole] = useState(false);
  const long = warning.message.length > LONG_MESSAGE;
  return (
    <li className={`warning severity-${warning.severity}`}>
      <div className="warning-body">
        <p className={long && !whole ? 'warning-message clamped' : 'warning-message'}>
          <strong>
            <CodeText
              text={warning.message}
              reference={props.reference}
              dos={result.dateOfService}
            />
          </strong>{' '}
          {warning.amountAtStake !== undefined && (
            <span>({money(warning.amountAtStake)} at stake)</span>
          )}
        </p>
        {lines.length > 0 && lines.length <= INLINE_LINES && (
          <p>
            Lines: <LineLinks lines={lines} wordsOf={wordsOf} />
          </p>
        )}
        <p className="warning-more">
          {long && (
            <button
              type="button"
              className="link-button"
              aria-expanded={whole}
              onClick={() => setWhole((v) => !v)}
            >
              Read it all
            </button>
          )}
          {lines.length > INLINE_LINES && (
            <Disclosure label={`${lines.length} lines`}>
              {' '}
              <LineLinks lines={lines} wordsOf={wordsOf} />
            </Disclosure>
          )}
          {warning.sources.length > 0 && (
            <Disclosure label="Show record ids">
              {' '}
              Records: {warning.sources.map(sourceText).join(', ')}
            </Disclosure>
          )}
        </p>
      </div>
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
