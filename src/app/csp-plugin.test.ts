import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, frameAncestors } from './csp-plugin.ts';

describe('Content-Security-Policy for the app pages', () => {
  it.each([
    [{}, ["'self'", 'http://127.0.0.1:4000']],
    [{ VITE_FHIR_ISS: 'http://127.0.0.1:41234/fhir' }, ["'self'", 'http://127.0.0.1:41234']],
    [{ VITE_FHIR_ISS: 'not a url' }, ["'self'", 'http://127.0.0.1:4000']],
    [
      { EVERYDOSE_FRAME_ANCESTORS: "'self' https://ehr.example.org" },
      ["'self'", 'https://ehr.example.org'],
    ],
    [
      { EVERYDOSE_FRAME_ANCESTORS: 'https://ehr.example.org script-src *' },
      ['https://ehr.example.org'],
    ],
    [{ EVERYDOSE_FRAME_ANCESTORS: 'https://ehr.example.org; script-src *' }, ["'none'"]],
    [{ EVERYDOSE_FRAME_ANCESTORS: 'javascript:alert(1)' }, ["'none'"]],
  ])('frame-ancestors from %j', (env, expected) => {
    expect(frameAncestors(env)).toEqual(expected);
  });

  it('the dev policy has frame-ancestors, no plugins, no foreign base', () => {
    expect(contentSecurityPolicy({}, false)).toBe(
      "frame-ancestors 'self' http://127.0.0.1:4000; object-src 'none'; base-uri 'self'",
    );
  });

  it('the built app also allows scripts from its own origin only', () => {
    expect(contentSecurityPolicy({}, true)).toMatch(/; script-src 'self'$/);
  });
});
