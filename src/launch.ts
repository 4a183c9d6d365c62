// SMART launch_uri (launch.html). EHR launch: the EHR opens this page with `iss` and
// `launch`, which fhirclient reads from the URL. Standalone: no `iss` in the URL, so the
// configured VITE_FHIR_ISS is used. PKCE S256 is required; the token stays in
// sessionStorage where fhirclient keeps it.
import type { CapabilityStatement } from 'fhir/r4';
import FHIR from 'fhirclient';
import './components/tokens.css';
import { scopeStringFor, worklistScopeStringFor } from './fhir/write/channel-scopes.ts';
import { isClinicView, viewScopeStringFor } from './fhir/write/view-scopes.ts';

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

const METADATA_TIMEOUT_MS = 5000;

/**
 * The EHR's public CapabilityStatement, read before authorizing so the app asks only for the
 * write scopes of the channels it will use (docs/write-back.md). Undefined when it cannot be
 * read in time: the app then asks for its usual writes.
 */
export async function readStatement(iss: string): Promise<CapabilityStatement | undefined> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), METADATA_TIMEOUT_MS);
  try {
    const res = await fetch(`${iss.replace(/\/+$/, '')}/metadata`, {
      headers: { Accept: 'application/fhir+json' },
      signal: abort.signal,
    });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { resourceType?: unknown };
    return body.resourceType === 'CapabilityStatement' ? (body as CapabilityStatement) : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

export async function startLaunch(search: string = window.location.search): Promise<unknown> {
  const query = new URLSearchParams(search);
  const fromEhr = query.get('iss');
  // The coder's worklist has its own launch address (launch.html?view=worklist), as an EHR
  // registers one per activity: it asks for user-level reads and no patient.
  const worklist = query.get('view') === 'worklist';
  // The clinic-wide screens too (launch.html?view=board|dashboard): user-level reads, no patient.
  const view = query.get('view');
  const standaloneIss = env('VITE_FHIR_ISS');
  const iss = fromEhr ?? standaloneIss;
  if (!iss) {
    showProblem('Open EveryDose from the EHR chart: this launch did not say which EHR to use.');
    return;
  }
  const statement = await readStatement(iss);
  return FHIR.oauth2
    .authorize({
      clientId: env('VITE_SMART_CLIENT_ID') ?? 'everydose',
      scope: worklist
        ? worklistScopeStringFor(statement)
        : isClinicView(view)
          ? viewScopeStringFor(view, statement)
          : scopeStringFor(statement),
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
