// "Given now" for an ordered injection (issue 15 §5; injection-pump-rules R21.10, R26.3): one
// instant, the site picked from a short list in plain words; the same time checks as any
// entry (a time on another day than the visit asks first). A subcutaneous injection can be
// recorded as applied with an on-body injector (R20.7: billed as 96377, not 96372); the line
// before saving says what will be saved.
import { useId, useState } from 'react';
import type { InjectionSite } from '../../fhir/write/medication-administration.ts';
import { whenText } from './chair-text.ts';
import { INJECTION_SITES } from './injection-sites.ts';
import { isRefused, type TimeWarning } from './time-checks.ts';
import { TimeWarnings } from './time-warnings.tsx';

export interface GivenPanelProps {
  drugName: string;
  /** 'subcutaneous' / 'intramuscular', from the order's route. */
  routeWords: string | undefined;
  at: Date;
  check: (at: Date) => TimeWarning[];
  onSave: (at: Date, site: InjectionSite, onBodyInjector: boolean) => void;
  onCancel: () => void;
}

export function GivenPanel({ drugName, routeWords, at, check, onSave, onCancel }: GivenPanelProps) {
  const id = useId();
  const [site, setSite] = useState<InjectionSite | undefined>();
  const [onBody, setOnBody] = useState(false);
  // R20.7: an on-body injector is a subcutaneous device; never offered on another route.
  const offerOnBody = routeWords === 'subcutaneous';
  const [confirming, setConfirming] = useState<TimeWarning[] | undefined>();
  const refused = confirming !== undefined && isRefused(confirming);
  const save = () => {
    if (!site) return;
    const warnings = check(at);
    if (isRefused(warnings) || (warnings.length > 0 && !confirming)) {
      setConfirming(warnings);
      return;
    }
    onSave(at, site, offerOnBody && onBody);
  };
  return (
    <div className="chair-panel" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`}>
        <strong>
          Injection of {drugName}
          {routeWords ? `, ${routeWords}` : ''}, given {whenText(at)}
        </strong>
      </p>
      <fieldset>
        <legend>Injection site</legend>
        {INJECTION_SITES.map((s) => (
          <label key={s.code} htmlFor={`${id}-${s.code}`}>
            <input
              id={`${id}-${s.code}`}
              type="radio"
              name={`${id}-site`}
              checked={site?.code === s.code}
              onChange={() => setSite(s)}
            />
            {s.words}
          </label>
        ))}
      </fieldset>
      {offerOnBody && (
        <label htmlFor={`${id}-on-body`}>
          <input
            id={`${id}-on-body`}
            type="checkbox"
            checked={onBody}
            onChange={(e) => setOnBody(e.target.checked)}
          />
          Applied with an on-body injector (the device gives the dose later)
        </label>
      )}
      {site ? (
        <p>
          Saves: injection of {drugName} at {site.words.toLowerCase()}
          {offerOnBody && onBody ? ', applied with an on-body injector' : ''}.
        </p>
      ) : (
        <p>Pick the site to save.</p>
      )}
      <TimeWarnings warnings={confirming} refused={refused} />
      <div className="chair-actions">
        <button type="button" className="primary" onClick={save} disabled={!site || refused}>
          {confirming && confirming.length > 0 && !refused
            ? 'Save injection anyway'
            : 'Save injection'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
