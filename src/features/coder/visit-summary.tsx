// "Accept all lines without warnings" above the lines (lines some warning concerns are left for
// the coder to decide one by one; says what the bulk accept did), and the visit total as the
// last row of the lines table.
import { useState } from 'react';
import { centsText } from './format.ts';
import type { VisitTotal } from './visit-total.ts';

const lines = (n: number) => (n === 1 ? '1 line' : `${n} lines`);

export interface BulkAcceptProps {
  acceptable: string[];
  onAcceptAll: (keys: string[]) => void;
}

export function BulkAccept({ acceptable, onAcceptAll }: BulkAcceptProps) {
  const [done, setDone] = useState('');
  return (
    <div className="bulk-accept">
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

export function VisitTotalRow({ total }: { total: VisitTotal }) {
  return (
    <p className="visit-total">
      <strong>Visit total: {centsText(total.total)}</strong>
      {total.unpriced > 0 && ` (${lines(total.unpriced)} without a price not counted)`}
    </p>
  );
}
