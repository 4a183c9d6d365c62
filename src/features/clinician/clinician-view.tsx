// The clinician's screen: this patient's billing warnings at a glance, worst first, each
// expandable to its evidence; what could not be read is listed as such, never as "none".
import { useMemo } from 'react';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { WarningList } from '../../components/warning-list.tsx';
import type { EncounterResult } from '../../engine/index.ts';
import {
  typeLabel,
  type LoadedResources,
  type UnreadableType,
} from '../../fhir/load/billing-picture.ts';
import { plainErrorMessage } from '../../fhir/queries/plain-error.ts';
import { useLaunch } from '../../hooks/gateway-context.ts';
import { useBillingPictureProgress } from '../../hooks/use-billing-picture.ts';
import { useEncounterAnalysis } from '../../hooks/use-encounter-analysis.ts';
import { PlannedSection } from './planned-section.tsx';
import {
  clinicianWarnings,
  coderOnlyCount,
  severityCounts,
  warningItems,
} from './warning-items.ts';

function Unreadable({ items }: { items: UnreadableType[] }) {
  if (items.length === 0) return null;
  return (
    <section className="unreadable" aria-labelledby="unreadable-heading">
      <h3 id="unreadable-heading">Could not be read</h3>
      <p>These were not available, so warnings that depend on them may be missing:</p>
      <ul>
        {items.map((u) => (
          <li key={u.resourceType}>
            <strong>{typeLabel(u.resourceType)}</strong>: {u.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Other visits of the patient that have something to fix or check, latest first. */
function OtherVisits({
  results,
  current,
  resources,
  serverUrl,
}: {
  results: EncounterResult[];
  current: EncounterResult | undefined;
  resources: LoadedResources;
  serverUrl: string;
}) {
  const others = results
    .filter((r) => r !== current && clinicianWarnings(r).some((w) => w.severity !== 'info'))
    .sort((a, b) => b.dateOfService.localeCompare(a.dateOfService));
  if (others.length === 0) return null;
  return (
    <section aria-labelledby="other-visits-heading">
      <h3 id="other-visits-heading">Other visits</h3>
      {others.map((r) => {
        const label = `Visit on ${r.dateOfService}`;
        return (
          <div key={r.encounter ?? r.dateOfService}>
            <h4>
              {label}: {summary(r)}
            </h4>
            <WarningList items={warningItems(r, resources, serverUrl)} label={label} />
          </div>
        );
      })}
    </section>
  );
}

function summary(result: EncounterResult): string {
  const c = severityCounts(result);
  const total = c.error + c.warning + c.info;
  if (total === 0) return 'No billing problems found.';
  const parts = [
    c.error ? `${c.error} to fix` : '',
    c.warning ? `${c.warning} to check` : '',
    c.info ? `${c.info} for information` : '',
  ].filter(Boolean);
  return `${total} ${total === 1 ? 'warning' : 'warnings'}: ${parts.join(', ')}.`;
}

/** Coding items are the coder's (issue #16 part 2): said in one line, never listed here. */
function CoderNote({ result }: { result: EncounterResult }) {
  const n = coderOnlyCount(result);
  if (n === 0) return null;
  return (
    <p className="coder-note">
      {n === 1
        ? '1 coding item (modifiers, claim codes, containers) is left to the coder.'
        : `${n} coding items (modifiers, claim codes, containers) are left to the coder.`}
    </p>
  );
}

export function ClinicianView() {
  const launch = useLaunch();
  const { isPending, error, results, current, picture, refetch } = useEncounterAnalysis();
  const maFailed = (picture?.unreadable ?? []).some(
    (u) => u.resourceType === 'MedicationAdministration',
  );
  const progress = useBillingPictureProgress();
  const items = useMemo(
    () => (current && picture ? warningItems(current, picture.resources, launch.serverUrl) : []),
    [current, picture, launch.serverUrl],
  );
  return (
    <section className="clinician" aria-labelledby="clinician-heading" aria-busy={isPending}>
      <h2 id="clinician-heading">Billing warnings</h2>
      {isPending ? (
        <LoadingMessage
          label="Checking this visit against the billing rules…"
          done={progress?.done}
          total={progress?.total}
        />
      ) : error ? (
        <ErrorMessage
          title="EveryDose could not check this visit."
          message={plainErrorMessage(error)}
          onRetry={refetch}
        />
      ) : (
        <>
          <PlannedSection />
          {!current && maFailed ? (
            // A failed read is never worded as absence (issue 14 part 7): the shell's alert
            // names it and offers "Try again".
            <EmptyMessage>
              Medication administrations could not be read, so this visit could not be checked.
            </EmptyMessage>
          ) : !current ? (
            <EmptyMessage>
              {launch.encounterId
                ? 'No medication administrations are recorded for this visit yet, so there is nothing to check.'
                : 'No medication administrations are recorded for this patient today, so there is nothing to check.'}
            </EmptyMessage>
          ) : (
            <>
              <p className="summary" role="status">
                Visit on {current.dateOfService}. {summary(current)}
              </p>
              {items.length > 0 ? (
                <WarningList items={items} label="Warnings, worst first" />
              ) : null}
              <CoderNote result={current} />
            </>
          )}
          <Unreadable items={picture?.unreadable ?? []} />
          <OtherVisits
            results={results}
            current={current}
            resources={picture?.resources ?? []}
            serverUrl={launch.serverUrl}
          />
        </>
      )}
    </section>
  );
}
