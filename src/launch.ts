// SMART launch_uri (launch.html). EHR launch: the EHR opens this page with `iss` and
// `launch`, which fhirclient reads from the URL. Standalone: no `iss` in the URL, so the
// configured VITE_FHIR_ISS is used. PKCE S256 is required; the token stays in
// sessionStorage where fhirclient keeps it.
import FHIR from 'fhirclient';
import { scopeString } from './fhir/scopes.ts';

function env(name: string): string | undefined {
  const value: unknown = import.meta.env[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function showProblem(text: string): void {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = text;
  document.getElementById('launch-status')?.replaceChildren(p);
}

export function startLaunch(search: string = window.location.search): Promise<unknown> {
  const fromEhr = new URLSearchParams(search).get('iss');
  const standaloneIss = env('VITE_FHIR_ISS');
  if (!fromEhr && !standaloneIss) {
    showProblem('Open EveryDose from the EHR chart: this launch did not say which EHR to use.');
    return Promise.resolve();
  }
  return FHIR.oauth2
    .authorize({
      clientId: env('VITE_SMART_CLIENT_ID') ?? 'everydose',
      scope: scopeString(),
      redirectUri: 'index.html',
      pkceMode: 'required',
      ...(fromEhr ? {} : { iss: standaloneIss }),
    })
    .catch(() => {
      showProblem(
        'EveryDose could not reach the EHR sign-in. Close this tab and launch it again from the chart.',
      );
    });
}

void startLaunch();
