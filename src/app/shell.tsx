// The app frame: title, role switcher, patient banner (unless the EHR shows its own), this
// visit's administrations, then the screen for the user's role.
import { EmptyMessage, LoadingMessage } from '../components/status-message.tsx';
import { PatientBanner } from '../components/patient-banner.tsx';
import { RolePicker, RoleSwitcher } from '../components/role-switcher.tsx';
import { ClinicianView } from '../features/clinician/clinician-view.tsx';
import { CoderView } from '../features/coder/coder-view.tsx';
import { NurseView } from '../features/nurse/nurse-view.tsx';
import type { AppRole } from '../fhir/extensions.ts';
import { useLaunch } from '../hooks/gateway-context.ts';
import { useRole } from '../hooks/role-context.ts';
import { usePatientSummary } from '../hooks/use-patient-summary.ts';
import { VisitAdministrations } from './visit-administrations.tsx';

function PatientBannerContainer() {
  const patient = usePatientSummary();
  if (!patient.data) return null;
  return <PatientBanner {...patient.data} />;
}

function RoleView({ role }: { role: AppRole }) {
  if (role === 'nurse') return <NurseView />;
  if (role === 'coder') return <CoderView />;
  return <ClinicianView />;
}

export function Shell() {
  const launch = useLaunch();
  const { role, setRole, resolving } = useRole();
  return (
    <div className="app">
      <header className="app-header">
        <h1>EveryDose</h1>
        <RoleSwitcher role={role} onChange={setRole} />
      </header>
      {launch.needPatientBanner ? <PatientBannerContainer /> : null}
      <main>
        {!launch.patientId ? (
          <EmptyMessage>
            EveryDose was opened without a patient. Open it from a patient’s chart.
          </EmptyMessage>
        ) : role ? (
          <>
            <VisitAdministrations />
            <RoleView role={role} />
          </>
        ) : resolving ? (
          <LoadingMessage label="Finding your role…" />
        ) : (
          <RolePicker onChange={setRole} />
        )}
      </main>
    </div>
  );
}
