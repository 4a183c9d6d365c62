// The coder's review of one visit: every derived line with its evidence and a decision, the
// warnings, the drafted claim compared, and the sign-off. Takes its data as props.
import { useMemo } from 'react';
import type { EncounterResult } from '../../engine/index.ts';
import type { FhirGateway } from '../../fhir/gateway.ts';
import type { LoadedResources } from '../../fhir/load/billing-picture.ts';
import { findExistingClaim } from '../../fhir/write/claim-existing.ts';
import { updatesDraft } from '../../fhir/write/claim-sign-off.ts';
import { AddLineForm } from './add-line-form.tsx';
import { ClaimComparison } from './claim-comparison.tsx';
import { storageKey } from './decision-store.ts';
import { AutoChanges } from './auto-changes.tsx';
import { billedLines, lineKey, signOffBlockers, warningResolved } from './decisions.ts';
import { LineCard } from './line-card.tsx';
import { priorDenialNotesFor } from './prior-denial-notes.ts';
import { SignOffPanel } from './sign-off-panel.tsx';
import { MA_WARNING, planSignOff, type AutoChangeId } from './sign-off-plan.ts';
import { serviceWordsFor } from './service-words.ts';
import { useDecisions } from './use-decisions.ts';
import { bulkAcceptable, visitTotal } from './visit-total.ts';
import { VisitSummary } from './visit-summary.tsx';
import { WarningsPanel } from './warnings-panel.tsx';
import { modifiersText } from './format.ts';
import './coder.css';

export interface CoderReviewProps {
  result: EncounterResult;
  resources: LoadedResources;
  gateway: FhirGateway;
  now?: () => Date;
  onSaved?: () => void;
  /** false when Claims could not be read for this launch. */
  claimsReadable?: boolean;
}

const systemNow = () => new Date();

export function CoderReview({
  result,
  resources,
  gateway,
  now = systemNow,
  onSaved,
  claimsReadable = true,
}: CoderReviewProps) {
  const key = storageKey(
    gateway.launch.serverUrl,
    result.patient,
    result.encounter,
    result.dateOfService,
  );
  const decisions = useDecisions(key);
  const { state } = decisions;
  const existing = useMemo(
    () => findExistingClaim(resources, result.encounter),
    [resources, result.encounter],
  );
  const lines = billedLines(result, state);
  const author = gateway.launch.fhirUser;
  const maWarning = result.warnings.find((w) => w.code === MA_WARNING);
  const plan = planSignOff({
    result,
    lines,
    resources,
    existing,
    author,
    created: now().toISOString(),
    claimsReadable,
    removedChanges: (state.removedChanges ?? []) as AutoChangeId[],
    billOriginalMedicare: !!maWarning && warningResolved(result, state, maWarning),
  });
  const blockers = [...signOffBlockers(result, state), ...plan.blockers];
  const admin = result.lines.filter((l) => l.kind === 'administration');
  const drugs = result.lines.filter((l) => l.kind === 'drug');

  // Issue 15 §5: pumps, injections, flushes and PTP edits in words.
  const words = useMemo(() => serviceWordsFor(result, resources, lineKey), [result, resources]);
  // Issue 17 §4: earlier denials of this patient for the same codes.
  const denied = useMemo(() => priorDenialNotesFor(result, resources), [result, resources]);
  const cards = (ls: typeof result.lines) =>
    ls.map((l) => {
      const k = lineKey(l);
      return (
        <LineCard
          key={k}
          line={l}
          lineKey={k}
          inWords={words.get(k)}
          deniedBefore={denied.get(l.code)}
          decision={state.lines[k]}
          onDecide={(d) => decisions.decide(k, d)}
          onUndo={() => decisions.undo(k)}
        />
      );
    });

  return (
    <div className="coder-review">
      <section aria-labelledby="coder-lines">
        <h3 id="coder-lines">Lines to bill</h3>
        {result.lines.length === 0 && <p>No billable lines were derived for this visit.</p>}
        <VisitSummary
          total={visitTotal(result, state)}
          acceptable={bulkAcceptable(result, state)}
          onAcceptAll={(keys) => {
            for (const k of keys) decisions.decide(k, { kind: 'accepted' });
          }}
        />
        {admin.length > 0 && <h4>Administration</h4>}
        {cards(admin)}
        {drugs.length > 0 && <h4>Drugs</h4>}
        {cards(drugs)}
        {state.added.length > 0 && (
          <>
            <h4>Added by hand</h4>
            <ul>
              {state.added.map((a) => (
                <li key={a.id}>
                  {a.code} × {a.units} ({modifiersText(a.modifiers)}): {a.reason}{' '}
                  <button type="button" onClick={() => decisions.removeAdded(a.id)}>
                    Remove {a.code}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <AddLineForm onAdd={decisions.addLine} />
      </section>
      <section aria-labelledby="coder-warnings">
        <h3 id="coder-warnings">Warnings</h3>
        <WarningsPanel result={result} state={state} onAcknowledge={decisions.acknowledge} />
      </section>
      {existing && (
        <section aria-labelledby="coder-claim">
          <h3 id="coder-claim">Against the drafted claim</h3>
          <ClaimComparison claim={existing.info} suggested={lines} />
        </section>
      )}
      <section aria-labelledby="coder-sign-off">
        <h3 id="coder-sign-off">Sign off</h3>
        <AutoChanges
          changes={plan.changes}
          removed={plan.removed}
          onRemove={decisions.setChangeRemoved}
        />
        <SignOffPanel
          gateway={gateway}
          plan={plan}
          blockers={blockers}
          existing={existing}
          updatingDraft={updatesDraft(existing)}
          author={author}
          now={now}
          {...(onSaved ? { onSaved } : {})}
        />
      </section>
    </div>
  );
}
