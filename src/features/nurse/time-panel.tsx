// Pick a time (default: now) for a start or stop, see plain warnings, confirm to proceed.
// A refused time (stop not after start) cannot be saved; a time that needs a confirmation
// says what it records in words first (issue 14 §1).
import { useEffect, useId, useRef, useState } from 'react';
import { atLocalTime, isSameLocalDay, timeInputValue, toIsoWithOffset } from './local-time.ts';
import { isRefused, type TimeWarning } from './time-checks.ts';
import { TimeWarnings } from './time-warnings.tsx';

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
  /** What saving this time records, in words ("This records an infusion of 4 months 2 days."). */
  describe?: (at: Date) => string | undefined;
  /** A required reason (a correction of a recorded time); its text goes with the save. */
  reasonLabel?: string;
  /** Label of the save button's verb ("Save", "Correct"). */
  verb?: string;
  /** What is timed, when not a start or stop time ("disconnect time"). */
  noun?: string;
  onSaveReason?: (at: Date, reason: string) => void;
}

export function TimePanel(props: TimePanelProps) {
  const { kind, drugName, initial, check, onSave, onCancel } = props;
  const id = useId();
  const timeRef = useRef<HTMLInputElement>(null);
  // The button that opened the panel is gone: keyboard focus moves to the time.
  useEffect(() => timeRef.current?.focus(), []);
  const [value, setValue] = useState(() => timeInputValue(initial));
  // Keep seconds when the nurse did not touch the time.
  const picked = value === timeInputValue(initial) ? initial : atLocalTime(initial, value);
  const [confirming, setConfirming] = useState<TimeWarning[] | undefined>(() =>
    props.confirmNow ? check(initial) : undefined,
  );
  const [stoppedEarly, setStoppedEarly] = useState(false);
  const [reason, setReason] = useState('');
  const word = props.noun ?? (kind === 'start' ? 'start time' : 'stop time');
  const verb = props.verb ?? 'Save';
  const needsReason = props.reasonLabel !== undefined;
  const refused = confirming !== undefined && isRefused(confirming);
  const sentence = confirming && !refused && picked ? props.describe?.(picked) : undefined;

  const save = () => {
    if (!picked || (needsReason && reason.trim() === '')) return;
    const warnings = check(picked);
    if (isRefused(warnings) || (warnings.length > 0 && !confirming)) {
      setConfirming(warnings);
      return;
    }
    if (needsReason) props.onSaveReason?.(picked, reason.trim());
    else onSave(picked, stoppedEarly);
  };

  return (
    <div className="chair-panel" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>
          {word.charAt(0).toUpperCase() + word.slice(1)} for {drugName}
        </strong>
      </p>
      <label htmlFor={`${id}-time`}>
        Time
        <input
          id={`${id}-time`}
          ref={timeRef}
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
      {needsReason && (
        <label htmlFor={`${id}-reason`}>
          {props.reasonLabel}
          <input
            id={`${id}-reason`}
            value={reason}
            required
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
      )}
      {kind === 'stop' && !needsReason && props.noun === undefined && (
        <label>
          <input
            type="checkbox"
            checked={stoppedEarly}
            onChange={(e) => setStoppedEarly(e.target.checked)}
          />
          Stopped before the full dose was given
        </label>
      )}
      <TimeWarnings warnings={confirming} refused={refused}>
        {sentence && <p>{sentence} Is that right?</p>}
        {refused && <p>Change the time to save it.</p>}
      </TimeWarnings>
      <div className="chair-actions">
        <button
          type="button"
          className="primary"
          onClick={save}
          disabled={!picked || refused || (needsReason && reason.trim() === '')}
        >
          {confirming && confirming.length > 0 && !refused
            ? `${verb} ${word} anyway`
            : `${verb} ${word}`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
