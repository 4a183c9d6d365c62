// @vitest-environment jsdom
// Issue 14 part 7: a failed read is never worded as absence. The whole app (shell, role picker,
// nurse, clinician and coder screens) over the real HTTP gateway against an msw EHR serving
// story 09, with one resource type failing every read (400, 401, 403, 500, dropped connection):
// exactly one alert saying what could not be read, one "Try again", and no "none"/"does not
// offer"/"No … recorded" wording anywhere on the screen.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import type { Bundle, FhirResource } from 'fhir/r4';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.tsx';
import {
  FHIR_BASE,
  capabilityStatement,
  searchset,
  startMswServer,
  testLaunch,
} from '../../test/msw/fhir-server.ts';
import { FhirclientGateway } from '../fhir/fhirclient-gateway.ts';
import { Shell } from './shell.tsx';

function fixture(name: string): FhirResource[] {
  const path = resolve(import.meta.dirname, '../../fhir-fixtures', name);
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Bundle<FhirResource>;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}
const data = [...fixture('09-draft-claim-with-errors.json'), ...fixture('practitioners.json')];
const OFFERED = [
  ...new Set([
    ...data.map((r) => r.resourceType),
    'ResearchSubject',
    'ResearchStudy',
    'CoverageEligibilityResponse',
    'ClaimResponse',
    'ExplanationOfBenefit',
    'Provenance',
    'MedicationKnowledge',
  ]),
];
const server = startMswServer();
// Each row renders the whole app (the role's screen loads the built-in reference data): give a
// busy machine room.
vi.setConfig({ testTimeout: 90_000 });

