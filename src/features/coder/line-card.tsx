// One derived line: what would be billed, its evidence, and the coder's decision.
import { useEffect, useId, useRef, useState } from 'react';
import type { DerivedLine } from '../../engine/index.ts';
import { DecisionForm } from './decision-form.tsx';
import type { LineDecision } from './decisions.ts';
import { lineDomId, linePriceText, modifiersText } from './format.ts';
import { LineEvidence } from './line-evidence.tsx';

export interface LineCardProps {
  line: DerivedLine;
  lineKey: string;
  decision: LineDecision | undefined;
  onDecide: (decision: LineDecision) => void;
  onUndo: () => void;
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
  return `Changed to ${units}, ${modifiersText(d.modifiers)}: ${d.reason}`;
}

export function LineCard({
  line,
  lineKey,
  decision,
  onDecide,
  onUndo,
  inWords,
  deniedBefore,
}: LineCardProps) {
  const headingId = useId();
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
      className={`line-card decision-${decision?.kind ?? 'none'}`}
      aria-labelledby={headingId}
      tabIndex={-1}
    >
      <h4 id={headingId}>{title}</h4>
      <dl className="line-facts">
        <dt>Units</dt>
        <dd>{line.units}</dd>
        <dt>Modifiers</dt>
        <dd>{modifiersText(line.modifiers)}</dd>
        {line.ndc && (
          <>
            <dt>NDC</dt>
            <dd>
              {line.ndc.code}, {line.ndc.quantity} {line.ndc.unit}
            </dd>
          </>
        )}
        <dt>Amount</dt>
        <dd>{linePriceText(line)}</dd>
      </dl>
      <LineEvidence line={line} inWords={inWords} />
      {deniedBefore && deniedBefore.length > 0 && (
        <ul className="denied-before">
          {deniedBefore.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p className="decision-status" aria-live="polite">
        {decisionText(decision)}
      </p>
      {mode ? (
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
      ) : (
        <div className="line-actions">
          <button type="button" onClick={() => onDecide({ kind: 'accepted' })}>
            Accept
          </button>
          <button type="button" ref={editRef} onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" ref={rejectRef} onClick={() => setMode('reject')}>
            Reject
          </button>
          {decision && (
            <button type="button" onClick={onUndo}>
              Clear decision
            </button>
          )}
        </div>
      )}
    </article>
  );
}
