// The visit total and "Accept all lines without warnings" (lines some warning concerns are left
// for the coder to decide one by one). Says what the bulk accept did.
import { useState } from 'react';
import { centsText } from './format.ts';
import type { VisitTotal } from './visit-total.ts';

export interface VisitSummaryProps {
  total: VisitTotal;
  acceptable: string[];
  onAcceptAll: (keys: string[]) => void;
}

const lines = (n: number) => (n === 1 ? '1 line' : `${n} lines`);

export function VisitSummary({ total, acceptable, onAcceptAll }: VisitSummaryProps) {
  const [done, setDone] = useState('');
  return (
    <div className="visit-summary">
      <p className="visit-total">
        <strong>Visit total: {centsText(total.total)}</strong>
        {total.unpriced > 0 && ` (${lines(total.unpriced)} without a price not counted)`}
      </p>
      <button
        type="button"
        disabled={acceptable.length === 0}
        onClick={() => {
          onAcceptAll(acceptable);
          setDone(`Accepted ${lines(acceptable.length)} without warnings.`);
        }}
      >
        Accept all lines without warnings
      </button>
      <p className="visit-summary-status" aria-live="polite">
        {done}
      </p>
    </div>
  );
}
