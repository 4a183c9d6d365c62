// Pick a time (default: now) for a start or stop, see plain warnings, confirm to proceed.
import { useId, useState } from 'react';
import { atLocalTime, isSameLocalDay, timeInputValue, toIsoWithOffset } from './local-time.ts';
import { TIME_WARNING_TEXT, type TimeWarning } from './time-checks.ts';

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
});

export interface TimePanelProps {
  kind: 'start' | 'stop';
  drugName: string;
  initial: Date;
  /** Warnings for a candidate time. */
  check: (at: Date) => TimeWarning[];
  onSave: (at: Date, stoppedEarly: boolean) => void;
  onCancel: () => void;
  /** Open straight in "confirm" mode (a one-tap entry that drew warnings). */
  confirmNow?: boolean;
}

export function TimePanel(props: TimePanelProps) {
  const { kind, drugName, initial, check, onSave, onCancel } = props;
  const id = useId();
  const [value, setValue] = useState(() => timeInputValue(initial));
  // Keep seconds when the nurse did not touch the time.
  const picked = value === timeInputValue(initial) ? initial : atLocalTime(initial, value);
  const [confirming, setConfirming] = useState<TimeWarning[] | undefined>(() =>
    props.confirmNow ? check(initial) : undefined,
  );
  const [stoppedEarly, setStoppedEarly] = useState(false);
  const word = kind === 'start' ? 'start' : 'stop';

  const save = () => {
    if (!picked) return;
    const warnings = check(picked);
    if (warnings.length > 0 && !confirming) {
      setConfirming(warnings);
      return;
    }
    onSave(picked, stoppedEarly);
  };

  return (
    <div className="chair-panel" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>
          {kind === 'start' ? 'Start time' : 'Stop time'} for {drugName}
        </strong>
      </p>
      <label htmlFor={`${id}-time`}>
        Time
        <input
          id={`${id}-time`}
          type="time"
          value={value}
          required
          onChange={(e) => {
            setValue(e.target.value);
            setConfirming(undefined);
          }}
        />
      </label>
      {!isSameLocalDay(toIsoWithOffset(initial), new Date()) && (
        <p>On {dayFormat.format(initial)} (the day it started).</p>
      )}
      {!picked && <p className="chair-warning">Enter a time such as 09:45.</p>}
      {kind === 'stop' && (
        <label>
          <input
            type="checkbox"
            checked={stoppedEarly}
            onChange={(e) => setStoppedEarly(e.target.checked)}
          />
          Stopped before the full dose was given
        </label>
      )}
      {confirming && confirming.length > 0 && (
        <div className="chair-warning" role="alert">
          <p>
            <strong>Please check before saving:</strong>
          </p>
          <ul>
            {confirming.map((w) => (
              <li key={w}>{TIME_WARNING_TEXT[w]}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="chair-actions">
        <button type="button" className="primary" onClick={save} disabled={!picked}>
          {confirming && confirming.length > 0 ? `Save ${word} time anyway` : `Save ${word} time`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
