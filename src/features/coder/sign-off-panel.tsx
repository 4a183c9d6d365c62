// Sign-off: refused with the reasons while lines are undecided or errors unresolved; otherwise
// writes the draft Claim and the Provenance, or offers FHIR JSON and CSV downloads when the
// server or the granted scopes do not allow the writes. Sign-off is a state: a signed claim
// shows who signed it and when (read back from the server), "Sign off" is disabled, and a change
// needs "Amend claim" with a reason. Just before writing, the claim and its sign-offs are read
// again so a double click, a reload or a second coder never signs the same version twice.
import { CodeWordsAfter } from '../../components/code-text.tsx';
import type { ReferenceData } from '../../reference/types.ts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { formatInstant } from '../../components/format.ts';
import { claimJsonFile } from '../../fhir/export/claim-json.ts';
import { signedLinesCsvFile } from '../../fhir/export/claim-csv.ts';
import { saveFile } from '../../fhir/export/save-file.ts';
import { isFhirError, type FhirGateway } from '../../fhir/gateway.ts';
import { capabilitiesQuery, signOffsQuery } from '../../fhir/queries/options.ts';
import { scopeAllows } from '../../fhir/scopes.ts';
import {
  billedToWords,
  finishSignOff,
  savedVersion,
  SignOffNotRecorded,
  writeBlockers,
  writeSignOff,
  type FinishResult,
  type SavedClaim,
  type SignOffResult,
} from '../../fhir/write/claim-sign-off.ts';
import {
  halfSignedOf,
  preflightSignOff,
  type SignOffRecord,
} from '../../fhir/write/sign-off-record.ts';
import type { ExistingClaim } from '../../fhir/write/claim-existing.ts';
import { chooseCoderChannel, CODER_CHANNEL_TEXT } from '../../fhir/write/channels.ts';
import { writeSignOffByChannel } from '../../fhir/write/sign-off-channels.ts';
import { writeSupport } from '../../fhir/write/write-support.ts';
import { ChannelResult, needsDownload, type OtherChannelResult } from './channel-result.tsx';
import type { SignOffPlan } from './sign-off-plan.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'refused' }
  | { kind: 'saving' }
  /** finished: a half-signed claim's missing Provenance only (no new claim version). */
  | { kind: 'saved'; result: SignOffResult; amended: boolean; finished?: boolean }
  | { kind: 'already'; record: SignOffRecord }
  | { kind: 'channel'; result: OtherChannelResult }
  | { kind: 'download'; reasons: string[] }
  | { kind: 'failed'; message: string; unrecorded?: SavedClaim };

export interface SignOffPanelProps {
  gateway: FhirGateway;
  plan: SignOffPlan;
  blockers: string[];
  existing: ExistingClaim | undefined;
  updatingDraft: boolean;
  author: string | undefined;
  now: () => Date;
  onSaved?: () => void;
  /** For the words beside codes in the blockers (issue 17 §5). */
  reference?: ReferenceData | undefined;
  dos?: string | undefined;
}

/** "2026-08-07 15:02 UTC": the instant as recorded, with its zone. */
export function whenText(iso: string): string {
  const zone = /Z$/.test(iso) ? ' UTC' : (/([+-]\d{2}:\d{2})$/.exec(iso)?.[1] ?? '');
  return `${formatInstant(iso)}${zone && zone !== ' UTC' ? ` ${zone}` : zone}`;
}

function failureText(e: unknown): string {
  if (e instanceof SignOffNotRecorded) {
    return `Draft claim ${e.claim.id} was saved, but the record of your sign-off was not (${
      e.cause instanceof Error ? e.cause.message : 'unknown problem'
    }). Sign off again to record it.`;
  }
  if (isFhirError(e) && e.kind === 'conflict') {
    return 'Someone changed this claim since you opened it. Reload the visit and review it again.';
  }
  if (isFhirError(e) && e.kind === 'forbidden') return 'The server refused to save the claim.';
  const detail = e instanceof Error ? e.message : 'unknown problem';
  return `The claim could not be saved (${detail}).`;
}

