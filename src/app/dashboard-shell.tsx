// The practice dashboard screen (launched with intent "dashboard", issue 17 §3): read-only,
// loaded lazily with its charting library so no other screen pays for it.
import { lazy, Suspense } from 'react';
import { LoadingMessage } from '../components/status-message.tsx';

const DashboardView = lazy(() =>
  import('../features/dashboard/dashboard-view.tsx').then((m) => ({ default: m.DashboardView })),
);

export function DashboardShell() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>EveryDose</h1>
      </header>
      <main>
        <Suspense fallback={<LoadingMessage label="Opening the dashboard…" />}>
          <DashboardView />
        </Suspense>
      </main>
    </div>
  );
}
