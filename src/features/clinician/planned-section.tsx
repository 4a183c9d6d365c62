// Before the dose (billing-rules P-1–P-8): the clinician's warnings on orders not yet given,
// worst first with the dollars at stake, each expandable to its evidence (P-8: no coder items).
import { WarningList, type WarningItem } from '../../components/warning-list.tsx';
import type { PlannedResult } from '../../engine/index.ts';
import { usePlannedChecks } from '../../hooks/use-planned-checks.ts';

const RANK = { error: 0, warning: 1, info: 2 } as const;

export function plannedItems(results: readonly PlannedResult[]): WarningItem[] {
  return results
    .flatMap((r) => r.warnings.filter((w) => w.audience === 'clinician').map((w) => ({ r, w })))
    .sort(
      (a, b) =>
        RANK[a.w.severity] - RANK[b.w.severity] ||
        (b.w.amountAtStake ?? 0) - (a.w.amountAtStake ?? 0),
    )
    .map(({ r, w }, i) => ({
      key: `${r.dose.ref}-${w.code}-${i}`,
      severity: w.severity,
      message: w.message,
      code: w.code,
      ...(w.amountAtStake !== undefined ? { amountAtStake: w.amountAtStake } : {}),
      evidence: [
        `Planned: ${r.drugName}${r.dose.dose ? `, ${r.dose.dose.value} ${r.dose.dose.unit}` : ', no dose on the order'} on ${r.dose.date}`,
        ...(r.hcpcs && r.units !== undefined ? [`Billed as ${r.hcpcs} × ${r.units}`] : []),
        ...w.sources.map((s) => `Record: ${s}`),
      ],
    }));
}

export function PlannedSection() {
  const { isPending, results, unavailable } = usePlannedChecks();
  if (isPending) return null;
  const items = plannedItems(results);
  if (!unavailable && items.length === 0) return null;
  return (
    <section className="planned" aria-labelledby="planned-heading">
      <h3 id="planned-heading">Before the dose</h3>
      {unavailable ? <p role="status">{unavailable}</p> : null}
      {items.length > 0 ? (
        <>
          <p>
            Ordered and not yet given. Each warning opens for its detail (the records, dates and
            units it is based on).
          </p>
          <WarningList items={items} label="Before the dose, worst first" />
        </>
      ) : null}
    </section>
  );
}
