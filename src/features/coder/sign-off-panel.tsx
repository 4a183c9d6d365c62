// Sign-off: refused with the reasons while lines are undecided or errors unresolved; otherwise
// writes the draft Claim and the Provenance, or offers FHIR JSON and CSV downloads when the
// server or the granted scopes do not allow the writes.
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { claimJsonFile } from '../../fhir/export/claim-json.ts';
import { signedLinesCsvFile } from '../../fhir/export/claim-csv.ts';
import { saveFile } from '../../fhir/export/save-file.ts';
import { isFhirError, type FhirGateway } from '../../fhir/gateway.ts';
import { capabilitiesQuery } from '../../fhir/queries/options.ts';
import {
  SignOffNotRecorded,
  writeBlockers,
  writeSignOff,
  type SignOffResult,
} from '../../fhir/write/claim-sign-off.ts';
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
  | { kind: 'saved'; result: SignOffResult }
  | { kind: 'channel'; result: OtherChannelResult }
  | { kind: 'download'; reasons: string[] }
  | { kind: 'failed'; message: string };

export interface SignOffPanelProps {
  gateway: FhirGateway;
  plan: SignOffPlan;
  blockers: string[];
  existing: ExistingClaim | undefined;
  updatingDraft: boolean;
  author: string | undefined;
  now: () => Date;
  onSaved?: () => void;
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
  const alertRef = useRef<HTMLDivElement>(null);
  const { launch } = gateway;
  const caps = useQuery({ ...capabilitiesQuery(gateway), retry: false });
  const writeReasons = caps.isPending
    ? undefined
    : writeBlockers(caps.data, launch.grantedScopes, updatingDraft);
  const choice = caps.isPending
    ? undefined
    : chooseCoderChannel(caps.data, launch.grantedScopes, updatingDraft);

  const { patient, encounter, dateOfService: date } = plan;

  async function signOff() {
    const refusal = [...blockers];
    if (!author)
      refusal.push('Your user (fhirUser) is not known, so the sign-off cannot name you.');
    if (refusal.length > 0) {
      setStatus({ kind: 'refused' });
      queueMicrotask(() => alertRef.current?.focus());
      return;
    }
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
    try {
      const result = await writeSignOff(gateway, {
        claim: plan.claim,
        ...(existing ? { existing } : {}),
        author,
        recorded: props.now().toISOString(),
        sources: plan.sources,
      });
      setStatus({ kind: 'saved', result });
      props.onSaved?.();
    } catch (e) {
      setStatus({ kind: 'failed', message: failureText(e) });
      if (e instanceof SignOffNotRecorded) props.onSaved?.();
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
  const offerDownload =
    status.kind === 'download' ||
    status.kind === 'failed' ||
    (status.kind === 'channel' && needsDownload(status.result));
  const otherChannel =
    choice?.channel === 'charge-items' || choice?.channel === 'coding-note'
      ? choice.channel
      : undefined;
  return (
    <div className="sign-off">
      {blockers.length > 0 && (
        <div
          ref={alertRef}
          tabIndex={-1}
          role={refusal ? 'alert' : undefined}
          className="sign-off-blockers"
        >
          <p>{refusal ? 'Sign-off refused:' : 'Before you can sign off:'}</p>
          <ul>
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      )}
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
      <button type="button" onClick={() => void signOff()} disabled={status.kind === 'saving'}>
        Sign off
      </button>
      <div aria-live="polite" role="status">
        {status.kind === 'saving' && <p>Saving the claim…</p>}
        {status.kind === 'saved' && (
          <p>
            Signed off. Draft claim {status.result.claim.id} saved
            {status.result.claim.meta?.versionId
              ? ` (version ${status.result.claim.meta.versionId})`
              : ''}{' '}
            and your sign-off recorded.
          </p>
        )}
        {status.kind === 'channel' && <ChannelResult result={status.result} />}
        {status.kind === 'download' && (
          <p>Signed off here, but not saved on the server: {status.reasons.join(' ')}</p>
        )}
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
