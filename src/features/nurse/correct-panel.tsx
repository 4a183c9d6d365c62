// "Correct time" on a recorded start or stop (issue 14 §1): which time, the corrected time, a
// reason. The same checks as any entry (a stop before its start is refused; another day, the
// future or more than 12 hours asks first). Saved as a new version of the record with the
// reason in a note, and a Provenance naming the nurse (pending-sender.ts).
import { useId, useState } from 'react';
import type { TimeCorrection } from '../../fhir/write/medication-administration.ts';
import { dateOf } from './chair-text.ts';
import { toIsoWithOffset } from './local-time.ts';
import type { TimeWarning } from './time-checks.ts';
import { TimePanel } from './time-panel.tsx';

export interface CorrectPanelProps {
  drugName: string;
  /** The recorded start and stop, ISO. */
  start: string | undefined;
  end: string | undefined;
  /** 'Practitioner/<id>' of the nurse; undefined: the EHR did not say who she is. */
  author: string | undefined;
  now: () => Date;
  check: (field: 'start' | 'stop') => (at: Date) => TimeWarning[];
  describe: (field: 'start' | 'stop') => (at: Date) => string | undefined;
  onSave: (change: TimeCorrection) => void;
  onCancel: () => void;
}

export function CorrectPanel(props: CorrectPanelProps) {
  const { start, end, author, onCancel } = props;
  const id = useId();
  const fields = [
    ...(start && dateOf(start) ? (['start'] as const) : []),
    ...(end && dateOf(end) ? (['stop'] as const) : []),
  ];
  const [field, setField] = useState<'start' | 'stop' | undefined>(fields.at(-1));
  if (!author) {
    return (
      <div className="chair-panel" role="alert">
        <p>
          The record system did not say who you are, so a correction cannot name you. Open the app
          again from the EHR to correct this time.
        </p>
        <button type="button" onClick={onCancel}>
          Close
        </button>
      </div>
    );
  }
  const recorded = field === 'start' ? start : end;
  const initial = dateOf(recorded);
  return (
    <div className="chair-panel">
      {fields.length > 1 && (
        <fieldset>
          <legend>Which time to correct for {props.drugName}</legend>
          {fields.map((f) => (
            <label key={f} htmlFor={`${id}-${f}`}>
              <input
                id={`${id}-${f}`}
                type="radio"
                name={`${id}-field`}
                checked={field === f}
                onChange={() => setField(f)}
              />
              {f === 'start' ? 'Start time' : 'Stop time'}
            </label>
          ))}
        </fieldset>
      )}
      {field && initial && recorded && (
        <TimePanel
          key={field}
          kind={field}
          drugName={props.drugName}
          initial={initial}
          check={props.check(field)}
          describe={props.describe(field)}
          verb="Save corrected"
          reasonLabel="Reason for the correction"
          onSave={() => undefined}
          onSaveReason={(at, reason) =>
            props.onSave({
              kind: 'correct',
              field,
              at: toIsoWithOffset(at),
              previous: recorded,
              reason,
              author,
              recorded: toIsoWithOffset(props.now()),
            })
          }
          onCancel={onCancel}
        />
      )}
    </div>
  );
}