export function SignOffPanel(props: SignOffPanelProps) {
  const { gateway, plan, blockers, existing, updatingDraft, author } = props;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const busy = useRef(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const reasonId = useId();
  const blockersId = useId();
  const [showReasons, setShowReasons] = useState(false);
  const { launch } = gateway;
  const caps = useQuery({ ...capabilitiesQuery(gateway), retry: false });
  const writeReasons = caps.isPending
    ? undefined
    : writeBlockers(caps.data, launch.grantedScopes, updatingDraft);
  const choice = caps.isPending
    ? undefined
    : chooseCoderChannel(caps.data, launch.grantedScopes, updatingDraft);
  const claimId = existing?.resource.id;
  const provenanceReadable = scopeAllows(launch.grantedScopes, 'Provenance', 's') !== false;
  const signOffs = useQuery({
    ...signOffsQuery(gateway, claimId ?? ''),
    enabled: !!claimId && provenanceReadable,
  });
  const record = signOffs.data?.[0];
  // Issue 14 §3: the claim was saved by a sign-off whose record never reached the server.
  const halfSigned =
    existing && signOffs.data ? halfSignedOf(existing.resource, signOffs.data) : undefined;
  const justSigned = status.kind === 'saved' ? status : undefined;
  const signed = !!record || !!justSigned || status.kind === 'already';
  const unfinished = !!halfSigned && status.kind !== 'saved' && status.kind !== 'already';

  const { patient, encounter, dateOfService: date } = plan;
  // A refusal opens the reasons in the bar: move the focus to them once they are on screen.
  useEffect(() => {
    if (status.kind === 'refused') alertRef.current?.focus();
  }, [status]);

  async function submit(amending: boolean) {
    if (busy.current) return; // a double click never writes twice
    const refusal = [...blockers];
    if (!author)
      refusal.push('Your user (fhirUser) is not known, so the sign-off cannot name you.');
    const why = reason.trim();
    if (amending && why === '') {
      setReasonMissing(true);
      return;
    }
    setReasonMissing(false);
    if (refusal.length > 0) {
      setStatus({ kind: 'refused' });
      queueMicrotask(() => alertRef.current?.focus());
      return;
    }
    busy.current = true;
    try {
      const statement = caps.isPending ? (await caps.refetch()).data : caps.data;
      const reasons = writeReasons ?? writeBlockers(statement, launch.grantedScopes, updatingDraft);
      const channel = chooseCoderChannel(statement, launch.grantedScopes, updatingDraft).channel;
      if (channel === 'charge-items' || channel === 'coding-note') {
        await viaOtherChannel(channel, statement, reasons);
        return;
      }
      if (reasons.length > 0 || !author) {
        setStatus({ kind: 'download', reasons });
        return;
      }
      setStatus({ kind: 'saving' });
      const write = {
        author,
        recorded: props.now().toISOString(),
        sources: plan.sources,
        ...(amending ? { amendmentReason: why } : {}),
      };
      const who = { author, now: write.recorded, sources: plan.sources };
      const finished = (done: FinishResult) => {
        setStatus(
          done.kind === 'already'
            ? { kind: 'already', record: done.record }
            : { kind: 'saved', result: done.result, amended: amending, finished: true },
        );
        props.onSaved?.();
      };
      try {
        // The claim was saved but its record was not: record it, never save another version.
        if (status.kind === 'failed' && status.unrecorded) {
          finished(await finishSignOff(gateway, status.unrecorded, who));
          return;
        }
        const pre = await preflightSignOff(gateway, {
          reviewed: existing,
          patient,
          encounter,
          amending,
          signOffsReadable: provenanceReadable,
        });
        if (pre.kind === 'half-signed') {
          finished(await finishSignOff(gateway, pre.claim, who, pre.mark));
          return;
        }
        if (pre.kind === 'already-signed') {
          setStatus({ kind: 'already', record: pre.record });
          props.onSaved?.();
          return;
        }
        if (pre.kind === 'changed') {
          setStatus({
            kind: 'failed',
            message:
              'Someone changed this claim since you opened it. Reload the visit and review it again.',
          });
          return;
        }
        if (pre.kind === 'drafted-meanwhile') {
          setStatus({
            kind: 'failed',
            message:
              'A claim was drafted for this visit since you opened it. Reload the visit and review it again.',
          });
          return;
        }
        const result = await writeSignOff(gateway, {
          claim: plan.claim,
          ...(existing ? { existing } : {}),
          ...write,
        });
        setStatus({ kind: 'saved', result, amended: amending });
        if (amending) setReason('');
        props.onSaved?.();
      } catch (e) {
        setStatus({
          kind: 'failed',
          message: failureText(e),
          ...(e instanceof SignOffNotRecorded ? { unrecorded: e.claim } : {}),
        });
        if (e instanceof SignOffNotRecorded) props.onSaved?.();
      }
    } finally {
      busy.current = false;
    }
  }

  /** Charges or a coding note (docs/write-back.md); a refused channel falls to the next. */
  async function viaOtherChannel(
    channel: 'charge-items' | 'coding-note',
    statement: Parameters<typeof writeSupport>[0],
    reasons: string[],
  ) {
    if (!author) return;
    setStatus({ kind: 'saving' });
    try {
      const result = await writeSignOffByChannel(
        gateway,
        channel,
        {
          claim: plan.claim,
          author,
          recorded: props.now().toISOString(),
          sources: plan.sources,
          patient: plan.patient,
          encounter: plan.encounter,
          dateOfService: plan.dateOfService,
          lines: plan.lines,
        },
        writeSupport(statement, launch.grantedScopes),
      );
      if (result.channel === 'draft-claim' || result.channel === 'download') {
        setStatus({ kind: 'download', reasons });
        return;
      }
      setStatus({ kind: 'channel', result });
      props.onSaved?.();
    } catch (e) {
      setStatus({ kind: 'failed', message: failureText(e) });
    }
  }

  const refusal = status.kind === 'refused';
  // The reasons open in the bar on demand, and by themselves when a sign-off is refused.
  const reasonsShown = refusal || showReasons;
  const offerDownload =
    status.kind === 'download' ||
    status.kind === 'failed' ||
    (status.kind === 'channel' && needsDownload(status.result));
  const otherChannel =
    choice?.channel === 'charge-items' || choice?.channel === 'coding-note'
      ? choice.channel
      : undefined;
  const saving = status.kind === 'saving';
  const shown = record ?? (status.kind === 'already' ? status.record : undefined);
  return (
    <div className="sign-off">
      {shown ? (
        <p className="signed-off">
          <strong>
            Signed off by {signOffs.data?.[0]?.authorName ?? shown.author} at{' '}
            {whenText(shown.recorded)}
          </strong>
          {shown.version ? ` (claim version ${shown.version})` : ''}
          {shown.amended ? `, amending the earlier sign-off: ${shown.reason ?? ''}` : ''}.
        </p>
      ) : justSigned ? (
        <p className="signed-off">
          <strong>Signed off by you at {whenText(justSigned.result.provenance.recorded)}</strong>.
        </p>
      ) : null}
      {unfinished && halfSigned ? (
        <p className="half-signed">
          Claim version {existing ? (savedVersion(existing.resource) ?? '') : ''} was saved by a
          sign-off at {whenText(halfSigned.recorded)}, but the record of that sign-off was not. Sign
          off to record it: no new claim version is written.
        </p>
      ) : null}
      {claimId && signOffs.error ? (
        <p>
          Whether this claim was already signed off could not be checked ({signOffs.error.message}).
          It is checked again when you sign.
        </p>
      ) : null}
      {claimId && !provenanceReadable ? (
        <p>
          This launch may not read sign-off records, so an earlier sign-off of this claim cannot be
          shown.
        </p>
      ) : null}
      {plan.gaps.length > 0 && (
        <ul className="sign-off-gaps">
          {plan.gaps.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
      {writeReasons && writeReasons.length > 0 && (
        <p>
          This server cannot save the claim: {writeReasons.join(' ')}{' '}
          {otherChannel
            ? `Your sign-off goes to the EHR another way. ${CODER_CHANNEL_TEXT[otherChannel]}`
            : 'After sign-off you can download the signed lines for the billing system.'}
        </p>
      )}
      {signed && (
        <div className="amend">
          <label htmlFor={reasonId}>Reason for amending the signed claim</label>
          <textarea
            id={reasonId}
            value={reason}
            aria-invalid={reasonMissing || undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonMissing && <p role="alert">Give the reason for the amendment.</p>}
        </div>
      )}
      {/* Issue 17 §5: the sticky sign-off bar at the bottom of the viewport. */}
      <div className="sign-off-bar" role="region" aria-label="Sign-off bar">
        {blockers.length > 0 && reasonsShown && (
          <div
            ref={alertRef}
            tabIndex={-1}
            id={blockersId}
            role={refusal ? 'alert' : undefined}
            className="sign-off-blockers"
          >
            <p>
              {refusal
                ? signed
                  ? 'Amendment refused:'
                  : 'Sign-off refused:'
                : signed
                  ? 'Before you can amend the claim:'
                  : 'Before you can sign off:'}
            </p>
            <ul>
              {blockers.map((b) => (
                <li key={b}>
                  {b}
                  <CodeWordsAfter text={b} reference={props.reference} dos={props.dos} />
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="sign-off-count">
          {blockers.length === 0 ? (
            signed && !unfinished ? (
              'Signed off'
            ) : (
              'Ready to sign off'
            )
          ) : (
            <button
              type="button"
              className="link-button disclosure"
              aria-expanded={reasonsShown}
              aria-controls={blockersId}
              onClick={() => {
                if (refusal) setStatus({ kind: 'idle' });
                setShowReasons(!reasonsShown);
              }}
            >
              {blockers.length === 1
                ? '1 reason stops sign-off'
                : `${blockers.length} reasons stop sign-off`}
            </button>
          )}
        </p>
        <button
          type="button"
          className={signed && !unfinished ? undefined : 'primary'}
          onClick={() => void submit(false)}
          disabled={saving || (signed && !unfinished)}
        >
          Sign off
        </button>
        {signed && (
          <button
            type="button"
            className="primary"
            onClick={() => void submit(true)}
            disabled={saving}
          >
            Amend claim
          </button>
        )}
        <div aria-live="polite" role="status">
          {status.kind === 'saving' && <p>Saving the claim…</p>}
          {status.kind === 'saved' && (
            <p>
              {status.amended ? 'Amended.' : 'Signed off.'} Draft claim {status.result.claim.id}{' '}
              {status.finished ? 'was already saved' : 'saved'}
              {savedVersion(status.result.claim)
                ? ` (version ${savedVersion(status.result.claim)})`
                : ''}{' '}
              {status.finished
                ? 'and your sign-off is now recorded; no new claim version was written.'
                : 'and your sign-off recorded.'}
              {plan.changes.some((c) => c.id === 'original-medicare')
                ? ` The claim is billed to ${billedToWords(plan.claim) ?? 'Original Medicare'}, not the Medicare Advantage plan.`
                : ''}
            </p>
          )}
          {status.kind === 'channel' && <ChannelResult result={status.result} />}
          {status.kind === 'already' && (
            <p>This claim version was already signed off; nothing was written.</p>
          )}
          {status.kind === 'download' && (
            <p>Signed off here, but not saved on the server: {status.reasons.join(' ')}</p>
          )}
        </div>
      </div>
      {status.kind === 'failed' && <p role="alert">{status.message}</p>}
      {offerDownload && (
        <div className="downloads">
          <p>Download the signed lines for the billing system:</p>
          <button
            type="button"
            onClick={() => saveFile(claimJsonFile(plan.claim, encounter, date))}
          >
            Download FHIR JSON
          </button>
          <button
            type="button"
            onClick={() =>
              saveFile(signedLinesCsvFile({ patient, encounter, dateOfService: date }, plan.lines))
            }
          >
            Download CSV
          </button>
        </div>
      )}
    </div>
  );
}
