// The facts that make a running infusion stand out at the chair (issue 17 §5): running time from
// the recorded start (the injected clock re-renders it), and the planned end with a progress bar
// and its text equivalent only where the order gives a rate and a volume.
import type { AdministrationRow } from '../../fhir/map/chair-model.ts';
import { elapsedMinutes, elapsedText, planText } from './running-text.ts';

export function RunningFacts({ row, now }: { row: AdministrationRow; now: Date }) {
  const active = row.status === 'running' || row.status === 'paused';
  if (!active || !row.isInfusion) return null;
  const ran = elapsedMinutes(row.start, now);
  const plan = planText(row.plan, row.start, now);
  return (
    <div className="chair-running">
      {ran !== undefined ? (
        <p className="chair-elapsed">
          {row.status === 'running'
            ? `Running for ${elapsedText(ran)}`
            : `Started ${elapsedText(ran)} ago`}
        </p>
      ) : null}
      {plan.known ? (
        <>
          <p>
            {plan.text.end}
            {plan.text.overdue ? `. ${plan.text.overdue}` : ''}
          </p>
          <p className="chair-progress">
            <progress
              max={100}
              value={plan.text.percent}
              aria-label={`Progress of ${row.drug.name}`}
            >
              {plan.text.percent}%
            </progress>{' '}
            <span>{plan.text.progress}</span>
          </p>
        </>
      ) : (
        <p>{plan.text}</p>
      )}
    </div>
  );
}
