// The launcher at / : pick a fixture patient, an encounter and a role, then open the app the
// way an EHR would (EHR launch with `iss` and `launch`), inside an EHR-like frame or top-level.
import type { Encounter, HumanName, Patient } from '@medplum/fhirtypes';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FhirStore } from './fhir-store.ts';
import { userChoiceRadios } from './user-choices.ts';
import { escapeHtml, page, parseForm, readBody, redirect, sendHtml } from './http-util.ts';
import type { PatientChoice } from './interaction.ts';
import {
  accountIdOf,
  fhirUserPathOf,
  isSandboxRole,
  PATIENT_USER_CHOICE,
  ROLE_USERS,
  type LaunchRegistry,
} from './launch-registry.ts';

/** Who opens the clinic-wide screens: the charge nurse, and the practice manager. */
export const VIEW_USERS = { board: 'nurse-1', dashboard: 'manager-1' } as const;

export interface LauncherDeps {
  store: FhirStore;
  launches: LaunchRegistry;
  fhirBase: string;
  /** e.g. http://127.0.0.1:5173/launch.html */
  appLaunchUrl: string;
}

function nameOf(names: HumanName[] | undefined): string {
  const n = names?.[0];
  if (!n) return '(no name)';
  return [n.given?.join(' '), n.family].filter(Boolean).join(' ') || n.text || '(no name)';
}

async function searchAll<T>(store: FhirStore, url: string): Promise<T[]> {
  const res = await store.handle({ method: 'GET', url });
  if (res.body.resourceType !== 'Bundle') return [];
  return (res.body.entry ?? []).map((e) => e.resource as T).filter(Boolean);
}

