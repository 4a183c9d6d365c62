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
import { LineRow } from './line-row.tsx';
import { codeWithWords, lineWords, modifiersInWords } from './code-words.ts';
import { priorDenialNotesFor } from './prior-denial-notes.ts';
import { SignOffPanel } from './sign-off-panel.tsx';
import { MA_WARNING, planSignOff, type AutoChangeId } from './sign-off-plan.ts';
import { serviceWordsFor } from './service-words.ts';
import { useDecisions } from './use-decisions.ts';
import { bulkAcceptable, visitTotal } from './visit-total.ts';
import { BulkAccept, VisitTotalRow } from './visit-summary.tsx';
import { WarningsPanel } from './warnings-panel.tsx';
import type { ReferenceData } from '../../reference/types.ts';
import './coder.css';

export interface CoderReviewProps {
  result: EncounterResult;
  resources: LoadedResources;
  gateway: FhirGateway;
  now?: () => Date;
  onSaved?: () => void;
  /** false when Claims could not be read for this launch. */
  claimsReadable?: boolean;
  /** Reference data for the words of drug codes (the drug's name alone until it is loaded). */
  reference?: ReferenceData | undefined;
}

const systemNow = () => new Date();

export function CoderReview({
  result,
  resources,
  gateway,
  now = systemNow,
  onSaved,
  claimsReadable = true,
  reference,
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
  const rows = (ls: typeof result.lines) =>
    ls.map((l) => {
      const k = lineKey(l);
      return (
        <LineRow
          key={k}
          line={l}
          lineKey={k}
          words={lineWords(l, reference)}
          resources={resources}
          inWords={words.get(k)}
          deniedBefore={denied.get(l.code)}
          decision={state.lines[k]}
          onDecide={(d) => decisions.decide(k, d)}
          onUndo={() => decisions.undo(k)}
        />
      );
    });
  const dos = result.dateOfService;

  return (
    <div className="coder-review">
      <section aria-labelledby="coder-lines">
        <div className="lines-head">
          <h3 id="coder-lines">Lines to bill</h3>
          <BulkAccept
            acceptable={bulkAcceptable(result, state)}
            onAcceptAll={(keys) => {
              for (const k of keys) decisions.decide(k, { kind: 'accepted' });
            }}
          />
          <AddLineForm onAdd={decisions.addLine} />
        </div>
        {result.lines.length === 0 && <p>No billable lines were derived for this visit.</p>}
        {result.lines.length > 0 && (
          <div className="line-table">
            {/* Column titles for sighted users; each row names its own cells for screen readers. */}
            <div className="line-table-head" aria-hidden="true">
              <span>Code</span>
              <span>Units</span>
              <span>Price</span>
              <span>Status</span>
              <span>Decision</span>
            </div>
            {admin.length > 0 && <h4 className="line-group">Administration</h4>}
            {rows(admin)}
            {drugs.length > 0 && <h4 className="line-group">Drugs</h4>}
            {rows(drugs)}
            <VisitTotalRow total={visitTotal(result, state)} />
          </div>
        )}
        {state.added.length > 0 && (
          <>
            <h4>Added by hand</h4>
            <ul>
              {state.added.map((a) => (
                <li key={a.id}>
                  {codeWithWords(a.code, { reference, dos })} × {a.units} (
                  {modifiersInWords(a.modifiers)}): {a.reason}{' '}
                  <button type="button" onClick={() => decisions.removeAdded(a.id)}>
                    Remove {a.code}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="coder-warnings">
        <h3 id="coder-warnings">Warnings</h3>
        <WarningsPanel
          result={result}
          state={state}
          onAcknowledge={decisions.acknowledge}
          wordsOf={(l) => lineWords(l, reference)}
          reference={reference}
        />
      </section>
      {existing && (
        <section aria-labelledby="coder-claim">
          <h3 id="coder-claim">Against the drafted claim</h3>
          <ClaimComparison claim={existing.info} suggested={lines} />
        </section>
      )}
      {(plan.changes.length > 0 || plan.removed.length > 0) && (
        <section aria-labelledby="coder-sign-off">
          <h3 id="coder-sign-off">Sign off</h3>
          <AutoChanges
            changes={plan.changes}
            removed={plan.removed}
            onRemove={decisions.setChangeRemoved}
          />
        </section>
      )}
      {/* A direct child of the review, so its sticky bar stays at the bottom of the viewport. */}
      <SignOffPanel
        gateway={gateway}
        plan={plan}
        blockers={blockers}
        reference={reference}
        dos={dos}
        existing={existing}
        updatingDraft={updatesDraft(existing)}
        author={author}
        now={now}
        {...(onSaved ? { onSaved } : {})}
      />
    </div>
  );
}
