// The practice dashboard (issue 17 §3): over a date range, the engine's practice figures, each as
// a number, a chart over time (uPlot, lazy) and a table as its text alternative; the top warning
// codes; and denials by root cause from the payers' answers to past claims.
import './dashboard.css';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../../components/status-message.tsx';
import { defaultConfig, warningCodeText } from '../../engine/index.ts';
import { loadClinicDay } from '../../fhir/load/load-clinic-day.ts';
import { fhirKeys } from '../../fhir/queries/keys.ts';
import { plainErrorMessage } from '../../fhir/queries/plain-error.ts';
import { useGateway } from '../../hooks/gateway-context.ts';
import { todayLocal } from '../../hooks/today.ts';
import { dashboardFigures, FIGURES, valueText } from './dashboard-model.ts';
import { TrendChart } from './trend-chart.tsx';

function daysBefore(day: string, n: number): string {
  const ms = Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10));
  return new Date(ms - n * 86_400_000).toISOString().slice(0, 10);
}

export interface DashboardViewProps {
  initialFrom?: string;
  initialTo?: string;
}

export function DashboardView({ initialFrom, initialTo }: DashboardViewProps = {}) {
  const gateway = useGateway();
  const today = todayLocal();
  const [from, setFrom] = useState(initialFrom ?? daysBefore(today, 29));
  const [to, setTo] = useState(initialTo ?? today);
  const picture = useQuery({
    queryKey: fhirKeys.dashboard(gateway.launch, from, to),
    queryFn: () => loadClinicDay(gateway, { date: from, until: to }),
    enabled: from <= to,
  });
  const reference = useQuery({
    queryKey: fhirKeys.dashboardReference(gateway.launch),
    queryFn: async () => (await import('../../reference/builtin.ts')).builtinReference(),
    staleTime: Infinity,
  });
  const figures = useMemo(
    () =>
      picture.data && reference.data
        ? dashboardFigures(picture.data, { config: defaultConfig(), reference: reference.data })
        : undefined,
    [picture.data, reference.data],
  );
  const error = picture.error ?? reference.error;
  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">Practice dashboard</h2>
      <div className="dashboard-range">
        <label>
          From{' '}
          <input
            type="date"
            value={from}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
          />
        </label>
        <label>
          To{' '}
          <input type="date" value={to} onChange={(e) => e.target.value && setTo(e.target.value)} />
        </label>
      </div>
      {from > to ? (
        <EmptyMessage>The first day is after the last day.</EmptyMessage>
      ) : error ? (
        <ErrorMessage
          title="The practice figures could not be read."
          message={plainErrorMessage(error)}
        />
      ) : !figures ? (
        <LoadingMessage label="Reading the visits of the range…" />
      ) : figures.totals.encounters === 0 ? (
        <EmptyMessage>
          No visits from {from} to {to}.
        </EmptyMessage>
      ) : (
        <>
          <p>
            {figures.totals.encounters} visits from {figures.from} to {figures.to}, by day.
          </p>
          <ul className="dashboard-figures">
            {FIGURES.map((f) => {
              const total = f.of(figures.totals);
              const periods = figures.periods.map((p) => p.period);
              const values = figures.periods.map((p) => f.of(p));
              const summary = `${f.label} by day: ${figures.periods
                .map((p) => `${p.period} ${valueText(f.kind, f.of(p))}`)
                .join('; ')}.`;
              return (
                <li key={f.id} className="dashboard-figure">
                  <h3 id={`fig-${f.id}`}>{f.label}</h3>
                  <p className="dashboard-number">{valueText(f.kind, total)}</p>
                  <p>{f.basis(figures.totals)}</p>
                  <TrendChart label={f.label} summary={summary} periods={periods} values={values} />
                  <details>
                    <summary>Table of {f.label.toLowerCase()} by day</summary>
                    <table aria-labelledby={`fig-${f.id}`}>
                      <thead>
                        <tr>
                          <th scope="col">Day</th>
                          <th scope="col">Value</th>
                          <th scope="col">Counted</th>
                        </tr>
                      </thead>
                      <tbody>
                        {figures.periods.map((p) => (
                          <tr key={p.period}>
                            <td>{p.period}</td>
                            <td>{valueText(f.kind, f.of(p))}</td>
                            <td>{f.basis(p)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </li>
              );
            })}
          </ul>
          <h3>Top warning codes</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Warning</th>
                <th scope="col">Severity</th>
                <th scope="col">Visits</th>
              </tr>
            </thead>
            <tbody>
              {figures.topWarnings.map((w) => (
                <tr key={w.code}>
                  <td>{warningCodeText(w.code)}</td>
                  <td>{w.severity}</td>
                  <td>{w.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Denials by root cause</h3>
          {figures.denials.adjudicatedLines === 0 ? (
            <p>No payer answers to past claims were found for these patients.</p>
          ) : (
            <>
              <p>
                {figures.denials.deniedLines} of {figures.denials.adjudicatedLines} adjudicated
                claim lines were denied (
                {valueText(
                  'percent',
                  figures.denials.deniedLines / figures.denials.adjudicatedLines,
                )}
                ).
              </p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Root cause</th>
                    <th scope="col">Denied lines</th>
                    <th scope="col">Denial rate</th>
                    <th scope="col">Caught now by</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.denials.byCause.map((d) => (
                    <tr key={d.cause}>
                      <td>{d.label}</td>
                      <td>{d.count}</td>
                      <td>{valueText('percent', d.rate)}</td>
                      <td>{d.preventedBy.map(warningCodeText).join('; ') || 'no check yet'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {picture.data && picture.data.unreadable.length > 0 ? (
            <p role="status">
              Incomplete: {picture.data.unreadable.map((u) => u.reason).join(' ')}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