export async function listPatients(store: FhirStore): Promise<PatientChoice[]> {
  const patients = await searchAll<Patient>(store, '/Patient?_count=1000');
  return patients
    .filter((p): p is Patient & { id: string } => typeof p.id === 'string')
    .map((p) => ({ id: p.id, label: `${nameOf(p.name)} (${p.id})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

async function listEncounters(
  store: FhirStore,
): Promise<{ id: string; patientId: string; label: string }[]> {
  const encounters = await searchAll<Encounter>(store, '/Encounter?_count=1000');
  return encounters
    .map((e) => ({
      id: e.id ?? '',
      patientId: (e.subject?.reference ?? '').split('/').pop() ?? '',
      label: `${e.period?.start?.slice(0, 10) ?? 'no date'} · ${e.id ?? ''}`,
    }))
    .filter((e) => e.id !== '')
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The days with visits, for the coder's work queue of a day: [date, number of visits]. */
function queueDays(encounters: { label: string }[]): [string, number][] {
  const days = new Map<string, number>();
  for (const e of encounters) {
    const day = e.label.slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) days.set(day, (days.get(day) ?? 0) + 1);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b));
}

/** A work-queue List of the day's Encounters, written to the store; 'List/<id>'. */
async function createWorkQueue(store: FhirStore, day: string): Promise<string | undefined> {
  const encounters = (await listEncounters(store)).filter((e) => e.label.startsWith(day));
  if (encounters.length === 0) return undefined;
  const res = await store.handle({
    method: 'POST',
    url: '/List',
    body: {
      resourceType: 'List',
      status: 'current',
      mode: 'working',
      title: `Coding queue ${day}`,
      date: `${day}T18:00:00Z`,
      entry: encounters.map((e) => ({ item: { reference: `Encounter/${e.id}` } })),
    },
  });
  const id = (res.body as { id?: string }).id;
  return res.status < 300 && id ? `List/${id}` : undefined;
}

/** The app's launch address: the worklist has its own (as an EHR registers one per activity). */
function appUrlFor(deps: LauncherDeps, launchId: string, worklist: boolean): string {
  return `${deps.appLaunchUrl}?${worklist ? 'view=worklist&' : ''}iss=${encodeURIComponent(deps.fhirBase)}&launch=${encodeURIComponent(launchId)}`;
}

async function launcherPage(deps: LauncherDeps): Promise<string> {
  const patients = await listPatients(deps.store);
  const encounters = await listEncounters(deps.store);
  const queues = queueDays(encounters)
    .map(
      ([day, n]) =>
        `<option value="${escapeHtml(day)}">Visits of ${escapeHtml(day)} (${n})</option>`,
    )
    .join('');
  const patientOptions = patients
    .map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.label)}</option>`)
    .join('');
  const groups = patients
    .map((p) => {
      const own = encounters.filter((e) => e.patientId === p.id);
      if (own.length === 0) return '';
      const opts = own
        .map((e) => `<option value="${escapeHtml(e.id)}">${escapeHtml(e.label)}</option>`)
        .join('');
      return `<optgroup label="${escapeHtml(p.label)}">${opts}</optgroup>`;
    })
    .join('');
  return page(
    'Local EHR launcher',
    `<header><h1>Local EHR launcher</h1></header>
<main>
<p>Opens EveryDose with a SMART EHR launch against <code>${escapeHtml(deps.fhirBase)}</code>.</p>
<form method="post" action="/launch">
<label for="patient">Patient</label>
<select id="patient" name="patient" required>${patientOptions}</select>
<label for="encounter">Encounter (must belong to the patient)</label>
<select id="encounter" name="encounter"><option value="">No encounter (today)</option>${groups}</select>
<label for="queue">Work queue (a day's visits as a worklist; patient and encounter are then not used)</label>
<select id="queue" name="queue"><option value="">No work queue</option>${queues}</select>
<fieldset><legend>Role</legend>${userChoiceRadios()}</fieldset>
<fieldset><legend>Where to open the app</legend>
<label><input type="radio" name="embedded" value="1" checked> Inside the EHR frame</label>
<label><input type="radio" name="embedded" value="0"> Top-level window</label>
</fieldset>
<button type="submit">Launch EveryDose</button>
</form>
<h2>Clinic-wide screens</h2>
<p>Opened without a patient, with user-level access, as the EHR's own menu entries would.</p>
<form method="post" action="/launch-view">
<input type="hidden" name="view" value="board">
<button type="submit">Open the charge nurse board</button> as Practitioner/${VIEW_USERS.board}
</form>
<form method="post" action="/launch-view">
<input type="hidden" name="view" value="dashboard">
<button type="submit">Open the practice dashboard</button> as Practitioner/${VIEW_USERS.dashboard} (practice manager)
</form>
<p><a href="/sign-order">Sign order</a>: draft a drug order and see EveryDose's CDS Hooks cards
(service at <code>/cds-services</code>).</p>
</main>`,
  );
}

function framePage(appUrl: string, banner: string): string {
  return page(
    'Local EHR',
    `<header><strong>Local EHR</strong></header>
<div class="banner" role="region" aria-label="Patient banner">${escapeHtml(banner)}</div>
<iframe class="ehr-frame" title="EveryDose" src="${escapeHtml(appUrl)}"></iframe>`,
  );
}

/** GET / (form), GET|POST /launch (create a launch), GET /ehr (the frame). */
export async function handleLauncher(
  deps: LauncherDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (url.pathname === '/' && req.method === 'GET') {
    sendHtml(res, 200, await launcherPage(deps));
    return true;
  }
  if (url.pathname === '/launch') {
    const form =
      req.method === 'POST'
        ? parseForm(await readBody(req))
        : Object.fromEntries(url.searchParams.entries());
    const role = isSandboxRole(form['role']) ? form['role'] : 'nurse';
    const embedded = form['embedded'] !== '0';
    const withholdTypes = (form['withhold'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (form['queue']) {
      const workQueue = await createWorkQueue(deps.store, form['queue']);
      if (!workQueue) {
        sendHtml(
          res,
          400,
          page(
            'Launch refused',
            '<main><p>That day has no visits to put in a work queue.</p><p><a href="/">Back to the launcher</a></p></main>',
          ),
        );
        return true;
      }
      const launchId = deps.launches.create({
        userId: ROLE_USERS[role],
        patientId: undefined,
        encounterId: undefined,
        intent: role,
        needPatientBanner: !embedded,
        workQueue,
        withholdTypes,
      });
      redirect(
        res,
        embedded ? `/ehr?launch=${encodeURIComponent(launchId)}` : appUrlFor(deps, launchId, true),
      );
      return true;
    }
    const patients = await listPatients(deps.store);
    const patient = patients.find((p) => p.id === form['patient']);
    const encounters = await listEncounters(deps.store);
    const encounter = encounters.find((e) => e.id === form['encounter']);
    if (!patient || (form['encounter'] && (!encounter || encounter.patientId !== patient.id))) {
      sendHtml(
        res,
        400,
        page(
          'Launch refused',
          '<main><p>Choose a patient and one of that patient\'s encounters.</p><p><a href="/">Back to the launcher</a></p></main>',
        ),
      );
      return true;
    }
    const patientUser = form['role'] === PATIENT_USER_CHOICE;
    const launchId = deps.launches.create({
      ...(patientUser
        ? { userId: patient.id, userType: 'Patient' as const, intent: undefined }
        : { userId: ROLE_USERS[role], intent: role }),
      patientId: patient.id,
      encounterId: encounter?.id,
      needPatientBanner: !embedded,
      withholdTypes,
    });
    redirect(
      res,
      embedded ? `/ehr?launch=${encodeURIComponent(launchId)}` : appUrlFor(deps, launchId, false),
    );
    return true;
  }
  if (url.pathname === '/launch-view') {
    // The charge nurse's board and the practice dashboard: no patient, SMART intent names the
    // screen, and the app's launch address says which scopes to ask for (?view=).
    const form =
      req.method === 'POST'
        ? parseForm(await readBody(req))
        : Object.fromEntries(url.searchParams.entries());
    const view = form['view'];
    if (view !== 'board' && view !== 'dashboard') {
      sendHtml(
        res,
        400,
        page(
          'Launch refused',
          '<main><p>Unknown screen.</p><p><a href="/">Back to the launcher</a></p></main>',
        ),
      );
      return true;
    }
    const launchId = deps.launches.create({
      userId: VIEW_USERS[view],
      patientId: undefined,
      encounterId: undefined,
      intent: view,
      needPatientBanner: false,
      withholdTypes: [],
    });
    redirect(
      res,
      `${deps.appLaunchUrl}?iss=${encodeURIComponent(deps.fhirBase)}&launch=${encodeURIComponent(launchId)}&view=${view}`,
    );
    return true;
  }
  if (url.pathname === '/ehr' && req.method === 'GET') {
    const launchId = url.searchParams.get('launch') ?? '';
    const launch = deps.launches.get(launchId);
    if (!launch) {
      sendHtml(
        res,
        404,
        page(
          'Unknown launch',
          '<main><p>This launch is unknown. <a href="/">Back to the launcher</a></p></main>',
        ),
      );
      return true;
    }
    const patients = await listPatients(deps.store);
    const banner = launch.workQueue
      ? 'Coding work queue'
      : (patients.find((p) => p.id === launch.patientId)?.label ?? '');
    const appUrl = appUrlFor(deps, launchId, launch.workQueue !== undefined);
    sendHtml(
      res,
      200,
      framePage(appUrl, `${banner} · signed in as ${fhirUserPathOf(accountIdOf(launch))}`),
    );
    return true;
  }
  return false;
}
