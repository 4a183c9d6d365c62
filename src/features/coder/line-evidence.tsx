// Why a derived line exists: administrations, counted minutes, doses, vials and waste, rules.
import type { DerivedLine } from '../../engine/index.ts';
import { identityText, quantityText, sourceText } from './format.ts';

export function LineEvidence({
  line,
  inWords,
}: {
  line: DerivedLine;
  inWords?: readonly string[] | undefined;
}) {
  const ev = line.evidence;
  const minutes = Object.entries(ev.minutes ?? {});
  const administered = quantityText(ev.administered);
  const discarded = quantityText(ev.discarded);
  return (
    <dl className="evidence">
      <dt>Why</dt>
      <dd>{ev.reason}</dd>
      {inWords && inWords.length > 0 && (
        <>
          <dt>In the records</dt>
          <dd>
            <ul>
              {inWords.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>From</dt>
      <dd>
        <ul>
          {line.sources.map((s) => (
            <li key={s}>
              {sourceText(s)}
              {ev.minutes?.[s] !== undefined && `: ${ev.minutes[s]} minutes counted`}
            </li>
          ))}
        </ul>
      </dd>
      {ev.identity && (
        <>
          <dt>Drug</dt>
          <dd>
            Identified by {identityText(ev.identity)}
            {ev.identity.candidates && ev.identity.candidates.length > 1
              ? `; no NDC decides the product, it may bill under ${ev.identity.candidates.join(', ')}`
              : ''}
          </dd>
        </>
      )}
      {minutes.length > 0 && (
        <>
          <dt>Minutes counted</dt>
          <dd>{minutes.reduce((sum, [, m]) => sum + m, 0)} in total</dd>
        </>
      )}
      {administered && (
        <>
          <dt>Given</dt>
          <dd>{administered}</dd>
        </>
      )}
      {discarded && (
        <>
          <dt>Discarded</dt>
          <dd>{discarded}</dd>
        </>
      )}
      {ev.containers && ev.containers.length > 0 && (
        <>
          <dt>Vials opened</dt>
          <dd>{ev.containers.map((c) => `${c.count} × NDC ${c.ndc11}`).join('; ')}</dd>
        </>
      )}
      {ev.provisional && (
        <>
          <dt>Note</dt>
          <dd>Vials were not charted; the fewest-waste vials were assumed.</dd>
        </>
      )}
      <dt>Rules</dt>
      <dd>{ev.rules.length > 0 ? ev.rules.join(', ') : 'none named'}</dd>
    </dl>
  );
}
