// Shown when the SMART sign-in did not complete (token refused, PKCE mismatch, no launch).
export const SIGN_IN_FAILED =
  'The EHR did not accept the sign-in. Close this tab and launch EveryDose again from the chart.';

export function SignInFailed() {
  return (
    <main className="app">
      <h1>EveryDose</h1>
      <div className="status error" role="alert">
        <p>{SIGN_IN_FAILED}</p>
      </div>
    </main>
  );
}
