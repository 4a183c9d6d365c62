// One derived line as a row of the coder's compact table (issue 17 §5): the code with its words,
// modifiers in words, units, price, the decision and Accept / Edit / Reject; the evidence in
// words behind "Evidence" (aria-expanded). The row is an article named by its code (and drug)
// so every check that finds a line by name still does.
import { CodeWordsAfter } from '../../components/code-text.tsx';
import type { LoadedResources } from '../../fhir/load/billing-picture.ts';
import { useEffect, useId, useRef, useState } from 'react';
import type { DerivedLine } from '../../engine/index.ts';
import { modifiersInWords } from './code-words.ts';
import { DecisionForm } from './decision-form.tsx';
import type { LineDecision } from './decisions.ts';
import { lineDomId, linePriceText, modifiersText } from './format.ts';
import { LineEvidence } from './line-evidence.tsx';

export interface LineRowProps {
  line: DerivedLine;
  lineKey: string;
  /** The code's plain words (code-words.ts). */
  words: string;
  decision: LineDecision | undefined;
  onDecide: (decision: LineDecision) => void;
  onUndo: () => void;
  resources?: LoadedResources;
  /** What the records show and what NCCI edits mean for this line, in words. */
  inWords?: readonly string[] | undefined;
  /** Issue 17 §4: this patient's earlier denials of the same code, in words. */
  deniedBefore?: readonly string[] | undefined;
}

function decisionText(d: LineDecision | undefined): string {
  if (!d) return 'No decision yet';
  if (d.kind === 'accepted') return 'Accepted';
  if (d.kind === 'rejected') return `Rejected: ${d.reason}`;
  const units = d.units === 1 ? '1 unit' : `${d.units} units`;
  // The coder's own modifiers, as typed.
  return `Changed to ${units}, ${modifiersText(d.modifiers)}: ${d.reason}`;
}

export function LineRow({
  line,
  lineKey,
  words,
  decision,
  onDecide,
  onUndo,
  resources,
  inWords,
  deniedBefore,
}: LineRowProps) {
  const evidenceId = useId();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'edit' | 'reject' | null>(null);
  // Keyboard users land back on the button that opened the form once it closes.
  const [returnTo, setReturnTo] = useState<'edit' | 'reject' | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const rejectRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (mode !== null || returnTo === null) return;
    (returnTo === 'edit' ? editRef : rejectRef).current?.focus();
    setReturnTo(null);
  }, [mode, returnTo]);
  const close = () => {
    setReturnTo(mode);
    setMode(null);
  };
  const title = line.drugName ? `${line.code} ${line.drugName}` : line.code;
  return (
    <article
      id={lineDomId(lineKey)}
      className={`line-row decision-${decision?.kind ?? 'none'}`}
      aria-label={title}
      tabIndex={-1}
    >
      <div className="line-cells">
        <div className="line-code">
          <span className="code">{line.code}</span> <span className="code-words">{words}</span>
          {line.modifiers.length > 0 && (
            <span className="line-modifiers">{modifiersInWords(line.modifiers)}</span>
          )}
        </div>
        <div className="line-units">
          <span className="visually-hidden">Units </span>
          <span>{line.units}</span>
        </div>
        <div className="line-price">
          <span className="visually-hidden">Price </span>
          <span>{linePriceText(line)}</span>
        </div>
        <div className="line-status">
          <p className="decision-status" aria-live="polite">
            {decisionText(decision)}
          </p>
          {decision && !mode && (
            <button type="button" className="link-button" onClick={onUndo}>
              Clear decision
            </button>
          )}
        </div>
        <div className="line-actions">
          {!mode && (
            <>
              <button
                type="button"
                className={decision ? undefined : 'primary'}
                onClick={() => onDecide({ kind: 'accepted' })}
              >
                Accept
              </button>
              <button type="button" ref={editRef} onClick={() => setMode('edit')}>
                Edit
              </button>
              <button type="button" ref={rejectRef} onClick={() => setMode('reject')}>
                Reject
              </button>
            </>
          )}
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-controls={evidenceId}
            onClick={() => setOpen((v) => !v)}
          >
            Evidence
          </button>
        </div>
      </div>
      {deniedBefore && deniedBefore.length > 0 && (
        <ul className="denied-before">
          {deniedBefore.map((note) => (
            <li key={note}>
              <span>{note}</span>
              <CodeWordsAfter text={note} />
            </li>
          ))}
        </ul>
      )}
      <div id={evidenceId} hidden={!open}>
        {open && <LineEvidence line={line} inWords={inWords} resources={resources ?? []} />}
      </div>
      {mode && (
        <DecisionForm
          mode={mode}
          code={line.code}
          units={line.units}
          modifiers={line.modifiers}
          onCancel={close}
          onDone={(d) => {
            close();
            onDecide(d);
          }}
        />
      )}
    </article>
  );
}
