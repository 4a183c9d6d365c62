// Document waste on a finished single-dose drug (issue 14 §2): the containers opened start from
// what the record documents (the administration, a dispense, the order, the Medication), else
// from nothing, with the least-waste choice offered as a suggestion the nurse taps to accept
// (drug-wastage R-17, R-18). A summary line states exactly what "Save waste" writes; entries
// that cannot be true are refused in words. NDCs are picked from the drug's known products;
// "Other NDC" is the last resort, with a format check (R-29).
import type Decimal from 'decimal.js';
import { useId, useMemo, useState } from 'react';
import type { ContainerOpened, WasteFigures, WasteFiguresResult } from '../../engine/index.ts';
import type {
  ContainerSource,
  DocumentedContainers,
} from '../../fhir/map/documented-containers.ts';
import type {
  DiscardedAmount,
  OpenedContainer,
} from '../../fhir/write/medication-administration.ts';
import { formatNdc, ndcProblem, normalizeNdc } from '../../reference/ndc.ts';
import type { Presentation } from '../../reference/types.ts';
import { checkWaste, productWords, suggestionWords, unitWord, type FormRow } from './waste-form.ts';

export interface WastePanelProps {
  drugName: string;
  doseLabel: string | undefined;
  /** The drug's known products; undefined while the drug data loads. */
  products: readonly Presentation[] | undefined;
  documented: DocumentedContainers | undefined;
  /** The amount discarded already on the record (changing documented waste). */
  recorded: DiscardedAmount | undefined;
  suggestion: WasteFigures | undefined;
  figures: (containers: ContainerOpened[]) => WasteFiguresResult;
  dose: { value: Decimal; unit: string } | undefined;
  onSave: (containers: OpenedContainer[], discarded: DiscardedAmount) => void;
  onCancel: () => void;
}

const SOURCE_WORDS: Record<ContainerSource, string> = {
  administration: 'as documented on this administration',
  dispense: 'as dispensed by the pharmacy',
  order: 'as ordered',
  medication: "as listed in the drug's ingredients",
};

function setCount(rows: readonly FormRow[], ndc11: string, count: number): FormRow[] {
  const n = Math.max(0, Math.trunc(count) || 0);
  if (rows.some((r) => r.ndc11 === ndc11)) {
    return rows.map((r) => (r.ndc11 === ndc11 ? { ...r, count: n } : r));
  }
  return [...rows, { ndc11, count: n }];
}

