// On the order card, before "Record start time now": what the clinician should check first
// (billing-rules P-1–P-8). The nurse can still start; the warning stays visible.
import { useContext } from 'react';
import { CodeText } from '../../components/code-text.tsx';
import { GatewayContext } from '../../hooks/gateway-context.ts';
import { usePlannedChecks } from '../../hooks/use-planned-checks.ts';

function Warnings({ requestId }: { requestId: string }) {
  const { results } = usePlannedChecks();
  const ref = `MedicationRequest/${requestId}`;
  const messages = results
    .filter((r) => r.dose.ref === ref)
    .flatMap((r) => r.warnings)
    .filter((w) => w.audience === 'clinician' && w.severity !== 'info' && w.nurseMessage)
    .map((w) => w.nurseMessage as string);
  if (messages.length === 0) return null;
  return (
    <div className="planned-warning" role="note" aria-label="Check before starting">
      {[...new Set(messages)].map((m) => (
        <p key={m}>
          <CodeText text={m} />
        </p>
      ))}
    </div>
  );
}

/** Nothing without a FHIR connection (a card shown on its own has no orders to check). */
export function PlannedWarning({ requestId }: { requestId: string }) {
  return useContext(GatewayContext) ? <Warnings requestId={requestId} /> : null;
}
