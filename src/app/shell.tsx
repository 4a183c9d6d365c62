// The app frame: title, role switcher, patient banner (unless the EHR shows its own), this
// visit's administrations, then the screen for the user's role. Role screens load lazily so
// the first screen (banner + administrations) does not wait for them.
import { lazy, Suspense } from 'react';
import { EmptyMessage, ErrorMessage, LoadingMessage } from '../components/status-message.tsx';
import { PatientBanner } from '../components/patient-banner.tsx';
import { RolePicker, RoleSwitcher } from '../components/role-switcher.tsx';
import type { AppRole } from '../fhir/extensions.ts';
import { plainErrorMessage } from '../fhir/queries/plain-error.ts';
import { useLaunch } from '../hooks/gateway-context.ts';
import { useRole } from '../hooks/role-context.ts';
import { usePatientSummary } from '../hooks/use-patient-summary.ts';
import { opensWorklist } from '../fhir/work-queue-context.ts';
import { VisitAdministrations } from './visit-administrations.tsx';
import { WorklistShell } from './worklist-shell.tsx';

function PatientBannerContainer() {
  const patient = usePatientSummary();
  if (patient.error)
    return (
      <p className="patient-banner" role="status">
        Patient details could not be read. {plainErrorMessage(patient.error)}
      </p>
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

export function Shell() {
  const launch = useLaunch();
  const { role, setRole, resolving, allowed, readOnly, error, retry } = useRole();
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
      {launch.needPatientBanner ? <PatientBannerContainer /> : null}
      <main>
        {opensWorklist(launch) && role === 'coder' ? (
          <WorklistShell
            queue={launch.workQueue}
            visit={
              <>
                <PatientBannerContainer />
                <VisitAdministrations />
                <RoleView role={CODER} />
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
          role === 'nurse' ? (
            // At the chair the running infusions come first; the visit's list follows.
            <>
              <RoleView role={role} />
              <VisitAdministrations />
            </>
          ) : (
            <>
              <VisitAdministrations />
              <RoleView role={role} />
            </>
          )
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
        )}
      </main>
    </div>
  );
}
