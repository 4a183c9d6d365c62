// Headless sign-in for the local EHR: no login form. An EHR launch's `launch` id names the
// user, patient and encounter (set by the launcher); a standalone launch shows a small
// picker for the patient and the user, then finishes the interaction.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails } from 'oidc-provider';
import { grantContextFor, OIDC_SCOPES, type AuthServer } from './auth-server.ts';
import { userChoiceRadios } from './user-choices.ts';
import { escapeHtml, page, parseForm, readBody, sendHtml } from './http-util.ts';
import {
  accountIdOf,
  isSandboxRole,
  PATIENT_USER_CHOICE,
  ROLE_USERS,
  type LaunchContext,
  type LaunchRegistry,
} from './launch-registry.ts';
import { isCompartmentType } from './compartment.ts';
import { profileAllows, type ProfileHolder } from './ehr-profiles.ts';
import { isResourceScope, parseResourceScope, scopeType } from './smart-scopes.ts';

export interface PatientChoice {
  id: string;
  label: string;
}

export interface InteractionDeps {
  auth: AuthServer;
  launches: LaunchRegistry;
  fhirBase: string;
  clientId: string;
  listPatients: () => Promise<PatientChoice[]>;
  /** The kind of EHR imitated: scopes for interactions it does not offer are refused. */
  profile?: ProfileHolder;
}

/** Whether the EHR profile offers every permission a resource scope asks for. */
function offeredByProfile(deps: InteractionDeps, scope: string): boolean {
  const profile = deps.profile?.current ?? 'full';
  const parsed = parseResourceScope(scope);
  if (!parsed) return false;
  return [...parsed.permissions].every((p) => profileAllows(profile, parsed.type, p));
}

/**
 * A patient signed in as themself gets read access only: no create/update/delete scope, and no
 * user/ scope on a patient-compartment type (that would reach other patients' records); user/
 * reads of shared types (Medication, Practitioner, …) stay.
 */
export function patientUserMayHave(scope: string): boolean {
  const parsed = parseResourceScope(scope);
  if (!parsed) return false;
  const readOnly = [...parsed.permissions].every((p) => p === 'r' || p === 's');
  if (!readOnly) return false;
  if (parsed.level === 'patient') return true;
  return parsed.level === 'user' && parsed.type !== '*' && !isCompartmentType(parsed.type);
}

function sameBase(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

async function finish(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  details: InteractionDetails,
  launch: LaunchContext,
): Promise<void> {
  const requested = String(details.params['scope'] ?? '')
    .split(' ')
    .filter(Boolean);
  const oidc = requested.filter((s) => OIDC_SCOPES.includes(s));
  const patientUser = launch.userType === 'Patient';
  const withheld = (s: string) =>
    launch.withholdTypes.includes(scopeType(s) ?? '') ||
    !offeredByProfile(deps, s) ||
    (patientUser && !patientUserMayHave(s));
  const resource = requested.filter((s) => isResourceScope(s) && !withheld(s));
  const refused = requested.filter((s) => isResourceScope(s) && withheld(s));
  const accountId = accountIdOf(launch);
  const grant = new deps.auth.provider.Grant({ accountId, clientId: deps.clientId });
  if (oidc.length > 0) grant.addOIDCScope(oidc.join(' '));
  if (resource.length > 0) grant.addResourceScope(deps.fhirBase, resource.join(' '));
  if (refused.length > 0) grant.rejectResourceScope(deps.fhirBase, refused.join(' '));
  const grantId = await grant.save();
  deps.auth.setGrantContext(grantId, grantContextFor(launch, [...oidc, ...resource].join(' ')));
  await deps.auth.provider.interactionFinished(
    req,
    res,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

async function deny(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
  description: string,
): Promise<void> {
  await deps.auth.provider.interactionFinished(
    req,
    res,
    { error: 'access_denied', error_description: description },
    { mergeWithLastSubmission: false },
  );
}

function pickerPage(uid: string, patients: PatientChoice[]): string {
  const options = patients
    .map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.label)}</option>`)
    .join('');
  return page(
    'Choose a patient',
    `<header><h1>Local EHR: standalone sign-in</h1></header>
<main>
<form method="post" action="/auth/interaction/${escapeHtml(uid)}">
<label for="patient">Patient</label>
<select id="patient" name="patient" required>${options}<option value="none">No patient (a day's worklist)</option></select>
<fieldset><legend>Signed-in user</legend>${userChoiceRadios()}</fieldset>
<button type="submit">Continue</button>
</form>
</main>`,
  );
}

/** GET or POST /auth/interaction/:uid */
export async function handleInteraction(
  deps: InteractionDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let details: InteractionDetails;
  try {
    details = await deps.auth.provider.interactionDetails(req, res);
  } catch {
    sendHtml(
      res,
      400,
      page(
        'Sign-in expired',
        '<main><h1>This sign-in has expired</h1><p>Launch EveryDose again from the <a href="/">launcher</a>.</p></main>',
      ),
    );
    return;
  }
  const aud = details.params['aud'];
  if (typeof aud === 'string' && !sameBase(aud, deps.fhirBase)) {
    await deny(deps, req, res, 'aud does not name this FHIR server');
    return;
  }
  const launchId = details.params['launch'];
  if (typeof launchId === 'string' && launchId !== '') {
    const launch = deps.launches.get(launchId);
    if (!launch) {
      await deny(deps, req, res, 'unknown launch');
      return;
    }
    await finish(deps, req, res, details, launch);
    return;
  }
  // Standalone launch: the user picks a patient and who they are.
  if (req.method !== 'POST') {
    sendHtml(res, 200, pickerPage(details.uid, await deps.listPatients()));
    return;
  }
  const form = parseForm(await readBody(req));
  const patients = await deps.listPatients();
  const patientId = patients.find((p) => p.id === form['patient'])?.id;
  if (form['role'] === PATIENT_USER_CHOICE) {
    if (!patientId) {
      await deny(deps, req, res, 'a patient user needs a patient');
      return;
    }
    await finish(deps, req, res, details, {
      userId: patientId,
      userType: 'Patient',
      patientId,
      encounterId: undefined,
      intent: undefined,
      needPatientBanner: true,
      withholdTypes: [],
    });
    return;
  }
  const role = isSandboxRole(form['role']) ? form['role'] : 'nurse';
  await finish(deps, req, res, details, {
    userId: ROLE_USERS[role],
    patientId,
    encounterId: undefined,
    intent: undefined,
    needPatientBanner: true,
    withholdTypes: [],
  });
}
