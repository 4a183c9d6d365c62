// The coder's screen: the launch encounter (or a picked visit) reviewed line by line, then
// signed off. Data comes from the app hooks; CoderReview does the work.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import type { EncounterResult } from '../../engine/index.ts';
import { fhirKeys } from '../../fhir/queries/keys.ts';
import { invalidateAfterWrite } from '../../fhir/queries/invalidate.ts';
import { useGateway } from '../../hooks/gateway-context.ts';
import { useEncounterAnalysis } from '../../hooks/use-encounter-analysis.ts';
import { visitsByReference, type PatientVisit } from '../../hooks/use-patient-visits.ts';
import { visitDateText, visitWords } from '../../hooks/visit-words.ts';
import { CoderReview } from './coder-review.tsx';

export function visitKey(r: EncounterResult): string {
  return r.encounter ?? `date:${r.dateOfService}`;
}

/** The visit in words (date, time, place, type, reason), never its id (issue 17 part 5); a
 * result whose Encounter was not among the records read is named by its date of service. */
function visitLabel(r: EncounterResult, visits: ReadonlyMap<string, PatientVisit>): string {
  const v = r.encounter ? visits.get(r.encounter) : undefined;
  // An Encounter without a start still has the date of service the engine derived.
  if (v) return visitWords(v.date === undefined ? { ...v, date: r.dateOfService } : v);
  const date = visitDateText(r.dateOfService);
  return r.encounter ? `${date}, visit details not read` : `${date}, no visit recorded`;
}

export function CoderView() {
  const gateway = useGateway();
  const queryClient = useQueryClient();
  const analysis = useEncounterAnalysis();
  const pickerId = useId();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  // The words of drug codes (issue 17 §5): the built-in reference (the same cached data as the
  // nurse's built-in products), already loaded with the engine.
  const builtin = useQuery({
    queryKey: fhirKeys.referenceProducts(gateway.launch),
    queryFn: async () => (await import('../../reference/builtin.ts')).builtinReference(),
    staleTime: Infinity,
  });

  if (analysis.isPending) return <LoadingMessage label="Loading the visit for review…" />;
  if (analysis.error) {
    return (
      <ErrorMessage
        title="The visit could not be loaded."
        message={analysis.error.message}
        onRetry={analysis.refetch}
      />
    );
  }
  const { results } = analysis;
  const visits = visitsByReference(analysis.picture?.resources ?? []);
  const selected = picked ? results.find((r) => visitKey(r) === picked) : analysis.current;
  const unreadable = analysis.picture?.unreadable ?? [];

  return (
    <section className="coder-view" aria-labelledby={`${pickerId}-title`}>
      <div className="section-head">
        <h2 id={`${pickerId}-title`}>Coder review</h2>
        {results.length > 0 && (
          <p className="visit-choice">
            <label htmlFor={pickerId}>Visit to review </label>
            <select
              id={pickerId}
              value={selected ? visitKey(selected) : ''}
              onChange={(e) => setPicked(e.target.value)}
            >
              {!selected && <option value="">Pick a visit</option>}
              {results.map((r) => (
                <option key={visitKey(r)} value={visitKey(r)}>
                  {visitLabel(r, visits)}
                </option>
              ))}
            </select>
          </p>
        )}
      </div>
      {unreadable.length > 0 && (
        <div className="status unreadable">
          <p>Some records could not be read, so these checks are incomplete:</p>
          <ul>
            {unreadable.map((u) => (
              <li key={u.resourceType}>{u.reason}</li>
            ))}
          </ul>
        </div>
      )}
      {selected ? (
        <CoderReview
          key={visitKey(selected)}
          result={selected}
          resources={analysis.picture?.resources ?? []}
          gateway={gateway}
          claimsReadable={!unreadable.some((u) => u.resourceType === 'Claim')}
          reference={builtin.data}
          onSaved={() => void invalidateAfterWrite(queryClient, gateway.launch)}
        />
      ) : (
        <EmptyMessage>
          {results.length > 0
            ? 'This visit has no medication administrations to bill. Pick another visit to review.'
            : 'No medication administrations to bill for this patient.'}
        </EmptyMessage>
      )}
    </section>
  );
}
