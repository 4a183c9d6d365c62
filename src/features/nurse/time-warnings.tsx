// The worded time checks before a nurse's time is saved (issue 14 part 1): one alert listing
// what to check, or why the time cannot be saved. Shared by the time panel and "Given now".
import type { ReactNode } from 'react';
import { TIME_WARNING_TEXT, type TimeWarning } from './time-checks.ts';

export function TimeWarnings({
  warnings,
  refused,
  children,
}: {
  warnings: TimeWarning[] | undefined;
  refused: boolean;
  /** Lines after the list (the resulting duration in words, what to change). */
  children?: ReactNode;
}) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <div className="chair-warning" role="alert">
      <p>
        <strong>{refused ? 'This time cannot be saved:' : 'Please check before saving:'}</strong>
      </p>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{TIME_WARNING_TEXT[w]}</li>
        ))}
      </ul>
      {children}
    </div>
  );
}
