// Edit (units, modifiers) or reject one line; a reason is always required.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { LineDecision } from './decisions.ts';
import { parseModifiers } from './format.ts';

export interface DecisionFormProps {
  mode: 'edit' | 'reject';
  code: string;
  units: number;
  modifiers: readonly string[];
  onDone: (decision: LineDecision) => void;
  onCancel: () => void;
}

export function DecisionForm({
  mode,
  code,
  units,
  modifiers,
  onDone,
  onCancel,
}: DecisionFormProps) {
  const id = useId();
  const [unitText, setUnitText] = useState(String(units));
  const [modText, setModText] = useState(modifiers.join(' '));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ units?: string; reason?: string }>({});
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const unitsRef = useRef<HTMLInputElement>(null);
  // Opening the form moves focus into it (keyboard and screen-reader users).
  useEffect(() => {
    (mode === 'edit' ? unitsRef.current : reasonRef.current)?.focus();
  }, [mode]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    const n = Number(unitText);
    if (mode === 'edit' && !(Number.isInteger(n) && n > 0)) {
      next.units = 'Units must be a whole number above 0.';
    }
    if (reason.trim() === '') {
      next.reason =
        mode === 'edit' ? 'Give a reason for the change.' : 'Give a reason for rejecting.';
    }
    setErrors(next);
    if (next.units) return unitsRef.current?.focus();
    if (next.reason) return reasonRef.current?.focus();
    onDone(
      mode === 'edit'
        ? { kind: 'edited', units: n, modifiers: parseModifiers(modText), reason: reason.trim() }
        : { kind: 'rejected', reason: reason.trim() },
    );
  }

  const title = mode === 'edit' ? `Change ${code}` : `Reject ${code}`;
  return (
    <form className="decision-form" aria-label={title} onSubmit={submit} noValidate>
      {mode === 'edit' && (
        <>
          <label htmlFor={`${id}-units`}>Units</label>
          <input
            id={`${id}-units`}
            ref={unitsRef}
            inputMode="numeric"
            value={unitText}
            onChange={(e) => setUnitText(e.target.value)}
            aria-invalid={errors.units ? true : undefined}
            aria-describedby={errors.units ? `${id}-units-error` : undefined}
          />
          {errors.units && (
            <p id={`${id}-units-error`} className="field-error">
              {errors.units}
            </p>
          )}
          <label htmlFor={`${id}-mods`}>Modifiers (separated by spaces)</label>
          <input id={`${id}-mods`} value={modText} onChange={(e) => setModText(e.target.value)} />
        </>
      )}
      <label htmlFor={`${id}-reason`}>Reason (required)</label>
      <textarea
        id={`${id}-reason`}
        ref={reasonRef}
        value={reason}
        required
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={errors.reason ? `${id}-reason-error` : undefined}
      />
      {errors.reason && (
        <p id={`${id}-reason-error`} className="field-error">
          {errors.reason}
        </p>
      )}
      <div className="form-actions">
        <button type="submit">{mode === 'edit' ? 'Save change' : 'Reject line'}</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
