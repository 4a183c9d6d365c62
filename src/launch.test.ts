// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const authorize = vi.hoisted(() => vi.fn((_options: Record<string, unknown>) => Promise.resolve()));
vi.mock('fhirclient', () => ({ default: { oauth2: { authorize } } }));

beforeEach(() => {
  document.body.innerHTML = '<div id="launch-status"></div>';
  authorize.mockClear();
  // No EHR answers here: the CapabilityStatement cannot be read unless a test says so.
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.reject(new TypeError('offline'))),
  );
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

function statementWith(
  writes: Record<string, string[]>,
  operations: Record<string, string[]> = {},
) {
  const types = new Set([
    ...Object.keys(writes),
    ...Object.keys(operations),
    'MedicationAdministration',
  ]);
  return {
    resourceType: 'CapabilityStatement',
    rest: [
      {
        mode: 'server',
        resource: [...types].map((type) => ({
          type,
          interaction: ['read', 'search-type', ...(writes[type] ?? [])].map((code) => ({ code })),
          operation: (operations[type] ?? []).map((name) => ({ name, definition: 'x' })),
        })),
      },
    ],
  };
}

async function launchWith(search: string) {
  const { startLaunch } = await import('./launch.ts');
  authorize.mockClear();
  await startLaunch(search);
}

describe('SMART launch page', () => {
  it('EHR launch: PKCE required, the agreed scopes, back to index.html; iss and launch from the URL', async () => {
    await launchWith('?iss=https%3A%2F%2Fehr.test%2Ffhir&launch=abc');
    expect(authorize).toHaveBeenCalledTimes(1);
    const options = authorize.mock.calls[0]?.[0] ?? {};
    expect(options).toMatchObject({
      clientId: 'everydose',
      pkceMode: 'required',
      redirectUri: 'index.html',
    });
    expect(options.iss).toBeUndefined();
    expect(String(options.scope)).toMatch(
      /^launch launch\/patient launch\/encounter openid fhirUser online_access /,
    );
    expect(String(options.scope)).toContain('patient/MedicationAdministration.cu');
  });

  it.each<[string, Record<string, string[]>, Record<string, string[]>, string[]]>([
    [
      'full',
      {
        MedicationAdministration: ['create', 'update'],
        Claim: ['create', 'update'],
        Provenance: ['create'],
      },
      {},
      ['patient/Claim.cu', 'patient/MedicationAdministration.cu', 'patient/Provenance.c'],
    ],
    [
      'claim-less',
      { MedicationAdministration: ['create', 'update'], DocumentReference: ['create'] },
      { ChargeItem: ['modify'] },
      ['patient/ChargeItem.crs', 'patient/MedicationAdministration.cu'],
    ],
    ['mar-read-only', { DocumentReference: ['create'] }, {}, ['patient/DocumentReference.c']],
    ['nothing writable', {}, {}, []],
  ])(
    'asks only for the write scopes of the chosen channels (%s EHR)',
    async (_name, writes, ops, want) => {
      vi.stubGlobal(
        'fetch',
        vi.fn((url: string) =>
          Promise.resolve(
            url === 'https://ehr.test/fhir/metadata'
              ? new Response(JSON.stringify(statementWith(writes, ops)))
              : new Response('', { status: 404 }),
          ),
        ),
      );
      await launchWith('?iss=https%3A%2F%2Fehr.test%2Ffhir&launch=abc');
      const scope = String(authorize.mock.calls[0]?.[0]?.scope).split(' ');
      expect(scope.filter((s) => /^patient\/.*\.[cud]/.test(s)).sort()).toEqual(want);
      expect(scope).toContain('patient/MedicationAdministration.rs');
    },
  );

  // Issue 17 §1: the worklist launch address asks for user-level reads of what the worklist
  // reads, no patient context, and only the coder's writes (user-level: no patient in context).
  it.each<[string, string]>([
    ['EHR launch with a work queue', '?view=worklist&iss=https%3A%2F%2Fehr.test%2Ffhir&launch=q'],
    ['standalone coder', '?view=worklist'],
  ])('worklist launch (%s): least privilege, user-level', async (_name, search) => {
    vi.stubEnv('VITE_FHIR_ISS', 'https://ehr.test/fhir');
    await launchWith(search);
    const scope = String(authorize.mock.calls[0]?.[0]?.scope).split(' ');
    expect(scope.filter((s) => s.startsWith('patient/') || s.startsWith('launch/'))).toEqual([]);
    expect(scope).toEqual(
      expect.arrayContaining([
        'launch',
        'user/List.rs',
        'user/Encounter.rs',
        'user/MedicationAdministration.rs',
        'user/Claim.rs',
        'user/Provenance.rs',
        'user/Claim.cu',
        'user/Provenance.c',
      ]),
    );
    expect(scope.filter((s) => /\.[cud]+$/.test(s)).sort()).toEqual([
      'user/Claim.cu',
      'user/Provenance.c',
    ]);
    expect(scope).not.toContain('user/MedicationAdministration.cu');
  });

  it('standalone: uses the configured iss and client id', async () => {
    vi.stubEnv('VITE_FHIR_ISS', 'https://ehr.test/fhir');
    vi.stubEnv('VITE_SMART_CLIENT_ID', 'everydose-dev');
    await launchWith('');
    expect(authorize.mock.calls[0]?.[0]).toMatchObject({
      iss: 'https://ehr.test/fhir',
      clientId: 'everydose-dev',
    });
  });

  it('says plainly what to do when it does not know the EHR', async () => {
    vi.stubEnv('VITE_FHIR_ISS', '');
    await launchWith('');
    expect(authorize).not.toHaveBeenCalled();
    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(
      /Open EveryDose from the EHR chart/,
    );
  });
});
