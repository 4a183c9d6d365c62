// Why a derived line exists, in words: the drug, start–stop times and minutes of each source
// administration, doses, vials and waste, how the drug was identified, the rules. Record ids
// only behind "Show record ids" (issue 17 §5).
import type { LoadedResources } from '../../fhir/load/billing-picture.ts';
import { sourceWords } from '../../fhir/map/source-words.ts';
import { useId, useState } from 'react';
import type { DerivedLine } from '../../engine/index.ts';
import { identityText, quantityText, sourceText } from './format.ts';

export function LineEvidence({
  line,
  inWords,
  resources = [],
}: {
  line: DerivedLine;
  inWords?: readonly string[] | undefined;
  resources?: LoadedResources;
}) {
  const idsId = useId();
  const [showIds, setShowIds] = useState(false);
  const ev = line.evidence;
  const minutes = Object.entries(ev.minutes ?? {});
  const administered = quantityText(ev.administered);
  const discarded = quantityText(ev.discarded);
  const records = sourceWords(line, resources);
  return (
    <div className="line-evidence">
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
        {records.length > 0 && (
          <>
            <dt>Given</dt>
            <dd>
              <ul>
                {records.map((r, i) => (
                  <li key={`${i}-${r}`}>{r}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
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
            <dt>Dose given</dt>
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
        {line.ndc && (
          <>
            <dt>Billed NDC</dt>
            <dd>
              {line.ndc.code}, {line.ndc.quantity} {line.ndc.unit}
            </dd>
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
      {line.sources.length > 0 && (
        <>
          <button
            type="button"
            className="link-button"
            aria-expanded={showIds}
            aria-controls={idsId}
            onClick={() => setShowIds((v) => !v)}
          >
            Show record ids
          </button>
          <ul id={idsId} className="record-ids" hidden={!showIds}>
            {showIds &&
              line.sources.map((s) => (
                <li key={s}>
                  {sourceText(s)}
                  {ev.minutes?.[s] !== undefined && `: ${ev.minutes[s]} minutes counted`}
                </li>
              ))}
          </ul>
        </>
      )}
    </div>
  );
}
