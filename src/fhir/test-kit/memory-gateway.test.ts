import type { FhirResource, MedicationAdministration, Provenance } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { testLaunch } from '../../../test/msw/fhir-server.ts';
import { FhirError } from '../gateway.ts';
import { MemoryGateway } from './memory-gateway.ts';

const ma: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'a1',
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Paclitaxel' },
  effectivePeriod: { start: '2026-11-26T09:00:00-05:00' },
};

describe('MemoryGateway', () => {
  it('versions updates and enforces If-Match', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    const { etag } = await gw.read<MedicationAdministration>('MedicationAdministration', 'a1');
    expect(etag).toBe('W/"1"');
    const updated = await gw.update({ ...ma, id: 'a1', status: 'completed' }, 'W/"1"');
    expect(updated.etag).toBe('W/"2"');
    await expect(gw.update({ ...ma, id: 'a1' }, 'W/"1"')).rejects.toMatchObject({
      kind: 'conflict',
    });
    expect(gw.writes.map((w) => w.method)).toEqual(['update']);
  });

  it('refuses forbidden types with 403 and searches by patient', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma], { forbidden: ['Claim'] });
    await expect(gw.search('Claim', { patient: 'p1' })).rejects.toMatchObject({ status: 403 });
    expect(await gw.search('MedicationAdministration', { patient: 'p1' })).toHaveLength(1);
    expect(await gw.search('MedicationAdministration', { patient: 'p2' })).toHaveLength(0);
  });
});

describe('MemoryGateway keeps every version', () => {
  it('versions(type, id) lists each stored version, oldest first, with its versionId', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    await gw.update({ ...ma, id: 'a1', status: 'completed' }, 'W/"1"');
    await gw.update({ ...ma, id: 'a1', status: 'stopped' }, 'W/"2"');
    const versions = gw.versions('MedicationAdministration', 'a1') as MedicationAdministration[];
    expect(versions.map((v) => [v.meta?.versionId, v.status])).toEqual([
      ['1', 'in-progress'],
      ['2', 'completed'],
      ['3', 'stopped'],
    ]);
    const { resource, etag } = await gw.read<MedicationAdministration>(
      'MedicationAdministration',
      'a1',
    );
    expect([resource.status, etag]).toEqual(['stopped', 'W/"3"']);
    expect(gw.versions('MedicationAdministration', 'none')).toEqual([]);
    expect(gw.stored('MedicationAdministration')).toHaveLength(1);
  });

  it('an answer is a copy: changing it never changes the store', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    const { resource } = await gw.read<MedicationAdministration>('MedicationAdministration', 'a1');
    resource.status = 'entered-in-error';
    (resource.meta ?? {}).versionId = '9';
    const again = await gw.read<MedicationAdministration>('MedicationAdministration', 'a1');
    expect([again.resource.status, again.etag]).toEqual(['in-progress', 'W/"1"']);
  });
});

describe('MemoryGateway identifier search (token system|value)', () => {
  const tagged: MedicationAdministration = {
    ...ma,
    id: 'a2',
    identifier: [{ system: 'urn:sys', value: 'v1' }, { value: 'bare' }],
  };
  it.each<[string, number]>([
    ['urn:sys|v1', 1],
    ['urn:sys|v2', 0],
    ['urn:other|v1', 0],
    ['v1', 1],
    ['|v1', 0],
    ['|bare', 1],
    ['urn:sys|', 1],
    ['urn:none|,urn:sys|v1', 1],
  ])('identifier=%s finds %i', async (wanted, n) => {
    const gw = new MemoryGateway(testLaunch(), [ma, tagged]);
    expect(await gw.search('MedicationAdministration', { identifier: wanted })).toHaveLength(n);
  });
});

