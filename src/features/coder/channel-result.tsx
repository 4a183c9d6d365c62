// What the screen says after a sign-off that went to a channel other than the draft Claim
// (docs/write-back.md): charges in the EHR, or a coding note in the chart, and which lines
// (if any) still need the download.
import { CODER_CHANNEL_TEXT } from '../../fhir/write/channels.ts';
import { signedLineText } from '../../fhir/write/coding-note.ts';
import type { CoderWriteResult } from '../../fhir/write/sign-off-channels.ts';

export type OtherChannelResult = Exclude<CoderWriteResult, { channel: 'draft-claim' | 'download' }>;

/** Whether the downloads are still needed after this result. */
export function needsDownload(r: OtherChannelResult): boolean {
  return r.channel === 'coding-note' || r.charges.unplaced.length > 0 || r.charges.stale.length > 0;
}

export function ChannelResult({ result }: { result: OtherChannelResult }) {
  if (result.channel === 'coding-note') {
    return (
      <p>
        Signed off. {CODER_CHANNEL_TEXT['coding-note']} Note {result.note.id} saved; the billing
        system still needs the lines (download below).
      </p>
    );
  }
  const c = result.charges;
  const counts = [
    `${c.created.length} new`,
    `${c.modified.length} changed`,
    `${c.unchanged.length} unchanged`,
    `${c.withdrawn.length} withdrawn`,
  ].join(', ');
  return (
    <>
      <p>
        Signed off. {CODER_CHANNEL_TEXT['charge-items']} Charges: {counts}.
      </p>
      {c.unplaced.length > 0 && (
        <div>
          <p>
            These lines could not be entered as charges
            {result.note ? ` and were saved in coding note ${result.note.id}` : ''}:
          </p>
          <ul>
            {c.unplaced.map((l, i) => (
              <li key={i}>{signedLineText(l)}</li>
            ))}
          </ul>
        </div>
      )}
      {c.stale.length > 0 && (
        <p>
          {c.stale.length} earlier charge(s) of lines you took off could not be withdrawn: withdraw
          them in the billing system.
        </p>
      )}
    </>
  );
}
