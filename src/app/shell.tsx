// The app frame: title, role switcher, patient banner (unless the EHR shows its own), this
// visit's administrations, then the screen for the user's role. Role screens load lazily so
// the first screen (banner + administrations) does not wait for them.
import { lazy, Suspense, type ReactNode } from 'react';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { PatientBanner } from '../components/patient-banner.tsx';
import { RolePicker, RoleSwitcher } from '../components/role-switcher.tsx';
import type { AppRole } from '../fhir/extensions.ts';
import { plainErrorMessage } from '../fhir/queries/plain-error.ts';
import { useLaunch } from '../hooks/gateway-context.ts';
import { useRole } from '../hooks/role-context.ts';
import { useBillingPicture } from '../hooks/use-billing-picture.ts';
import { usePatientSummary } from '../hooks/use-patient-summary.ts';
import { opensWorklist } from '../fhir/work-queue-context.ts';
import { useRetryFailed, useVisitFailed } from './retry-failed.ts';
import { VisitAdministrations } from './visit-administrations.tsx';
import { VisitPicker } from './visit-picker.tsx';
import { WorklistShell } from './worklist-shell.tsx';

function PatientBannerContainer({ withVisit }: { withVisit: boolean }) {
  const patient = usePatientSummary();
  const visitFailed = useVisitFailed();
  const retry = useRetryFailed();
  if (patient.error)
    // One "Try again" on the screen: when the visit's alert shows too, its button retries this.
    return withVisit && visitFailed ? (
      <p className="patient-banner" role="status">
        Patient details could not be read. {plainErrorMessage(patient.error)}
      </p>
    ) : (
      <ErrorMessage
        title="Patient details could not be read."
        message={plainErrorMessage(patient.error)}
        onRetry={retry}
      />
    );
  if (!patient.data) return null;
  return <PatientBanner {...patient.data} />;
}

const NurseView = lazy(() =>
  import('../features/nurse/nurse-view.tsx').then((m) => ({ default: m.NurseView })),
);
const CoderView = lazy(() =>
  import('../features/coder/coder-view.tsx').then((m) => ({ default: m.CoderView })),
);
const ClinicianView = lazy(() =>
  import('../features/clinician/clinician-view.tsx').then((m) => ({ default: m.ClinicianView })),
);

const CODER: AppRole = 'coder';

function RoleView({ role }: { role: AppRole }) {
  return (
    <Suspense fallback={<LoadingMessage label="Opening your screen…" />}>
      {role === 'nurse' ? <NurseView /> : role === 'coder' ? <CoderView /> : <ClinicianView />}
    </Suspense>
  );
}

/**
 * When the whole visit could not be loaded, the role's screen keeps its heading (people and
 * screen readers still know where they are) and says in one plain sentence that its checks wait
 * for the visit: no second alert, no second "Try again" (issue 14 part 7).
 */
function RoleWaiting({ role }: { role: AppRole }) {
  const title = role === 'coder' ? 'Coder review' : 'Billing warnings';
  const id = `${role}-waiting-heading`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>Nothing can be checked until this visit loads: see the message above.</p>
    </section>
  );
}

/**
 * The visit's list and the role's screen (issue 14 part 7): records refused or turned down (403,
 * 400) are one alert naming them, with one "Try again", above screens that say their checks are
 * incomplete and never word them as absence. When the whole visit could not be loaded (401, 5xx,
 * a dropped connection) the visit list's alert is the only message: the clinician's and coder's
 * screens, which could only repeat it, are not shown; the chair stays, without an alert of its
 * own, so entries kept on the device remain in view. The list keeps its place in the tree: a
 * remount would read the failed visit again at once, and again after each failure.
 */
function VisitScreens({ role }: { role: AppRole }) {
  const picture = useBillingPicture();
  const retry = useRetryFailed();
  const failed = picture.data?.unreadable.filter((u) => u.failed) ?? [];
  const notice =
    failed.length > 0 ? (
      <ErrorMessage
        title="Some of this visit's records could not be read."
        message={failed.map((u) => u.reason).join(' ')}
        onRetry={retry}
      />
    ) : null;
  // At the chair the running infusions come first; the visit's list follows.
  return role === 'nurse' ? (
    <>
      {notice}
      <RoleView role={role} />
      <VisitAdministrations />
    </>
  ) : (
    <>
      {notice}
      <VisitAdministrations folded={role === 'coder'} />
      {picture.error ? <RoleWaiting role={role} /> : <RoleView role={role} />}
    </>
  );
}

export function Shell() {
  const launch = useLaunch();
  const { role, setRole, resolving, allowed, readOnly, error, retry } = useRole();
  // Issue 17 part 5: a patient but no visit opens the visit of the day or a visit picker,
  // never an empty screen.
  const pickVisit = !!launch.patientId && !launch.encounterId && !opensWorklist(launch);
  const wrap = (content: ReactNode) =>
    pickVisit ? (
      // Until a visit is open, the patient's administrations today stay in view.
      <VisitPicker beside={<VisitAdministrations />}>{content}</VisitPicker>
    ) : (
      content
    );
  return (
    <div className="app">
      <header className="app-header">
        <h1>EveryDose</h1>
        {allowed && allowed.length > 0 ? (
          <RoleSwitcher role={role} onChange={setRole} allowed={allowed} />
        ) : readOnly ? (
          <p className="role-switcher">Working as: view only</p>
        ) : null}
      </header>
      {launch.needPatientBanner ? <PatientBannerContainer withVisit={!!role} /> : null}
      <main>
        {wrap(
          opensWorklist(launch) && role === 'coder' ? (
            <WorklistShell
              queue={launch.workQueue}
              visit={
                <>
                  <PatientBannerContainer withVisit />
                  <VisitScreens role={CODER} />
                </>
              }
            />
          ) : !launch.patientId && opensWorklist(launch) && role ? (
            <EmptyMessage>
              The worklist is the coders’ list of visits. Switch “Working as” to Coder to work it.
            </EmptyMessage>
          ) : !launch.patientId ? (
            <EmptyMessage>
              EveryDose was opened without a patient. Open it from a patient’s chart.
            </EmptyMessage>
          ) : role ? (
            <VisitScreens role={role} />
          ) : resolving ? (
            <LoadingMessage label="Finding your role…" />
          ) : error ? (
            // Never a role picker under an error: the roles were not read, so none is offered.
            <ErrorMessage
              title="Your role in the EHR could not be read."
              message={`${plainErrorMessage(error)} EveryDose needs it to know which work you may do.`}
              {...(retry ? { onRetry: retry } : {})}
            />
          ) : readOnly ? (
            <>
              <EmptyMessage>
                You are viewing this visit. EveryDose lets nurses, clinicians and coders change
                records; your sign-in has none of those roles, so nothing here can be changed.
              </EmptyMessage>
              <VisitAdministrations />
            </>
          ) : (
            <RolePicker onChange={setRole} {...(allowed ? { allowed } : {})} />
          ),
        )}
      </main>
    </div>
  );
}
