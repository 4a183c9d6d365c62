// Every change EveryDose makes to the claim by itself (Z00.6, the trial number, condition code
// 30, billing Original Medicare), listed before sign-off, each with a control to take it off or
// put it back.
import type { AutoChange } from './sign-off-plan.ts';

export interface AutoChangesProps {
  changes: AutoChange[];
  removed: AutoChange[];
  onRemove: (id: string, removed: boolean) => void;
}

export function AutoChanges({ changes, removed, onRemove }: AutoChangesProps) {
  if (changes.length === 0 && removed.length === 0) return null;
  return (
    <div className="auto-changes" role="group" aria-labelledby="auto-changes-title">
      <p id="auto-changes-title">EveryDose changes the claim as follows when you sign off:</p>
      {changes.length > 0 ? (
        <ul>
          {changes.map((c) => (
            <li key={c.id}>
              {c.text}{' '}
              <button type="button" onClick={() => onRemove(c.id, true)}>
                {c.removeLabel}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No automatic changes are left.</p>
      )}
      {removed.length > 0 && (
        <>
          <p>Taken off by you:</p>
          <ul>
            {removed.map((c) => (
              <li key={c.id}>
                {c.text}{' '}
                <button type="button" onClick={() => onRemove(c.id, false)}>
                  Put back: {c.removeLabel.replace(/^Remove /, '')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
