// SMART redirect_uri (index.html): finish the sign-in, then start the app. A failed sign-in
// shows one plain sentence, never a stack trace.
import FHIR from 'fhirclient';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import './components/tokens.css';
import { createQueryClient } from './app/query-client.ts';
import { SignInFailed } from './app/sign-in-failed.tsx';
import { gatewayFromClient } from './fhir/fhirclient-gateway.ts';
import { capabilitiesQuery, patientQuery } from './fhir/queries/options.ts';

const container = document.getElementById('root');
if (container) {
  const root = createRoot(container);
  // A public client names itself when it refreshes (RFC 6749 section 6 and 2.3; Epic and the
  // local EHR refuse a refresh without client_id with 400 invalid_request). Without this no
  // token refresh ever succeeded and a 401 ended the session.
  FHIR.oauth2.settings.refreshTokenWithClientId = true;
  FHIR.oauth2
    .ready()
    .then((client) => {
      const gateway = gatewayFromClient(client);
      const queryClient = createQueryClient();
      // Start the first round trips at once: server capabilities and the banner's patient.
      void queryClient.prefetchQuery(capabilitiesQuery(gateway));
      if (gateway.launch.patientId) void queryClient.prefetchQuery(patientQuery(gateway));
      root.render(
        <StrictMode>
          <App gateway={gateway} queryClient={queryClient} />
        </StrictMode>,
      );
    })
    .catch(() => {
      root.render(<SignInFailed />);
    });
}
