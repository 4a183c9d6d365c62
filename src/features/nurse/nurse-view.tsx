// The nurse's screen. STUB: replaced by the full view.
export function NurseView() {
  return <p>Nurse view is being built.</p>;
}
