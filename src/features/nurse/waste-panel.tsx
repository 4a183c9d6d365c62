// Document waste on a finished single-dose drug: the containers opened (product and count)
// and the amount discarded, pre-filled from the least-waste selection (drug-wastage R-17).
import { useId, useState } from 'react';
import type {
  OpenedContainer,
  DiscardedAmount,
} from '../../fhir/write/medication-administration.ts';
import { amountText } from './chair-text.ts';
import { formatNdc } from './ndc.ts';
import type { WasteChoice } from './waste-estimate.ts';

export interface WastePanelProps {
  drugName: string;
  doseLabel: string | undefined;
  initialContainers: OpenedContainer[];
  initialDiscarded: DiscardedAmount;
  choices: WasteChoice[];
  /** What the containers listed leave over after the dose, when it can be worked out. */
  expected: (containers: OpenedContainer[]) => DiscardedAmount | undefined;
  onSave: (containers: OpenedContainer[], discarded: DiscardedAmount) => void;
  onCancel: () => void;
}

function choiceText(c: WasteChoice): string {
  return `${amountText(Number(c.amount.value), c.amount.unit)} container (${formatNdc(c.ndc11)})`;
}

export function WastePanel(props: WastePanelProps) {
  const { drugName, choices, expected, onSave, onCancel } = props;
  const id = useId();
  const [rows, setRows] = useState<OpenedContainer[]>(() =>
    props.initialContainers.length > 0
      ? props.initialContainers
      : [{ ndc: choices[0]?.ndc11 ?? '', count: 1 }],
  );
  const [discarded, setDiscarded] = useState(String(props.initialDiscarded.value));
  const unit = props.initialDiscarded.unit;
  const [confirming, setConfirming] = useState<string[] | undefined>();
  const exp = expected(rows);
  const amount = Number(discarded);

  const problems = (): string[] => {
    const out: string[] = [];
    if (exp && exp.value < 0) out.push('The containers listed hold less than the dose given.');
    else if (exp && Number.isFinite(amount) && amount !== exp.value) {
      out.push(
        `The amount discarded is not the containers' content minus the dose (${amountText(exp.value, exp.unit)}).`,
      );
    }
    return out;
  };

  const change = (i: number, patch: Partial<OpenedContainer>) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setConfirming(undefined);
  };

  const valid =
    rows.some((r) => r.count > 0 && r.ndc.trim() !== '') &&
    discarded.trim() !== '' &&
    Number.isFinite(amount) &&
    amount >= 0;

  const save = () => {
    if (!valid) return;
    const p = problems();
    if (p.length > 0 && !confirming) {
      setConfirming(p);
      return;
    }
    onSave(
      rows
        .filter((r) => r.count > 0 && r.ndc.trim() !== '')
        .map((r) => ({ ...r, ndc: r.ndc.trim() })),
      { value: amount, unit },
    );
  };

  return (
    <div className="chair-panel" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>Waste for {drugName}</strong>
        {props.doseLabel ? ` (dose given: ${props.doseLabel})` : ''}
      </p>
      {rows.map((r, i) => (
        <div key={i} className="chair-actions">
          {choices.length > 0 ? (
            <label>
              Container
              <select value={r.ndc} onChange={(e) => change(i, { ndc: e.target.value })}>
                {choices.map((c) => (
                  <option key={c.ndc11} value={c.ndc11}>
                    {choiceText(c)}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <label>
              Product NDC
              <input value={r.ndc} onChange={(e) => change(i, { ndc: e.target.value })} />
            </label>
          )}
          <label>
            Number opened
            <input
              type="number"
              min={0}
              inputMode="numeric"
              value={r.count}
              onChange={(e) =>
                change(i, { count: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })
              }
            />
          </label>
          <button
            type="button"
            aria-label={`One fewer, container ${i + 1}`}
            onClick={() => change(i, { count: Math.max(0, r.count - 1) })}
          >
            −
          </button>
          <button
            type="button"
            aria-label={`One more, container ${i + 1}`}
            onClick={() => change(i, { count: r.count + 1 })}
          >
            +
          </button>
        </div>
      ))}
      {choices.length > 1 && (
        <div>
          <button
            type="button"
            onClick={() => setRows((rs) => [...rs, { ndc: choices[0]?.ndc11 ?? '', count: 1 }])}
          >
            Add another container size
          </button>
        </div>
      )}
      <label htmlFor={`${id}-discarded`}>
        Amount discarded ({unit})
        <input
          id={`${id}-discarded`}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          value={discarded}
          onChange={(e) => {
            setDiscarded(e.target.value);
            setConfirming(undefined);
          }}
        />
      </label>
      {exp && exp.value >= 0 && (
        <p>Expected from the containers and dose: {amountText(exp.value, exp.unit)}.</p>
      )}
      {confirming && (
        <div className="chair-warning" role="alert">
          <p>
            <strong>Please check before saving:</strong>
          </p>
          <ul>
            {confirming.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="chair-actions">
        <button type="button" className="primary" onClick={save} disabled={!valid}>
          {confirming ? 'Save waste anyway' : 'Save waste'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