describe('MemoryGateway faults and call log', () => {
  it('offline: every call fails with a network error and is logged; nothing is stored', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    gw.offline = true;
    await expect(gw.read('MedicationAdministration', 'a1')).rejects.toMatchObject({
      kind: 'network',
    });
    await expect(gw.create({ ...ma, id: undefined })).rejects.toMatchObject({ kind: 'network' });
    expect(gw.calls).toEqual([
      'read MedicationAdministration/a1',
      'create MedicationAdministration',
    ]);
    expect(gw.writes).toEqual([]);
  });

  it('failNext: the next calls fail one each, in order, before the server acts', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    gw.failNext = [new FhirError('rate-limited', 'Too many', 429, 30)];
    await expect(gw.update({ ...ma, id: 'a1' }, 'W/"1"')).rejects.toMatchObject({ status: 429 });
    expect(gw.versions('MedicationAdministration', 'a1')).toHaveLength(1);
    expect((await gw.update({ ...ma, id: 'a1' }, 'W/"1"')).etag).toBe('W/"2"');
  });

  it('loseNextWriteAnswer: the write lands, its answer is lost, once', async () => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    gw.loseNextWriteAnswer = true;
    await expect(gw.update({ ...ma, id: 'a1' }, 'W/"1"')).rejects.toMatchObject({
      kind: 'network',
    });
    expect(gw.versions('MedicationAdministration', 'a1')).toHaveLength(2);
    expect((await gw.update({ ...ma, id: 'a1' }, 'W/"2"')).etag).toBe('W/"3"');
  });

  it.each<[string, 'refused' | 'lose-answer', number]>([
    ['an error: nothing stored', 'refused', 0],
    ['a lost answer: stored', 'lose-answer', 1],
  ])('failOn(call) hits only a matching call: %s', async (_n, fault, stored) => {
    const gw = new MemoryGateway(testLaunch(), [ma]);
    gw.failOn(
      'create Provenance',
      fault === 'refused' ? new FhirError('invalid', 'Not allowed', 405) : fault,
    );
    await gw.update({ ...ma, id: 'a1' }, 'W/"1"'); // another call: untouched
    const prov: Provenance = { resourceType: 'Provenance', recorded: '', target: [], agent: [] };
    await expect(gw.create(prov)).rejects.toBeInstanceOf(FhirError);
    expect(gw.stored('Provenance')).toHaveLength(stored);
    await gw.create(prov); // the plan is used up
    expect(gw.stored('Provenance')).toHaveLength(stored + 1);
  });
});

describe('MemoryGateway _include / _revinclude options', () => {
  const claim: FhirResource = {
    resourceType: 'Claim',
    id: 'c1',
    status: 'active',
    use: 'claim',
    type: { coding: [{ code: 'professional' }] },
    patient: { reference: 'Patient/p1' },
    created: '2026-08-07',
    provider: { reference: 'Organization/o1' },
    priority: { coding: [{ code: 'normal' }] },
    insurance: [],
  };
  const answer: FhirResource = {
    resourceType: 'ClaimResponse',
    id: 'cr1',
    status: 'active',
    use: 'claim',
    type: { coding: [{ code: 'professional' }] },
    patient: { reference: 'Patient/p1' },
    created: '2026-08-08',
    insurer: { reference: 'Organization/o2' },
    outcome: 'complete',
    request: { reference: 'Claim/c1' },
  };
  it.each<[string, { includes?: boolean; revincludes?: boolean }, string[]]>([
    ['default: answered', {}, ['Claim/c1', 'ClaimResponse/cr1']],
    ['includes: false', { includes: false }, ['Claim/c1']],
    ['revincludes: false (a server that ignores it)', { revincludes: false }, ['Claim/c1']],
    [
      'includes: false, revincludes: true',
      { includes: false, revincludes: true },
      ['Claim/c1', 'ClaimResponse/cr1'],
    ],
  ])('%s', async (_n, options, want) => {
    const gw = new MemoryGateway(testLaunch(), [claim, answer], options);
    const found = await gw.search('Claim', { patient: 'p1', _revinclude: 'ClaimResponse:request' });
    expect(found.map((r) => `${r.resourceType}/${r.id}`)).toEqual(want);
    const statement = await gw.capabilities();
    const claimRest = statement.rest?.[0]?.resource?.find((r) => r.type === 'Claim');
    expect((claimRest?.searchRevInclude ?? []).length > 0).toBe(want.length === 2);
  });
});
