// Add a line by hand (a service the data does not show); a reason is required.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { AddedLine } from './decisions.ts';
import { parseModifiers } from './format.ts';

const CODE = /^([0-9]{4}[0-9FTU]|[A-Z][0-9]{4})$/;

export function AddLineForm({ onAdd }: { onAdd: (line: Omit<AddedLine, 'id'>) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [units, setUnits] = useState('1');
  const [mods, setMods] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add a line
      </button>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    const n = Number(units);
    const problem = !CODE.test(c)
      ? 'Enter a CPT code (5 characters, e.g. 96413) or a HCPCS code (a letter and 4 digits, e.g. J9271).'
      : !(Number.isInteger(n) && n > 0)
        ? 'Units must be a whole number above 0.'
        : reason.trim() === ''
          ? 'Give a reason for adding this line.'
          : null;
    setError(problem);
    if (problem) return codeRef.current?.focus();
    onAdd({ code: c, units: n, modifiers: parseModifiers(mods), reason: reason.trim() });
    setCode('');
    setUnits('1');
    setMods('');
    setReason('');
    setOpen(false);
  }

  return (
    <form aria-label="Add a line" onSubmit={submit} noValidate className="add-line-form">
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
      <label htmlFor={`${id}-code`}>Code</label>
      <input
        id={`${id}-code`}
        ref={codeRef}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-units`}>Units</label>
      <input
        id={`${id}-units`}
        inputMode="numeric"
        value={units}
        onChange={(e) => setUnits(e.target.value)}
      />
      <label htmlFor={`${id}-mods`}>Modifiers (separated by spaces)</label>
      <input id={`${id}-mods`} value={mods} onChange={(e) => setMods(e.target.value)} />
      <label htmlFor={`${id}-reason`}>Reason (required)</label>
      <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="form-actions">
        <button type="submit">Add line</button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
