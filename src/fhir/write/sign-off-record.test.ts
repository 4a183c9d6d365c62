import type { Claim, Provenance } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { MemoryGateway } from '../memory-gateway.ts';
import type { LaunchContext } from '../gateway.ts';
import { findExistingClaim } from './claim-existing.ts';
import { buildSignOffProvenance } from './provenance-builder.ts';
import { preflightSignOff, signOffRecordsOf } from './sign-off-record.ts';

const launch: LaunchContext = {
  serverUrl: 'http://ehr.test/fhir',
  patientId: 'p1',
  encounterId: 'e1',
  fhirUser: 'Practitioner/coder-1',
  needPatientBanner: false,
  intent: 'coder',
  grantedScopes: [],
};

const claim: Claim & { id: string } = {
  resourceType: 'Claim',
  id: 'c1',
  status: 'draft',
  use: 'claim',
  type: { coding: [{ code: 'professional' }] },
  patient: { reference: 'Patient/p1' },
  created: '2026-03-02',
  provider: { reference: 'Organization/clinic' },
  priority: { coding: [{ code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/c1' } }],
  item: [
    {
      sequence: 1,
      productOrService: { coding: [{ code: '96413' }] },
      encounter: [{ reference: 'Encounter/e1' }],
    },
  ],
};

const signOff = (over: Partial<Parameters<typeof buildSignOffProvenance>[0]> = {}) =>
  ({
    ...buildSignOffProvenance({
      claim: 'Claim/c1',
      author: 'Practitioner/coder-1',
      recorded: '2026-03-03T15:00:00Z',
      revised: false,
      sources: [],
      signedVersion: '1',
      ...over,
    }),
    id: `p-${over.recorded ?? 'x'}`,
  }) as Provenance;

describe('sign-off records read back from the Provenances (part 3)', () => {
  it.each<[string, Provenance[], { author: string; version?: string; amended: boolean }[]]>([
    [
      'one sign-off',
      [signOff()],
      [{ author: 'Practitioner/coder-1', version: '1', amended: false }],
    ],
    ['another claim’s sign-off is not this one’s', [signOff({ claim: 'Claim/c2' })], []],
    [
      'a Provenance that is not a sign-off (no HPAYMT) does not count',
      [{ ...signOff(), reason: [] }],
      [],
    ],
    [
      'newest first; the amendment says so',
      [
        signOff(),
        signOff({
          recorded: '2026-03-04T09:00:00Z',
          signedVersion: '2',
          amendmentReason: 'J1200 units corrected',
        }),
      ],
      [
        { author: 'Practitioner/coder-1', version: '2', amended: true },
        { author: 'Practitioner/coder-1', version: '1', amended: false },
      ],
    ],
  ])('%s', (_name, provenances, want) => {
    const got = signOffRecordsOf(provenances, 'c1');
    expect(got.map((r) => ({ author: r.author, version: r.version, amended: r.amended }))).toEqual(
      want,
    );
    if (want[0]?.amended) expect(got[0]?.reason).toBe('J1200 units corrected');
  });
});

describe('preflight just before a sign-off write (idempotency, If-Match)', () => {
  const existing = () =>
    findExistingClaim([{ ...claim, meta: { versionId: '1' } }], 'Encounter/e1');
  it.each<[string, Provenance[], boolean, string, string]>([
    ['version 1 already signed, signing again', [signOff()], false, '1', 'already-signed'],
    ['version 1 already signed, amending with a reason', [signOff()], true, '1', 'go'],
    ['an older version was signed, the claim changed since review', [], false, '2', 'changed'],
    ['not signed, unchanged', [], false, '1', 'go'],
  ])('%s', async (_name, provenances, amending, serverVersion, want) => {
    const gw = new MemoryGateway(launch, [claim, ...provenances]);
    // The memory server starts every resource at version 1; a second write makes version 2.
    if (serverVersion === '2') await gw.update({ ...claim }, 'W/"1"');
    const pre = await preflightSignOff(gw, {
      reviewed: existing(),
      patient: 'Patient/p1',
      encounter: 'Encounter/e1',
      amending,
    });
    expect(pre.kind).toBe(want);
  });

  it('a visit without a claim at review that has one now is sent back for review', async () => {
    const gw = new MemoryGateway(launch, [claim]);
    const pre = await preflightSignOff(gw, {
      reviewed: undefined,
      patient: 'Patient/p1',
      encounter: 'Encounter/e1',
      amending: false,
    });
    expect(pre.kind).toBe('drafted-meanwhile');
    const none = await preflightSignOff(new MemoryGateway(launch, []), {
      reviewed: undefined,
      patient: 'Patient/p1',
      encounter: 'Encounter/e1',
      amending: false,
    });
    expect(none.kind).toBe('go');
  });
});
