// Loading, empty and error states in plain words.
import type { ReactNode } from 'react';

export function LoadingMessage({
  label,
  done,
  total,
}: {
  label: string;
  done?: number;
  total?: number;
}) {
  const known = total !== undefined && total > 0;
  return (
    <div className="status loading" role="status" aria-live="polite">
      <p>{label}</p>
      <progress
        aria-label={label}
        {...(known ? { max: total, value: Math.min(done ?? 0, total) } : {})}
      />
      {known ? (
        <p className="progress-text">
          {Math.min(done ?? 0, total)} of {total} requests answered
        </p>
      ) : null}
    </div>
  );
}

export function ErrorMessage({
  title,
  message,
  onRetry,
}: {
  title: string;
  message: string;
  onRetry?: () => void;
}) {
  return (
    <div className="status error" role="alert">
      <p>
        <strong>{title}</strong>
      </p>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyMessage({ children }: { children: ReactNode }) {
  return (
    <div className="status empty" role="status">
      <p>{children}</p>
    </div>
  );
}
