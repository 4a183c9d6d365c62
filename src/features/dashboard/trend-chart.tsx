// One figure over time as a small line chart (uPlot, loaded only when the dashboard opens). The
// canvas is decorative for assistive technology: the figure's table beside it is the text
// alternative, and the chart carries a one-sentence summary as its accessible name.
import { useEffect, useRef } from 'react';

export interface TrendChartProps {
  label: string;
  summary: string;
  /** Period start dates (YYYY-MM-DD) and values (null: nothing counted that period). */
  periods: string[];
  values: (number | null)[];
}

const seconds = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 1000;

/** The chart's line colour, read from the design tokens (src/components/tokens.css). */
function chartLineColour(el: HTMLElement): string {
  return getComputedStyle(el).getPropertyValue('--color-chart-line').trim() || 'currentColor';
}

export function TrendChart({ label, summary, periods, values }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: { destroy: () => void } | undefined;
    let cancelled = false;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => {
      if (cancelled || !box.current) return;
      const UPlot = m.default;
      chart = new UPlot(
        {
          width: 300,
          height: 120,
          legend: { show: false },
          scales: { x: { time: true } },
          series: [
            {},
            { label, stroke: chartLineColour(box.current), width: 2, points: { size: 6 } },
          ],
        },
        [periods.map(seconds), values],
        box.current,
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [label, periods, values]);
  return <div className="trend-chart" ref={box} role="img" aria-label={summary} />;
}
