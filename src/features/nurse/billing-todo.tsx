// What billing still needs from the nurse for this visit, from the engine's warnings on the
// derived lines (contract §2.1, §2.3): a stop time, the containers opened, the amount wasted.
// It refreshes after each saved entry (invalidateAfterWrite), so she sees her work land.
import type { Warning } from '../../engine/index.ts';

const NURSE_TASKS: Record<string, string> = {
  NOT_COMPLETED_EXCLUDED: 'needs a stop time before it can be billed',
  MISSING_STOP_TIME: 'needs a stop time before it can be billed',
  INVALID_TIME_RANGE: 'has a stop time before its start time',
  VIALS_NOT_DOCUMENTED: 'the containers opened are not listed',
  WASTE_NOT_DOCUMENTED: 'the amount discarded is not documented',
  DOSE_EXCEEDS_OPENED_VIALS: 'the containers listed hold less than the dose given',
};

export interface BillingTodoProps {
  /** The launch encounter's warnings; undefined while the analysis is not available. */
  warnings: readonly Warning[] | undefined;
  /** Drug name by 'MedicationAdministration/<id>'. */
  names: ReadonlyMap<string, string>;
}

export function nurseTasks(
  warnings: readonly Warning[],
  names: ReadonlyMap<string, string>,
): string[] {
  const out = new Set<string>();
  for (const w of warnings) {
    const task = NURSE_TASKS[w.code];
    if (!task) continue;
    for (const source of w.sources) {
      const name = names.get(source);
      if (name) out.add(`${name}: ${task}.`);
    }
  }
  return [...out];
}

export function BillingTodo({ warnings, names }: BillingTodoProps) {
  if (!warnings) return null;
  const tasks = nurseTasks(warnings, names);
  return (
    <section aria-labelledby="chair-todo" className="chair-todo">
      <h3 id="chair-todo">Still needed for billing</h3>
      {tasks.length === 0 ? (
        <p>Nothing more is needed from you for this visit&apos;s billing.</p>
      ) : (
        <ul>
          {tasks.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