export function WastePanel(props: WastePanelProps) {
  const { drugName, products, documented, suggestion, onSave, onCancel } = props;
  const id = useId();
  const [rows, setRows] = useState<FormRow[]>(() =>
    (documented?.containers ?? []).map((c) => ({
      ndc11: c.ndc11,
      count: c.count,
      ...(c.unreadable !== undefined ? { unreadable: c.unreadable } : {}),
    })),
  );
  const [discardedText, setDiscardedText] = useState<string | undefined>(() =>
    props.recorded ? String(props.recorded.value) : undefined,
  );
  const [other, setOther] = useState<string | undefined>();
  const [otherProblem, setOtherProblem] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);

  const byNdc = useMemo(
    () => new Map((products ?? []).map((p) => [p.ndc11, p] as const)),
    [products],
  );
  // Known products first, then any container listed that the drug data does not know.
  const options = [
    ...(products ?? []).map((p) => p.ndc11),
    ...rows.map((r) => r.ndc11).filter((n) => !byNdc.has(n)),
  ];
  const countOf = (ndc11: string) => rows.find((r) => r.ndc11 === ndc11)?.count ?? 0;
  const listed = rows.filter((r) => r.count > 0 && r.unreadable === undefined);
  const result = props.figures(listed.map((r) => ({ ndc11: r.ndc11, count: r.count })));
  const check = checkWaste({
    rows,
    discardedText,
    figures: result,
    products: byNdc,
    dose: props.dose,
  });
  const unit = result.ok ? result.figures.unit : props.dose?.unit;
  const shownDiscarded =
    discardedText ??
    (result.ok && !result.figures.leftOver.isNegative() ? result.figures.leftOver.toString() : '');
  const empty = rows.every((r) => r.count === 0);
  const loading = products === undefined;

  const change = (next: FormRow[]) => {
    setRows(next);
    setConfirming(false);
  };

  const addOther = () => {
    const text = other ?? '';
    const problem = ndcProblem(text, (n) => byNdc.has(n));
    const ndc11 = normalizeNdc(text, (n) => byNdc.has(n));
    if (problem || !ndc11) {
      setOtherProblem(problem);
      return;
    }
    change(setCount(rows, ndc11, countOf(ndc11) + 1));
    setOther(undefined);
    setOtherProblem(undefined);
  };

  const save = () => {
    if (loading || !check.save || check.refusals.length > 0) return;
    if (check.confirm.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    onSave(check.save.containers, check.save.discarded);
  };

  return (
    <div className="chair-panel" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>Waste for {drugName}</strong>
        {props.doseLabel ? ` (dose given: ${props.doseLabel})` : ''}
      </p>
      {documented && <p>Containers {SOURCE_WORDS[documented.source]}.</p>}
      {products === undefined && <p>Loading the drug&apos;s products…</p>}
      {!documented && suggestion && empty && (
        <p>
          {suggestionWords(suggestion, byNdc)} —{' '}
          <button
            type="button"
            onClick={() => {
              change(suggestion.containers.map((c) => ({ ndc11: c.ndc11, count: c.count })));
              setDiscardedText(undefined);
            }}
          >
            Use this
          </button>
        </p>
      )}
      <fieldset>
        <legend>Containers opened</legend>
        {options.length === 0 && products !== undefined && (
          <p>The drug data lists no single-dose products for this drug.</p>
        )}
        {options.map((ndc11) => {
          const row = rows.find((r) => r.ndc11 === ndc11);
          const name = row?.unreadable
            ? `NDC "${row.unreadable}" (cannot be read)`
            : `${productWords(ndc11, byNdc)}${byNdc.has(ndc11) ? ` (NDC ${formatNdc(ndc11)})` : ' (not in the drug data)'}`;
          const count = countOf(ndc11);
          return (
            <div key={ndc11} className="chair-actions">
              <label>
                <span>{name}</span> number opened
                <input
                  type="number"
                  min={0}
                  inputMode="numeric"
                  aria-label={`Number opened, ${name}`}
                  value={count}
                  onChange={(e) => change(setCount(rows, ndc11, Number(e.target.value)))}
                />
              </label>
              <button
                type="button"
                aria-label={`One fewer, ${name}`}
                onClick={() => change(setCount(rows, ndc11, count - 1))}
              >
                −
              </button>
              <button
                type="button"
                aria-label={`One more, ${name}`}
                onClick={() => change(setCount(rows, ndc11, count + 1))}
              >
                +
              </button>
            </div>
          );
        })}
        {other === undefined ? (
          <button type="button" onClick={() => setOther('')}>
            Other NDC
          </button>
        ) : (
          <div className="chair-actions">
            <label>
              Other NDC (as printed on the carton)
              <input
                value={other}
                aria-invalid={otherProblem !== undefined}
                aria-describedby={otherProblem ? `${id}-other` : undefined}
                onChange={(e) => {
                  setOther(e.target.value);
                  setOtherProblem(undefined);
                }}
              />
            </label>
            <button type="button" onClick={addOther}>
              Add container
            </button>
            {otherProblem && <p id={`${id}-other`}>{otherProblem}</p>}
          </div>
        )}
      </fieldset>
      <label htmlFor={`${id}-discarded`}>
        Amount discarded{unit ? ` (${unitWord(unit)})` : ''}
        <input
          id={`${id}-discarded`}
          inputMode="decimal"
          value={shownDiscarded}
          onChange={(e) => {
            setDiscardedText(e.target.value);
            setConfirming(false);
          }}
        />
      </label>
      {check.summary && (
        <p role="status" aria-labelledby={`${id}-will`}>
          <strong id={`${id}-will`}>Will be saved:</strong> {check.summary}
        </p>
      )}
      {check.refusals.length > 0 && !empty && (
        <ul aria-label="Cannot be saved">
          {check.refusals.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {confirming && (
        <div className="chair-warning" role="alert">
          <p>
            <strong>Please check before saving:</strong>
          </p>
          <ul>
            {check.confirm.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="chair-actions">
        <button
          type="button"
          className="primary"
          onClick={save}
          disabled={loading || check.save === undefined || check.refusals.length > 0}
        >
          {confirming ? 'Save waste anyway' : 'Save waste'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
