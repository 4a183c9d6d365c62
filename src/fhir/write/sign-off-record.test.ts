import type { Claim, Provenance } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { MemoryGateway } from '../test-kit/memory-gateway.ts';
import type { LaunchContext } from '../gateway.ts';
import { findExistingClaim } from './claim-existing.ts';
import { buildSignOffProvenance } from './provenance-builder.ts';
import {
  halfSignedOf,
  preflightSignOff,
  signOffMarkOf,
  signOffRecordsOf,
  withSignOffMark,
} from './sign-off-record.ts';

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

describe('issue 14 §3: a half-signed claim (saved by a sign-off, its Provenance missing)', () => {
  const mark = { author: 'Practitioner/coder-1', recorded: '2026-03-03T15:00:00Z' };
  const marked = (version: string, m = mark) => ({
    ...withSignOffMark(claim, m),
    meta: { versionId: version },
  });
  it.each<[string, Claim, Provenance[], boolean]>([
    ['no mark: a draft someone else wrote is never half-signed', claim, [], false],
    ['mark and no Provenance: half-signed', marked('2'), [], true],
    ['mark and its Provenance (same instant): signed', marked('2'), [signOff()], false],
    [
      'same instant written with another offset still matches',
      marked('2', { ...mark, recorded: '2026-03-03T10:00:00-05:00' }),
      [signOff()],
      false,
    ],
    [
      'a Provenance one second later is another sign-off: still half-signed',
      marked('2'),
      [signOff({ recorded: '2026-03-03T15:00:01Z', signedVersion: '1' })],
      true,
    ],
    [
      'finished by another coder (her instant, this version): signed',
      marked('2'),
      [signOff({ recorded: '2026-03-03T16:00:00Z', signedVersion: '2' })],
      false,
    ],
    [
      'an earlier sign-off of version 1 does not record version 2',
      marked('2'),
      [signOff({ recorded: '2026-03-02T15:00:00Z', signedVersion: '1' })],
      true,
    ],
    [
      'a mark without its instant is not read as a sign-off',
      {
        ...claim,
        extension: [
          {
            url: 'https://everydose.dev/fhir/StructureDefinition/sign-off',
            extension: [{ url: 'author', valueReference: { reference: 'Practitioner/coder-1' } }],
          },
        ],
      },
      [],
      false,
    ],
  ])('%s', (_name, c, provenances, half) => {
    expect(halfSignedOf(c, signOffRecordsOf(provenances, 'c1')) !== undefined).toBe(half);
  });

  it('the mark replaces an earlier one, keeps other extensions, and carries the amendment reason', () => {
    const other = { url: 'https://example.org/x', valueString: 'kept' };
    const once = withSignOffMark({ ...claim, extension: [other] }, mark);
    const twice = withSignOffMark(once, {
      author: 'Practitioner/coder-2',
      recorded: '2026-03-04T09:00:00Z',
      amendmentReason: 'J1200 units corrected',
    });
    expect(twice.extension?.filter((e) => e.url === other.url)).toEqual([other]);
    expect(twice.extension).toHaveLength(2);
    expect(signOffMarkOf(twice)).toEqual({
      author: 'Practitioner/coder-2',
      recorded: '2026-03-04T09:00:00Z',
      amendmentReason: 'J1200 units corrected',
    });
    expect(claim.extension).toBeUndefined(); // input untouched
  });

  it.each<[string, string, string, string]>([
    ['reviewed the half-signed version: finish it', '2', '2', 'half-signed'],
    ['reviewed an older version: review the change first', '1', '2', 'changed'],
  ])('preflight: %s', async (_name, seen, onServer, want) => {
    const gw = new MemoryGateway(launch, [claim]);
    await gw.update(withSignOffMark(claim, mark), 'W/"1"'); // version 2, its Provenance lost
    const reviewed = findExistingClaim(
      [{ ...withSignOffMark(claim, mark), meta: { versionId: seen } }],
      'Encounter/e1',
    );
    expect((await gw.read<Claim>('Claim', 'c1')).resource.meta?.versionId).toBe(onServer);
    const pre = await preflightSignOff(gw, {
      reviewed,
      patient: 'Patient/p1',
      encounter: 'Encounter/e1',
      amending: false,
    });
    expect(pre.kind).toBe(want);
  });
});