type Failure = 400 | 401 | 403 | 500 | 'network';
function failWith(f: Failure) {
  if (f === 'network') return HttpResponse.error();
  return HttpResponse.json(
    { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing' }] },
    { status: f },
  );
}

/** An EHR holding story 09 where every request for `failing` fails as `how`. */
function serve(failing: string, how: Failure): void {
  server.use(
    http.all(`${FHIR_BASE}/*`, ({ request }) => {
      const url = new URL(request.url);
      const path = url.pathname.slice(new URL(FHIR_BASE).pathname.length).replace(/^\//, '');
      const [type, id] = path.split('/');
      if (failing === '*') return failWith(how);
      if (type === 'metadata')
        return HttpResponse.json(
          capabilityStatement(Object.fromEntries(OFFERED.map((t) => [t, {}]))),
        );
      if (type === failing) return failWith(how);
      if (request.method !== 'GET') return HttpResponse.json({}, { status: 405 });
      const ofType = data.filter((r) => r.resourceType === type);
      if (id) {
        const r = ofType.find((x) => x.id === id);
        return r ? HttpResponse.json(r) : HttpResponse.json({}, { status: 404 });
      }
      const wanted = [...url.searchParams.entries()]
        .filter(([k]) => !k.startsWith('_') && k !== 'use')
        .map(([, v]) => (v.split(',')[0] ?? '').split('/').pop() ?? '');
      const ids = url.searchParams.get('_id')?.split(',');
      const hits = ofType.filter(
        (r) =>
          (!ids || ids.includes(r.id ?? '')) && wanted.every((v) => JSON.stringify(r).includes(v)),
      );
      return HttpResponse.json(searchset(hits));
    }),
  );
}

const ABSENCE =
  /\bnone\b|does not offer|No [a-z ]+ (are|is|was|were) (recorded|found)|nothing to check|no diagnosis was found/i;

async function settled(): Promise<void> {
  // Loaded (or failed) when nothing says it is loading for a moment.
  await waitFor(
    () => {
      expect(document.querySelector('progress')).toBeNull();
      expect(screen.queryByText(/Opening your screen|Finding your role/)).toBeNull();
    },
    { timeout: 40_000 },
  );
  await new Promise((r) => setTimeout(r, 300));
  await waitFor(() => expect(document.querySelector('progress')).toBeNull());
}

function render(role: string | undefined, user = 'coder-1') {
  const gateway = new FhirclientGateway({
    launch: testLaunch({
      patientId: 'pt-claim-errors',
      encounterId: 'enc-claim-errors-20260807',
      fhirUser: `Practitioner/${user}`,
      intent: role,
    }),
    token: { accessToken: () => Promise.resolve('t'), refresh: () => Promise.resolve(false) },
    sleep: () => Promise.resolve(),
  });
  renderWithApp(<Shell />, { gateway });
}

const FAILURES: Failure[] = [400, 401, 403, 500, 'network'];
const READ_TYPES = [
  'Patient',
  'Encounter',
  'MedicationAdministration',
  'Medication',
  'MedicationRequest',
  'Location',
  'Coverage',
  'Claim',
];

/** Exactly one alert naming the failure, one "Try again", no absence wording, no role picker. */
function expectOneFailureMessage(): void {
  const alerts = screen.queryAllByRole('alert');
  expect(alerts.map((a) => a.textContent)).toHaveLength(1);
  expect(alerts[0]).toHaveTextContent(/could not (be read|be loaded|load|reach|check)/i);
  expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
  expect(document.body.textContent ?? '').not.toMatch(ABSENCE);
  expect(screen.queryByRole('heading', { name: 'Which work are you doing?' })).toBeNull();
}

// Refused (403) and turned down (400) for every visit type; every failure for the patient's
// own record. A failed load of the whole visit (401, 5xx, dropped connection) is below.
const PARTIAL: Failure[] = [400, 403];
const rowsFor = (failures: readonly Failure[]) => [
  ...FAILURES.map((f) => ['Patient', f] as const),
  ...READ_TYPES.filter((t) => t !== 'Patient').flatMap((t) => failures.map((f) => [t, f] as const)),
];

describe('coder screen (shell, visit list, coder review): every read type, refused or turned down', () => {
  const rows = rowsFor(PARTIAL);
  it.each(rows)(
    '%s answering %s: one alert, one "Try again", no absence wording',
    async (type, how) => {
      serve(type, how);
      render('coder');
      await settled();
      expectOneFailureMessage();
    },
  );
});

describe.each(['nurse', 'clinician'])(
  '%s screen: every read type, refused and unreachable',
  (role) => {
    const rows = rowsFor([400]);
    it.each(rows)(
      '%s answering %s: one alert, one "Try again", no absence wording',
      async (type, how) => {
        serve(type, how);
        render(role, `${role}-1`);
        await settled();
        expectOneFailureMessage();
      },
    );
  },
);

describe("role picker: the user's roles cannot be read (no launch intent)", () => {
  it.each(FAILURES)(
    'PractitionerRole answering %s: one alert, one "Try again", no role picker',
    async (how) => {
      serve('PractitionerRole', how);
      render(undefined, 'coder-1');
      await settled();
      expectOneFailureMessage();
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Your role in the EHR could not be read.',
      );
      expect(screen.queryByRole('button', { name: 'Coder' })).toBeNull();
    },
  );
});

describe('every request refused or turned down (the issue\'s "every FHIR call failed with 400")', () => {
  it.each([400, 403] as const)(
    'all answering %s: one alert, one "Try again", no absence wording',
    async (how) => {
      serve('*', how);
      render('coder');
      await settled();
      expectOneFailureMessage();
    },
  );
});

// Issue 14 part 7 / issue 17 §5: when the whole visit cannot be loaded (the session ended, the
// EHR failing, the connection dropped), every role sees exactly one alert and one "Try again":
// the visit list's, never the role screen's too; no absence wording, no role picker, and the
// chair never says "All entries saved." over it.
const WHOLE: Failure[] = [401, 500, 'network'];
describe.each(['nurse', 'clinician', 'coder'])(
  '%s screen: the whole visit fails to load',
  (role) => {
    const rows = ['Encounter', 'MedicationAdministration', '*'].flatMap((t) =>
      WHOLE.map((f) => [t, f] as const),
    );
    it.each(rows)('%s answering %s: exactly 1 alert and 1 "Try again"', async (type, how) => {
      serve(type, how);
      render(role, `${role}-1`);
      await settled();
      expectOneFailureMessage();
      expect(screen.getByRole('alert')).toHaveTextContent('EveryDose could not load this visit.');
      expect(screen.queryByText('All entries saved.')).toBeNull();
      // The role's screen keeps its heading under the one alert (people know where they are).
      if (role !== 'nurse')
        expect(
          screen.getByRole('heading', {
            name: role === 'coder' ? 'Coder review' : 'Billing warnings',
          }),
        ).toBeInTheDocument();
    });

    it('"Try again" once the EHR answers: the alert goes and the screen loads', async () => {
      serve('MedicationAdministration', 500);
      render(role, `${role}-1`);
      await settled();
      expectOneFailureMessage();
      server.resetHandlers();
      serve('none', 500);
      screen.getByRole('button', { name: 'Try again' }).click();
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull(), { timeout: 40_000 });
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    });
  },
);
