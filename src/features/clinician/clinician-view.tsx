// The clinician's screen. STUB: replaced by the full view.
export function ClinicianView() {
  return <p>Clinician view is being built.</p>;
}
