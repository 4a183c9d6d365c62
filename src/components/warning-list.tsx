// Warnings in plain words, worst first (the caller sorts), each expandable to its evidence.
import { useId, useState } from 'react';
import type { ReferenceData } from '../reference/types.ts';
import { CodeText } from './code-text.tsx';

export type WarningSeverity = 'error' | 'warning' | 'info';

export interface WarningItem {
  key: string;
  severity: WarningSeverity;
  /** One plain sentence, e.g. "Nivolumab: authorization PA-55120 ended 2026-07-29 …". */
  message: string;
  /** Stable code for people who search the docs, e.g. AUTH_EXPIRED. */
  code: string;
  /** Dollars at stake, where known. */
  amountAtStake?: number;
  /** Plain lines: which record, which dates, which units. */
  evidence: string[];
}

export const SEVERITY_WORDS: Record<WarningSeverity, string> = {
  error: 'Must fix',
  warning: 'Check',
  info: 'For information',
};

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** For the words of drug codes in a message (issue 17 §5); without it, the kind of code. */
interface CodeWordsProps {
  reference?: ReferenceData | undefined;
  dos?: string | undefined;
}

function WarningEntry({ item, reference, dos }: { item: WarningItem } & CodeWordsProps) {
  const [open, setOpen] = useState(false);
  const evidenceId = useId();
  return (
    <li className={`warning severity-${item.severity}`}>
      <button
        type="button"
        className="warning-toggle"
        aria-expanded={open}
        aria-controls={evidenceId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="severity-label">{SEVERITY_WORDS[item.severity]}</span>
        <span className="warning-message">
          <CodeText text={item.message} reference={reference} dos={dos} />
        </span>
        {item.amountAtStake !== undefined ? (
          <span className="stake"> ({dollars.format(item.amountAtStake)} at stake)</span>
        ) : null}
      </button>
      <div id={evidenceId} hidden={!open}>
        <ul className="evidence" aria-label="Evidence">
          {item.evidence.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
          <li>Warning code: {item.code}</li>
        </ul>
      </div>
    </li>
  );
}

export function WarningList({
  items,
  label,
  reference,
  dos,
}: { items: WarningItem[]; label: string } & CodeWordsProps) {
  return (
    <ul className="warning-list" aria-label={label}>
      {items.map((item) => (
        <WarningEntry key={item.key} item={item} reference={reference} dos={dos} />
      ))}
    </ul>
  );
}
