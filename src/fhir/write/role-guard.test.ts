import type { Claim, MedicationAdministration, Provenance } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { AppRole } from '../extensions.ts';
import type { LaunchContext } from '../gateway.ts';
import { MemoryGateway } from '../test-kit/memory-gateway.ts';
import { roleGuardedGateway } from './role-guard.ts';

const launch = (over: Partial<LaunchContext>): LaunchContext => ({
  serverUrl: 'http://ehr.test/fhir',
  patientId: 'p1',
  encounterId: 'e1',
  fhirUser: 'Practitioner/coder-1',
  needPatientBanner: false,
  intent: undefined,
  grantedScopes: [],
  ...over,
});

const claim = {
  resourceType: 'Claim',
  status: 'draft',
  use: 'claim',
  patient: { reference: 'Patient/p1' },
} as Claim;
const claimProvenance = {
  resourceType: 'Provenance',
  target: [{ reference: 'Claim/c1' }],
  recorded: '2026-03-03T15:00:00Z',
  agent: [{ who: { reference: 'Practitioner/coder-1' } }],
} as Provenance;
const administration = {
  resourceType: 'MedicationAdministration',
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-02T10:00:00Z',
  medicationCodeableConcept: { text: 'x' },
} as MedicationAdministration;

type Resource = Claim | Provenance | MedicationAdministration;

describe('writes re-check the role just before they leave (part 5)', () => {
  it.each<[string, Partial<LaunchContext>, AppRole | undefined, AppRole[], Resource, boolean]>([
    ['coder with intent coder saves a claim', { intent: 'coder' }, 'coder', [], claim, true],
    ['coder by PractitionerRole saves a claim', {}, 'coder', ['coder'], claim, true],
    [
      'nurse working as nurse cannot save a claim',
      { fhirUser: 'Practitioner/nurse-1' },
      'nurse',
      ['nurse'],
      claim,
      false,
    ],
    ['coder role taken away in the EHR since launch', {}, 'coder', ['nurse'], claim, false],
    ['no role chosen cannot save a claim', {}, undefined, ['coder'], claim, false],
    [
      'nurse cannot record a claim sign-off',
      { intent: 'nurse' },
      'nurse',
      [],
      claimProvenance,
      false,
    ],
    ['coder records a claim sign-off', { intent: 'coder' }, 'coder', [], claimProvenance, true],
    ['nurse records an administration', { intent: 'nurse' }, 'nurse', [], administration, true],
    [
      'a Patient user never writes, even a claim',
      { fhirUser: 'Patient/p1', intent: 'coder' },
      'coder',
      ['coder'],
      claim,
      false,
    ],
    [
      'a RelatedPerson never writes an administration',
      { fhirUser: 'RelatedPerson/r1' },
      undefined,
      [],
      administration,
      false,
    ],
  ])('%s', async (_name, over, role, fresh, resource, allowed) => {
    const inner = new MemoryGateway(launch(over), []);
    const gw = roleGuardedGateway(
      inner,
      () => role,
      () => Promise.resolve(fresh),
    );
    const attempt = gw.create<Resource>(resource);
    if (allowed) await expect(attempt).resolves.toBeDefined();
    else await expect(attempt).rejects.toThrow();
    expect(inner.writes.length).toBe(allowed ? 1 : 0);
  });

  it('passes reads and the launch through untouched', async () => {
    const inner = new MemoryGateway(launch({ fhirUser: 'Patient/p1' }), [{ ...claim, id: 'c1' }]);
    const gw = roleGuardedGateway(
      inner,
      () => undefined,
      () => Promise.resolve([]),
    );
    expect(gw.launch.fhirUser).toBe('Patient/p1');
    expect((await gw.read<Claim>('Claim', 'c1')).resource.id).toBe('c1');
  });
});
