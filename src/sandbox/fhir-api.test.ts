import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { addPagingLinks, searchUrl } from './fhir-api.ts';

const BASE = 'http://127.0.0.1:4000/fhir';

function bundle(matches: number, total: number | undefined): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(total === undefined ? {} : { total }),
    entry: Array.from({ length: matches }, (_, i) => ({
      search: { mode: 'match' as const },
      resource: { resourceType: 'Patient' as const, id: `p${i}` },
    })),
  };
}

const rels = (b: Bundle) => (b.link ?? []).map((l) => l.relation);

describe('addPagingLinks', () => {
  it.each<[string, string, number, number | undefined, string[]]>([
    ['first page, more left', '/Patient?_count=2', 2, 5, ['self', 'next']],
    [
      'page ending just before the total',
      '/Patient?_count=2&_offset=2',
      2,
      5,
      ['self', 'next', 'previous'],
    ],
    ['page ending exactly at the total', '/Patient?_count=2&_offset=3', 2, 5, ['self', 'previous']],
    ['single page at the total', '/Patient?_count=5', 5, 5, ['self']],
    ['no total, full page', '/Patient?_count=2', 2, undefined, ['self', 'next']],
    ['no total, short page', '/Patient?_count=2', 1, undefined, ['self']],
    ['default count of 20', '/Patient', 20, 21, ['self', 'next']],
  ])('%s', (_name, url, matches, total, expected) => {
    const b = bundle(matches, total);
    addPagingLinks(b, BASE, url, false);
    expect(rels(b)).toEqual(expected);
  });

  it('points next at the following offset and previous at the one before', () => {
    const b = bundle(2, 10);
    addPagingLinks(b, BASE, '/Patient?name=x&_count=2&_offset=4', false);
    const url = (rel: string) => b.link?.find((l) => l.relation === rel)?.url;
    expect(url('self')).toBe(`${BASE}/Patient?name=x&_count=2&_offset=4`);
    expect(url('next')).toBe(`${BASE}/Patient?name=x&_count=2&_offset=6`);
    expect(url('previous')).toBe(`${BASE}/Patient?name=x&_count=2&_offset=2`);
  });

  it('loops next back to self when asked', () => {
    const b = bundle(1, 1);
    addPagingLinks(b, BASE, '/Patient?_count=1', true);
    expect(b.link?.find((l) => l.relation === 'next')?.url).toBe(`${BASE}/Patient?_count=1`);
  });

  it('adds absolute fullUrls', () => {
    const b = bundle(1, 1);
    addPagingLinks(b, BASE, '/Patient', false);
    expect(b.entry?.[0]?.fullUrl).toBe(`${BASE}/Patient/p0`);
  });
});

describe('searchUrl', () => {
  it.each([
    [{ method: 'GET' as const, url: '/Patient?a=1' }, '/Patient?a=1'],
    [{ method: 'POST' as const, url: '/Patient/_search', body: { a: '1' } }, '/Patient?a=1'],
    [{ method: 'POST' as const, url: '/Patient' }, '/Patient'],
  ])('%j → %s', (req, expected) => {
    expect(searchUrl(req)).toBe(expected);
  });
});
