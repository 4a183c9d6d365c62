// The coder's screen. STUB: replaced by the full view.
export function CoderView() {
  return <p>Coder view is being built.</p>;
}
